// LinkRecord: one person-involvement as linkage sees it — the pseudonyms, CLK and coarse attributes of
// one betrokkene in one registration, never a plaintext identity.
//
//   ASSIGN_OR_RETURN(ExtractRowReader reader,
//                    ExtractRowReader::Create("veilig_thuis", column_names, "melding_id", "ontvangen"));
//   RETURN_IF_ERROR(store.records().Scan(contract, [&](std::span<const Value> row) -> Status {
//     ASSIGN_OR_RETURN(LinkRecord record, reader.Read(row));
//     records.push_back(std::move(record));
//     return Status::Ok();
//   }));
//
// The extract columns used (sources/contract.h, PersonExtractColumns): betrokkene_nr, bsn_pseudoniem,
// naam_pseudoniem, huishouden_pseudoniem, clk (base64 of 1024 bits), geboortejaar, geslacht, wijk,
// plus the caller-named record id and event date columns, as typed values (core/value.h): integers for
// betrokkene_nr and geboortejaar, a date for the event date, text for the rest; missing values are
// missing. When the extract has a column uithuisplaatsing, a row with "ja" there (and, if there is a
// column rol, rol "jeugdige") stays elsewhere (LinkRecord::stays_elsewhere).
// Errors: Create: kInvalidArgument when a required column is absent. Read: kDataError for a row of the
// wrong width, a value of the wrong kind, a CLK that is not 1024 bits of base64 or an unknown sex; the
// message names the column, never the value.
// Checked in tests/linkage/link_record_test.cc. Thread safety: values; a const reader may be shared.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/sex.h"
#include "core/status.h"
#include "core/value.h"
#include "privacy/field_encoder.h"

namespace sz::linkage {

inline constexpr size_t kClkBits = 1024;
inline constexpr size_t kClkWords = kClkBits / 64;
using ClkWords = std::array<uint64_t, kClkWords>;

struct LinkRecord {
  std::string source;               // e.g. "veilig_thuis"; also the file in link-eval
  std::string record_id;            // the registration's id within the source
  int betrokkene_nr = 0;            // person number within the registration
  std::string bsn_pseudonym;        // "" = missing (no BSN, or it failed the elfproef)
  std::string name_pseudonym;       // keyed pseudonym of normalised name + birth date + sex
  std::string household_pseudonym;  // keyed pseudonym of the address
  std::optional<ClkWords> clk;      // 1024-bit Bloom filter of name parts and birth date
  int birth_year = 0;               // 0 = missing
  Sex sex = Sex::kUnknown;          // never kOther (read as unknown)
  std::string wijk;                 // CBS wijk code, "" = missing
  std::optional<Date> event_date;
  // The address is a stay elsewhere, not the person's household: a child's row in an out-of-home
  // placement (jeugdhulp uithuisplaatsing = ja) carries the placement address. The household key still
  // counts as evidence that two records are one person; households ignore it (clustering.h).
  bool stays_elsewhere = false;
  // Keyed field-level encodings (privacy/field_encoder.h), when the desk made them
  // (`pseudonymise --veldcoderingen`, extract column veldcodering; link-eval makes them in memory).
  std::optional<privacy::FieldEncodings> fields;
};

// Decodes a base64 CLK of exactly 1024 bits (clkhash serialisation, privacy/clk.h).
Result<ClkWords> DecodeClk(std::string_view base64);

// Reads stored desk-extract rows (values in the contract's extract column order) into LinkRecords.
class ExtractRowReader {
 public:
  // `column_names`: the extract's column names in order; `record_id_column`: the registration id
  // (the contract's first key column); `event_date_column`: "" if none. The column veldcodering is
  // optional (extracts of contract version 1 lack it); an empty cell means no field encodings.
  static Result<ExtractRowReader> Create(std::string source, std::span<const std::string> column_names,
                                         std::string_view record_id_column, std::string_view event_date_column);

  Result<LinkRecord> Read(std::span<const Value> row) const;

 private:
  ExtractRowReader() = default;
  std::string source_;
  std::string event_date_name_;
  size_t width_ = 0;
  int record_id_ = -1, betrokkene_nr_ = -1, bsn_ = -1, name_ = -1, household_ = -1, clk_ = -1, birth_year_ = -1,
      sex_ = -1, wijk_ = -1, event_date_ = -1, placement_ = -1, role_ = -1, fields_ = -1;
};

}  // namespace sz::linkage
