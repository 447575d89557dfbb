#include "privacy/pseudonymiser.h"

#include <array>

#include "core/sex.h"
#include "privacy/address.h"
#include "privacy/hkdf.h"
#include "privacy/messages.h"
#include "privacy/name_normaliser.h"

namespace sz::privacy {
namespace {

Result<HmacContext> KindContext(const Key& key, std::string_view kind) {
  std::string info = "samenzicht/" + std::string(kind) + "/v1";
  ASSIGN_OR_RETURN(Bytes derived, HkdfSha256(key.bytes(), {}, AsBytes(info), 32));
  Result<HmacContext> context = HmacContext::Create(HashAlgorithm::kSha256, derived);
  SecureWipe(derived.data(), derived.size());
  return context;
}

Result<std::string> Tag(HmacContext& context, const std::string& message) {
  Sha256Digest digest;
  RETURN_IF_ERROR(context.Compute(AsBytes(message), digest));
  return HexEncode(digest);
}

std::string Pad(int value, int width) {
  std::string text = std::to_string(value);
  return std::string(width > static_cast<int>(text.size()) ? width - text.size() : 0, '0') + text;
}

// The birth date written in a schema's strptime format (the directives CheckStrptimeFormat accepts).
std::string FormatDate(const Date& date, std::string_view format) {
  static constexpr std::array<const char*, 12> kMonths = {"January",   "February", "March",    "April",
                                                          "May",       "June",     "July",     "August",
                                                          "September", "October",  "November", "December"};
  std::string out;
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%' || i + 1 == format.size()) {
      out.push_back(format[i]);
      continue;
    }
    char directive = format[++i];
    switch (directive) {
      case 'Y': out += Pad(date.year, 4); break;
      case 'y': out += Pad(date.year % 100, 2); break;
      case 'm': out += Pad(date.month, 2); break;
      case 'd': out += Pad(date.day, 2); break;
      case 'B': out += kMonths[date.month - 1]; break;
      case 'b': out += std::string(kMonths[date.month - 1]).substr(0, 3); break;
      case 'H':
      case 'M':
      case 'S': out += "00"; break;
      case '%': out.push_back('%'); break;
      default: out.push_back('%'), out.push_back(directive); break;
    }
  }
  return out;
}

std::string JoinWords(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& word : words) {
    if (!out.empty()) out.push_back(' ');
    out += word;
  }
  return out;
}

}  // namespace

std::optional<int> AgeInYears(const Date& birth, const Date& on) {
  if (on < birth) return std::nullopt;
  int age = on.year - birth.year;
  if (on.month < birth.month || (on.month == birth.month && on.day < birth.day)) --age;
  return age;
}

std::string NormaliseSex(std::string_view text) {
  std::optional<Sex> sex = ParseSex(FoldName(text));  // the one vocabulary, core/sex.h
  if (!sex) return "";
  switch (*sex) {
    case Sex::kMan: return "m";
    case Sex::kVrouw: return "v";
    case Sex::kOther: return "x";
    case Sex::kUnknown: return "";
  }
  return "";
}

Result<Pseudonymiser> Pseudonymiser::Create(const Key& key, const ClkSchema& linkage_schema,
                                            const PseudonymiserOptions& options) {
  std::vector<Part> parts;
  for (const ClkFeature& feature : linkage_schema.features) {
    const std::string& id = feature.identifier;
    if (feature.ignored) {
      parts.push_back(Part::kIgnored);
    } else if (id == "given_name") {
      parts.push_back(Part::kGivenName);
    } else if (id == "given_names") {
      parts.push_back(Part::kGivenNames);
    } else if (id == "first_initial") {
      parts.push_back(Part::kFirstInitial);
    } else if (id == "initials") {
      parts.push_back(Part::kInitials);
    } else if (id == "tussenvoegsel") {
      parts.push_back(Part::kTussenvoegsel);
    } else if (id == "surname") {
      parts.push_back(Part::kSurname);
    } else if (id == "birth_date") {
      if (feature.format.type != ClkFeatureType::kDate && feature.format.type != ClkFeatureType::kString) {
        return InvalidArgumentError(msg::BirthDateFeatureFormat());
      }
      parts.push_back(Part::kBirthDate);
    } else if (id == "birth_year") {
      parts.push_back(Part::kBirthYear);
    } else if (id == "sex") {
      parts.push_back(Part::kSex);
    } else {
      return InvalidArgumentError(msg::UnfillableFeature(id));
    }
  }
  ASSIGN_OR_RETURN(HmacContext bsn, KindContext(key, "bsn"));
  ASSIGN_OR_RETURN(HmacContext name, KindContext(key, "name"));
  ASSIGN_OR_RETURN(HmacContext address, KindContext(key, "address"));
  ASSIGN_OR_RETURN(Bytes clk_key, HkdfSha256(key.bytes(), {}, AsBytes("samenzicht/clk/v1"), 32));
  std::string clk_secret = HexEncode(clk_key);
  SecureWipe(clk_key.data(), clk_key.size());
  Result<ClkEncoder> encoder = ClkEncoder::Create(linkage_schema, AsBytes(clk_secret));
  SecureWipe(clk_secret.data(), clk_secret.size());
  if (!encoder.ok()) return encoder.status();
  Pseudonymiser pseudonymiser(std::move(bsn), std::move(name), std::move(address), std::move(encoder).value(),
                              std::move(parts), key.Fingerprint());
  if (options.field_encodings) {
    ASSIGN_OR_RETURN(FieldEncoder field_encoder, FieldEncoder::Create(key));
    pseudonymiser.field_encoder_.emplace(std::move(field_encoder));
  }
  return pseudonymiser;
}

Result<Pseudonyms> Pseudonymiser::Pseudonymise(const PersonIdentity& person) {
  Pseudonyms out;

  BsnCheck bsn = CheckBsn(person.bsn);
  out.bsn_status = bsn.status;
  if (bsn.status == BsnStatus::kValid) {
    ASSIGN_OR_RETURN(out.bsn_pseudonym, Tag(bsn_, bsn.bsn));
  } else if (bsn.status == BsnStatus::kInvalid) {
    out.problems.push_back(msg::ProblemBsnElfproef());
  }

  GivenNames given = NormaliseGivenNames(person.given_names);
  SurnameParts surname = SplitSurname(person.tussenvoegsel, person.surname);
  out.sex = NormaliseSex(person.sex);
  if (!person.birth_date.empty()) {
    Result<Date> date = ParseDate(person.birth_date);
    if (date.ok()) {
      out.birth_date = *date;
      out.birth_year = date->year;
    } else {
      out.problems.push_back(msg::ProblemBirthDate());
    }
  }
  if (!person.sex.empty() && out.sex.empty()) out.problems.push_back(msg::ProblemSex());

  std::string compact_surname = surname.CompactSurname();
  if (!compact_surname.empty() && !given.FirstInitial().empty() && out.birth_date.has_value() && !out.sex.empty()) {
    ASSIGN_OR_RETURN(out.name_pseudonym, Tag(name_, compact_surname + "|" + given.FirstInitial() + "|" +
                                                        out.birth_date->ToIso() + "|" + out.sex));
  }

  if (!person.postcode.empty() || !person.house_number.empty()) {
    Result<std::string> postcode = NormalisePostcode(person.postcode);
    Result<HouseNumber> number = ParseHouseNumber(person.house_number, person.house_number_addition);
    if (!postcode.ok()) out.problems.push_back(msg::ProblemPostcode(postcode.status().message()));
    if (!number.ok()) out.problems.push_back(msg::ProblemHouseNumber(number.status().message()));
    if (postcode.ok() && number.ok()) {
      ASSIGN_OR_RETURN(out.address_pseudonym,
                       Tag(address_, *postcode + "|" + std::to_string(number->number) + "|" + number->addition));
    }
  }

  if (field_encoder_) {
    FieldValues values{.given_names = person.given_names,
                       .tussenvoegsel = person.tussenvoegsel,
                       .surname = person.surname,
                       .street = person.street,
                       .locality = person.locality,
                       .postcode = person.postcode,
                       .house_number = person.house_number,
                       .house_number_addition = person.house_number_addition,
                       .id_number = person.bsn,
                       .birth_date = out.birth_date};
    ASSIGN_OR_RETURN(out.fields, field_encoder_->Encode(values));
  }

  // The CLK.
  const auto& features = clk_encoder_.schema().features;
  std::vector<std::string> values(features.size());
  bool any = false;
  for (size_t i = 0; i < features.size(); ++i) {
    std::string& value = values[i];
    switch (clk_parts_[i]) {
      case Part::kGivenName: value = given.FirstName(); break;
      case Part::kGivenNames: value = JoinWords(given.names); break;
      case Part::kFirstInitial: value = given.FirstInitial(); break;
      case Part::kInitials: value = given.initials; break;
      case Part::kTussenvoegsel: value = surname.tussenvoegsel; break;
      case Part::kSurname: value = surname.surname; break;
      case Part::kBirthDate:
        if (out.birth_date.has_value()) {
          value = features[i].format.type == ClkFeatureType::kDate
                      ? FormatDate(*out.birth_date, features[i].format.date_format)
                      : out.birth_date->ToIso();
        }
        break;
      case Part::kBirthYear:
        if (out.birth_year.has_value()) value = std::to_string(*out.birth_year);
        break;
      case Part::kSex: value = out.sex; break;
      case Part::kIgnored: break;
    }
    if (!value.empty() && clk_parts_[i] != Part::kIgnored) any = true;
  }
  if (any) {
    Result<Clk> clk = clk_encoder_.Encode(values);
    if (clk.ok()) {
      if (clk->Popcount() > 0) out.clk = clk->ToBase64();
    } else if (clk.status().code() == StatusCode::kDataError) {
      out.problems.push_back(msg::ProblemClk(clk.status().message()));
    } else {
      return clk.status();
    }
  }
  return out;
}

}  // namespace sz::privacy
