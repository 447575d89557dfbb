#include "privacy/field_encoder.h"

#include <array>
#include <bit>
#include <utility>

#include "privacy/address.h"
#include "privacy/bytes.h"
#include "privacy/hkdf.h"
#include "privacy/messages.h"
#include "privacy/name_normaliser.h"

namespace sz::privacy {
namespace {

Result<HmacContext> FieldContext(const Key& key, std::string_view name) {
  std::string info = "samenzicht/field/" + std::string(name) + "/v1";
  ASSIGN_OR_RETURN(Bytes derived, HkdfSha256(key.bytes(), {}, AsBytes(info), 32));
  Result<HmacContext> context = HmacContext::Create(HashAlgorithm::kSha256, derived);
  SecureWipe(derived.data(), derived.size());
  return context;
}

constexpr std::array<const char*, kTextFieldCount> kFieldNames = {"given-name", "surname",  "street",
                                                                  "locality",   "postcode", "id-number"};

std::string Pad2(int value) { return (value < 10 ? "0" : "") + std::to_string(value); }

std::string LettersAndDigits(std::string_view text, bool upper) {
  std::string out;
  for (char c : text) {
    if (c >= 'a' && c <= 'z') {
      out.push_back(upper ? static_cast<char>(c - 'a' + 'A') : c);
    } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      out.push_back(upper || c <= '9' ? c : static_cast<char>(c - 'A' + 'a'));
    }
  }
  return out;
}

std::string Digits(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= '0' && c <= '9') out.push_back(c);
  }
  return out;
}

}  // namespace

std::string Soundex(std::string_view folded_name) {
  // Letter codes a..z: vowels, h, w, y are 0.
  static constexpr char kCodes[] = "01230120022455012623010202";
  std::string out;
  char last = 0;
  for (char c : folded_name) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c < 'a' || c > 'z') continue;
    char code = kCodes[c - 'a'];
    if (out.empty()) {
      out.push_back(static_cast<char>(c - 'a' + 'A'));
      last = code;
      continue;
    }
    if (code != '0' && code != last) out.push_back(code);
    if (c != 'h' && c != 'w') last = code;  // h and w do not separate equal codes; vowels do
    if (out.size() == 4) break;
  }
  if (!out.empty()) out.resize(4, '0');
  return out;
}

std::string NormaliseAddressText(std::string_view text) {
  std::string folded = FoldName(text);
  std::string out;
  bool space = false;
  for (char c : folded) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep) {
      if (space && !out.empty()) out.push_back(' ');
      out.push_back(c);
      space = false;
    } else {
      space = true;
    }
  }
  return out;
}

std::vector<std::string> FieldEncoder::Bigrams(std::string_view normalised) {
  std::vector<std::string> out;
  if (normalised.empty()) return out;
  std::string padded = " " + std::string(normalised) + " ";
  for (size_t i = 0; i + 1 < padded.size(); ++i) out.push_back(padded.substr(i, 2));
  return out;
}

Result<FieldEncoder> FieldEncoder::Create(const Key& key) {
  FieldEncoder encoder;
  for (int field = 0; field < kTextFieldCount; ++field) {
    bool name = field == static_cast<int>(TextField::kGivenName) || field == static_cast<int>(TextField::kSurname);
    std::string filter_name = name ? std::string("filter-names") : std::string("filter-") + kFieldNames[field];
    ASSIGN_OR_RETURN(HmacContext filter, FieldContext(key, filter_name));
    ASSIGN_OR_RETURN(HmacContext exact, FieldContext(key, std::string("exact-") + kFieldNames[field]));
    encoder.filter_.push_back(std::move(filter));
    encoder.exact_.push_back(std::move(exact));
  }
  ASSIGN_OR_RETURN(HmacContext house_number, FieldContext(key, "exact-house-number"));
  ASSIGN_OR_RETURN(HmacContext phonetic, FieldContext(key, "exact-surname-phonetic"));
  ASSIGN_OR_RETURN(HmacContext given_phonetic, FieldContext(key, "exact-given-phonetic"));
  ASSIGN_OR_RETURN(HmacContext date, FieldContext(key, "exact-birth-date"));
  encoder.house_number_.emplace(std::move(house_number));
  encoder.phonetic_.emplace(std::move(phonetic));
  encoder.given_phonetic_.emplace(std::move(given_phonetic));
  encoder.date_.emplace(std::move(date));
  return encoder;
}

Result<uint64_t> FieldEncoder::Tag(HmacContext& context, const std::string& message) {
  Sha256Digest digest;
  RETURN_IF_ERROR(context.Compute(AsBytes(message), digest));
  uint64_t tag = 0;
  for (int byte = 7; byte >= 0; --byte) tag = (tag << 8) | digest[byte];
  return tag | 1;  // never 0 (missing)
}

Status FieldEncoder::Fill(int field, const std::string& normalised, FieldFilter& out) {
  out = FieldFilter{};
  if (normalised.empty()) return Status::Ok();
  ASSIGN_OR_RETURN(out.exact, Tag(exact_[field], normalised));
  Sha256Digest digest;
  for (const std::string& bigram : Bigrams(normalised)) {
    RETURN_IF_ERROR(filter_[field].Compute(AsBytes(bigram), digest));
    for (int bit = 0; bit < kFieldFilterBitsPerBigram; ++bit) {
      size_t position = (digest[2 * bit] | size_t{digest[2 * bit + 1]} << 8) % kFieldFilterBits;
      out.bits[position >> 6] |= uint64_t{1} << (position & 63);
    }
  }
  return Status::Ok();
}

Result<FieldEncodings> FieldEncoder::Encode(const FieldValues& values) {
  FieldEncodings out;
  auto fill = [&](TextField field, const std::string& normalised) {
    return Fill(static_cast<int>(field), normalised, out.text[static_cast<int>(field)]);
  };
  GivenNames given = NormaliseGivenNames(values.given_names);
  std::string surname = SplitSurname(values.tussenvoegsel, values.surname).CompactSurname();
  std::string given_name = LettersAndDigits(given.FirstName(), false);
  RETURN_IF_ERROR(fill(TextField::kGivenName, given_name));
  RETURN_IF_ERROR(fill(TextField::kSurname, surname));
  RETURN_IF_ERROR(fill(TextField::kStreet, NormaliseAddressText(values.street)));
  RETURN_IF_ERROR(fill(TextField::kLocality, NormaliseAddressText(values.locality)));
  RETURN_IF_ERROR(fill(TextField::kPostcode, LettersAndDigits(values.postcode, true)));
  RETURN_IF_ERROR(fill(TextField::kIdNumber, Digits(values.id_number)));

  if (!values.house_number.empty() || !values.house_number_addition.empty()) {
    Result<HouseNumber> number = ParseHouseNumber(values.house_number, values.house_number_addition);
    std::string text = number.ok() ? std::to_string(number->number) + "|" + number->addition
                                   : LettersAndDigits(values.house_number + values.house_number_addition, true);
    if (!text.empty()) {
      ASSIGN_OR_RETURN(out.house_number, Tag(*house_number_, text));
    }
  }
  std::string code = Soundex(surname);
  if (!code.empty()) {
    ASSIGN_OR_RETURN(out.surname_phonetic, Tag(*phonetic_, code));
  }
  std::string given_code = Soundex(given_name);
  if (!given_code.empty()) {
    ASSIGN_OR_RETURN(out.given_phonetic, Tag(*given_phonetic_, given_code));
  }
  if (values.birth_date) {
    const Date& date = *values.birth_date;
    std::string year = std::to_string(date.year), month = Pad2(date.month), day = Pad2(date.day);
    ASSIGN_OR_RETURN(out.date, Tag(*date_, "d|" + year + "-" + month + "-" + day));
    if (date.day != date.month && IsValidDate(date.year, date.day, date.month)) {
      ASSIGN_OR_RETURN(out.date_swapped, Tag(*date_, "d|" + year + "-" + day + "-" + month));
    }
    ASSIGN_OR_RETURN(out.year_month, Tag(*date_, "ym|" + year + "-" + month));
    ASSIGN_OR_RETURN(out.year_day, Tag(*date_, "yd|" + year + "-" + day));
    ASSIGN_OR_RETURN(out.month_day, Tag(*date_, "md|" + month + "-" + day));
  }
  return out;
}

double FieldDice(const FieldFilterWords& a, const FieldFilterWords& b) {
  int both = 0, total = 0;
  for (size_t word = 0; word < kFieldFilterWords; ++word) {
    both += std::popcount(a[word] & b[word]);
    total += std::popcount(a[word]) + std::popcount(b[word]);
  }
  return total == 0 ? 0.0 : 2.0 * both / total;
}

namespace {

constexpr int kTextFormVersion = 1;
constexpr int kPartCount = kTextFieldCount + 8;  // the text fields, then the eight tags below

// The non-text tags in their text-form order (FieldEncodingsToText); E is FieldEncodings or its const.
template <typename E>
std::array<decltype(&std::declval<E&>().date), 8> OtherTags(E& e) {
  return {&e.house_number, &e.surname_phonetic, &e.given_phonetic, &e.date,
          &e.date_swapped, &e.year_month,       &e.year_day,       &e.month_day};
}

void PutWord(Bytes& out, uint64_t word) {
  for (int byte = 0; byte < 8; ++byte) out.push_back(static_cast<uint8_t>(word >> (8 * byte)));
}

uint64_t GetWord(const uint8_t* in) {
  uint64_t word = 0;
  for (int byte = 0; byte < 8; ++byte) word |= uint64_t{in[byte]} << (8 * byte);
  return word;
}

}  // namespace

std::string FieldEncodingsToText(const FieldEncodings& encodings) {
  const auto others = OtherTags(encodings);
  uint32_t mask = 0;
  for (int field = 0; field < kTextFieldCount; ++field) {
    if (encodings.text[field].present()) mask |= 1u << field;
  }
  for (int part = 0; part < 8; ++part) {
    if (*others[part] != 0) mask |= 1u << (kTextFieldCount + part);
  }
  Bytes out = {static_cast<uint8_t>(kTextFormVersion), static_cast<uint8_t>(mask & 0xff),
               static_cast<uint8_t>(mask >> 8)};
  for (int field = 0; field < kTextFieldCount; ++field) {
    if (!encodings.text[field].present()) continue;
    PutWord(out, encodings.text[field].exact);
    for (uint64_t word : encodings.text[field].bits) PutWord(out, word);
  }
  for (int part = 0; part < 8; ++part) {
    if (*others[part] != 0) PutWord(out, *others[part]);
  }
  return Base64Encode(out);
}

Result<FieldEncodings> FieldEncodingsFromText(std::string_view text) {
  Result<Bytes> decoded = Base64Decode(text);
  if (!decoded.ok()) return DataError(msg::FieldEncodingsNotBase64());
  const Bytes& bytes = *decoded;
  if (bytes.size() < 3) return DataError(msg::FieldEncodingsWrongLength());
  if (bytes[0] != kTextFormVersion) return DataError(msg::FieldEncodingsVersion(bytes[0], kTextFormVersion));
  const uint32_t mask = bytes[1] | (uint32_t{bytes[2]} << 8);
  if (mask >> kPartCount != 0) return DataError(msg::FieldEncodingsUnknownParts());
  size_t expected = 3;
  for (int part = 0; part < kPartCount; ++part) {
    if (mask & (1u << part)) expected += part < kTextFieldCount ? 8 + 8 * kFieldFilterWords : 8;
  }
  if (bytes.size() != expected) return DataError(msg::FieldEncodingsWrongLength());
  FieldEncodings out;
  const uint8_t* at = bytes.data() + 3;
  for (int field = 0; field < kTextFieldCount; ++field) {
    if (!(mask & (1u << field))) continue;
    FieldFilter& filter = out.text[field];
    filter.exact = GetWord(at);
    at += 8;
    bool any_bit = false;
    for (uint64_t& word : filter.bits) {
      word = GetWord(at);
      at += 8;
      any_bit = any_bit || word != 0;
    }
    if (filter.exact == 0 || !any_bit) return DataError(msg::FieldEncodingsEmptyPart());
  }
  const auto others = OtherTags(out);
  for (int part = 0; part < 8; ++part) {
    if (!(mask & (1u << (kTextFieldCount + part)))) continue;
    *others[part] = GetWord(at);
    at += 8;
    if (*others[part] == 0) return DataError(msg::FieldEncodingsEmptyPart());
  }
  if (out.date == 0 && (out.date_swapped | out.year_month | out.year_day | out.month_day) != 0) {
    return DataError(msg::FieldEncodingsDatePartsWithoutDate());
  }
  return out;
}

}  // namespace sz::privacy
