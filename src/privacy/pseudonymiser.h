// Pseudonymiser: what `samenzicht pseudonymise` does to one person at the desk. From the desk key and
// one identified person it makes the keyed pseudonyms and the CLK that may leave the desk, and nothing
// that identifies the person.
//
//   ASSIGN_OR_RETURN(Key key, Key::ReadFile("desk.key"));
//   ASSIGN_OR_RETURN(ClkSchema schema, ReadClkSchemaFile("config/linkage-schema.json"));
//   ASSIGN_OR_RETURN(Pseudonymiser pseudonymiser, Pseudonymiser::Create(key, schema));
//   PersonIdentity person{.bsn = "111222333", .given_names = "Jan Pieter", .tussenvoegsel = "van der",
//                         .surname = "Berg", .birth_date = "03-04-1985", .sex = "M",
//                         .postcode = "7511 JD", .house_number = "12", .house_number_addition = "a"};
//   ASSIGN_OR_RETURN(Pseudonyms p, pseudonymiser.Pseudonymise(person));
//   p.bsn_pseudonym; p.name_pseudonym; p.address_pseudonym; p.clk; p.birth_year; p.bsn_status;
//
// With PseudonymiserOptions::field_encodings it also makes the keyed field-level encodings of
// field_encoder.h (Pseudonyms::fields; street and locality are used only there).
//
// How each part is made (all HMAC-SHA256, hex; a key per identifier kind, so a pseudonym of one kind
// can never be compared with, or substituted for, one of another kind):
//   k_kind           = HKDF-SHA256(ikm = desk key, salt = none, info = "samenzicht/<kind>/v1", 32 bytes)
//   bsn_pseudonym     = HMAC(k_bsn,     "<9 digits>")                      only for a BSN passing the elfproef
//   name_pseudonym    = HMAC(k_name,    "<compact surname>|<first initial>|<YYYY-MM-DD>|<sex>")
//   address_pseudonym = HMAC(k_address, "<postcode 1234AB>|<house number>|<addition>")   the household key
//   clk               = ClkEncoder(schema, secret = hex(HKDF(desk key, info "samenzicht/clk/v1", 32)))
// The name pseudonym uses the surname without tussenvoegsel and only the first initial, so "Jan van der
// Berg", "J. Berg, van der" and "JAN VAN DER BERG" agree, while typos and nicknames do not: those are
// left to the CLK (Dice similarity, dice.h). Sex is normalised to m / v / x.
// The CLK's features are filled by identifier: given_name (first written-out given name),
// given_names (all), first_initial, initials, tussenvoegsel, surname, birth_date (in the feature's
// date format), birth_year, sex; a missing part is the empty string (declare missingValue "" for it).
//
// A part that is missing or unusable leaves its pseudonym empty and adds a reason to `problems`
// (reasons never contain the values). Errors (Result): kInvalidArgument from Create when the schema
// asks for a feature we cannot fill; kInternal if OpenSSL fails.
// Thread safety: Pseudonymise reuses MAC contexts; use one Pseudonymiser per thread (copies are
// independent).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "privacy/bsn.h"
#include "privacy/clk_encoder.h"
#include "privacy/clk_schema.h"
#include "privacy/field_encoder.h"
#include "privacy/hmac.h"
#include "privacy/key.h"

namespace sz::privacy {

// One person as a desk exports them (DOMAIN.md §3). Any field may be empty.
struct PersonIdentity {
  std::string bsn = {};
  std::string given_names = {};
  std::string tussenvoegsel = {};
  std::string surname = {};
  std::string birth_date = {};  // ISO 2024-02-29, Dutch 29-02-2024 (also / and .), or 20240229
  std::string sex = {};         // M/V/X, man/vrouw, male/female, …
  std::string postcode = {};
  std::string house_number = {};
  std::string house_number_addition = {};
  std::string street = {};    // used only for field-level encodings
  std::string locality = {};  // used only for field-level encodings
};

struct Pseudonyms {
  BsnStatus bsn_status = BsnStatus::kMissing;
  std::string bsn_pseudonym;      // 64 hex digits, or empty
  std::string name_pseudonym;     // 64 hex digits, or empty
  std::string address_pseudonym;  // 64 hex digits, or empty
  std::string clk;                // base64 CLK (schema l bits), or empty when no name or birth-date part is known
  std::optional<int> birth_year;
  std::string sex;  // "m", "v", "x" or "" (unknown)
  // Identifying: only for computing the age at an event (AgeInYears) at the desk; never write it out.
  std::optional<Date> birth_date;
  // Field-level encodings (field_encoder.h), only with PseudonymiserOptions::field_encodings. The id
  // number is the BSN column's digits whether or not it passed the elfproef (the linker compares it only
  // when not both records have a BSN pseudonym).
  std::optional<FieldEncodings> fields;
  // e.g. "bsn: voldoet niet aan de elfproef …" (privacy/messages.h); never the values
  std::vector<std::string> problems;
};

// Whole years between `birth` and `on` (0 on the day of birth); nullopt if `on` is before `birth`.
std::optional<int> AgeInYears(const Date& birth, const Date& on);

// "m", "v", "x" or "" for unknown.
std::string NormaliseSex(std::string_view text);

struct PseudonymiserOptions {
  // Also make the keyed field-level encodings (Pseudonyms::fields): `pseudonymise --veldcoderingen`
  // writes them to the extract (column veldcodering), `link-eval` links with them in memory.
  bool field_encodings = false;
};

class Pseudonymiser {
 public:
  static Result<Pseudonymiser> Create(const Key& key, const ClkSchema& linkage_schema,
                                      const PseudonymiserOptions& options = {});

  Result<Pseudonyms> Pseudonymise(const PersonIdentity& person);

  const std::string& key_fingerprint() const { return key_fingerprint_; }
  const ClkSchema& linkage_schema() const { return clk_encoder_.schema(); }

 private:
  enum class Part {
    kGivenName,
    kGivenNames,
    kFirstInitial,
    kInitials,
    kTussenvoegsel,
    kSurname,
    kBirthDate,
    kBirthYear,
    kSex,
    kIgnored
  };

  Pseudonymiser(HmacContext bsn, HmacContext name, HmacContext address, ClkEncoder encoder, std::vector<Part> parts,
                std::string fingerprint)
      : bsn_(std::move(bsn)),
        name_(std::move(name)),
        address_(std::move(address)),
        clk_encoder_(std::move(encoder)),
        clk_parts_(std::move(parts)),
        key_fingerprint_(std::move(fingerprint)) {}

  HmacContext bsn_;
  HmacContext name_;
  HmacContext address_;
  ClkEncoder clk_encoder_;
  std::vector<Part> clk_parts_;
  std::string key_fingerprint_;
  std::optional<FieldEncoder> field_encoder_;
};

}  // namespace sz::privacy
