// FieldEncoder: keyed field-level encodings of one person, made at the desk beside the record-level CLK,
// so the hub can compare name, birth date and address field by field (Splink-style comparison levels,
// linkage/comparison.h) without seeing any of them. Anonlink's field-level Bloom filters (Schnell,
// Bachteler & Reiher 2009; Vatsalan, Christen et al. 2013, "field-level Bloom filters") with every hash
// keyed, plus keyed exact tags.
//
//   ASSIGN_OR_RETURN(FieldEncoder encoder, FieldEncoder::Create(key));
//   FieldValues values{.given_name = "jan", .surname = "berg", .street = "kerkstraat", .postcode = "2602"};
//   values.birth_date = Date{1985, 4, 3};
//   ASSIGN_OR_RETURN(FieldEncodings encodings, encoder.Encode(values));
//   encodings.text[static_cast<int>(TextField::kSurname)].exact;   // keyed 64-bit tag, 0 = missing
//
// How each part is made (k_* = HKDF-SHA256(desk key, info "samenzicht/field/<name>/v1", 32 bytes)):
//   filter of a text field  512-bit Bloom filter: for each bigram of " value " (padded with one space each
//                           side), HMAC-SHA256(k_filter, bigram) sets 6 bits, bit i at the i-th
//                           little-endian 16-bit word of the MAC modulo 512. Given name and surname share k_filter
//                           "names" (so a given name can be compared with a surname: swapped names); every other field
//                           has its own key.
//   exact tag                the first 8 bytes of HMAC-SHA256(k_exact_<field>, value), little-endian, | 1
//   house number             exact tag of "<number>|<addition>" (Dutch rules, privacy/address.h), or of the
//                            upper-case letters and digits when those rules reject it
//   surname / given phonetic exact tags (own keys) of the Soundex code (Knuth, TAOCP vol. 3) of the
//                            surname and of the given name: for blocking only
//   birth date               tags under one key k_date of "d|YYYY-MM-DD", of "d|YYYY-DD-MM" (day and month
//                            swapped; 0 when that is no date or the same date), and of the pairs of parts
//                            "ym|YYYY-MM", "yd|YYYY-DD", "md|MM-DD"
// The tag key is not the filter key, so a tag says nothing about a filter. Without the desk key no value
// can be tried against a tag or a filter (a dictionary attack needs the key: tests/privacy/
// field_encoder_test.cc checks that the tags and filters of a dictionary's words made with another
// key do not match). What the hub does learn is equality: which records share a surname, a street, a
// birth month and day — and so the frequency of each value, from which the commonest values of a
// field (a surname like "de jong", the rare 29 February) can be guessed; docs/privacy.md
// "Field-level encodings" weighs this.
//
// Normalisation (the desk's, so both sides agree): given name — the first written-out given name
// (NormaliseGivenNames); surname — the compact surname without tussenvoegsel (SplitSurname); street and
// locality — FoldName, letters, digits and single spaces; postcode — upper-case letters and digits;
// id number — its digits. An empty result is missing (all zero).
// Errors: kInternal if OpenSSL fails. Thread safety: Encode reuses MAC contexts; one encoder per thread.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "privacy/hmac.h"
#include "privacy/key.h"

namespace sz::privacy {

// 512 bits and 6 bits per bigram keep even a long street name's filter under a fifth full, so two
// unrelated values share few bits by chance (at 256 × 8 a street filter was half full and unrelated
// localities reached Dice 0.5).
inline constexpr size_t kFieldFilterBits = 512;
inline constexpr size_t kFieldFilterWords = kFieldFilterBits / 64;
inline constexpr int kFieldFilterBitsPerBigram = 6;
using FieldFilterWords = std::array<uint64_t, kFieldFilterWords>;

// The text fields with a filter and a tag. kIdNumber: an identifying number that is not a valid BSN
// (fails the elfproef, or a foreign number): compared fuzzily because it may hold a typo.
enum class TextField : int { kGivenName = 0, kSurname, kStreet, kLocality, kPostcode, kIdNumber };
inline constexpr int kTextFieldCount = 6;

struct FieldFilter {
  FieldFilterWords bits{};  // keyed bigram Bloom filter; all zero when missing
  uint64_t exact = 0;       // keyed tag of the normalised value; 0 = missing
  bool present() const { return exact != 0; }
  bool operator==(const FieldFilter&) const = default;
};

struct FieldEncodings {
  std::array<FieldFilter, kTextFieldCount> text{};
  uint64_t house_number = 0;      // 0 = missing
  uint64_t surname_phonetic = 0;  // 0 = missing
  uint64_t given_phonetic = 0;    // 0 = missing
  uint64_t date = 0;              // 0 = no birth date
  uint64_t date_swapped = 0;      // 0 when day and month cannot be swapped (day > 12 or day == month)
  uint64_t year_month = 0, year_day = 0, month_day = 0;

  const FieldFilter& Text(TextField field) const { return text[static_cast<int>(field)]; }
  bool operator==(const FieldEncodings&) const = default;
};

// The values to encode, before normalisation (FieldEncoder normalises them).
struct FieldValues {
  std::string given_names;  // as the desk has them ("Jan Pieter", "J.P.")
  std::string tussenvoegsel;
  std::string surname;
  std::string street;
  std::string locality;
  std::string postcode;
  std::string house_number;
  std::string house_number_addition;
  std::string id_number;  // "" when a valid BSN was pseudonymised instead
  std::optional<Date> birth_date;
};

// Soundex code of a folded name ("robert" → "R163"); "" when it has no letter a–z.
std::string Soundex(std::string_view folded_name);

// Normalised street or locality: FoldName, then letters and digits with single spaces between words.
std::string NormaliseAddressText(std::string_view text);

class FieldEncoder {
 public:
  static Result<FieldEncoder> Create(const Key& key);

  Result<FieldEncodings> Encode(const FieldValues& values);

  // The bigrams a normalised value is split into (for tests and explanations).
  static std::vector<std::string> Bigrams(std::string_view normalised);

 private:
  FieldEncoder() = default;
  Status Fill(int field, const std::string& normalised, FieldFilter& out);
  Result<uint64_t> Tag(HmacContext& context, const std::string& message);

  std::vector<HmacContext> filter_;  // per text field (given name and surname: the same key)
  std::vector<HmacContext> exact_;   // per text field
  std::optional<HmacContext> house_number_, phonetic_, given_phonetic_, date_;
};

// Dice coefficient of two field filters (0 when either is empty).
double FieldDice(const FieldFilterWords& a, const FieldFilterWords& b);

// The text form of one person's encodings, as a desk extract carries it (column `veldcodering`,
// docs/formats.md): base64 (bytes.h) of
//   byte 0      format version, 1
//   bytes 1–2   presence mask, little-endian: bit i for part i, in the order the text fields (0–5,
//               TextField), house_number (6), surname_phonetic (7), given_phonetic (8), date (9),
//               date_swapped (10), year_month (11), year_day (12), month_day (13)
//   then, for each present part in that order: its 8-byte tag, little-endian, and for a text field
//   after the tag its 64-byte filter (8 little-endian words).
// Only present parts take room: a person with both names, a birth date and an address takes 572
// base64 characters, one with everything 668.
std::string FieldEncodingsToText(const FieldEncodings& encodings);
// Reads FieldEncodingsToText's form back. kDataError (messages name the fault, never the content) when
// the text is not base64, of another version or length, marks parts beyond 13, holds a zero tag or an
// empty filter for a present part, or date parts without a date.
Result<FieldEncodings> FieldEncodingsFromText(std::string_view text);

}  // namespace sz::privacy
