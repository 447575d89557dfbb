// Source contracts: one declaration per source (DOMAIN.md §3) that drives validation on ingest,
// the synthetic generator and `samenzicht schema SOURCE`.
//
// A desk source (veilig_thuis, zorgwekkend_gedrag, woningvervuiling, wonen_verblijf, jeugdhulp,
// wmo) has three tables:
//   - `records`:  the desk's identified export, one row per report/trajectory/provision;
//   - `persons`:  the desk's identified persons-involved (betrokkenen) export, one row per person
//                 per record, with identities;
//   - `extract`:  what `pseudonymise` makes of the two and what reaches the platform: one row per
//                 person per record, with the record's fields repeated, identities replaced by
//                 pseudonyms and a CLK, location coarsened to wijk/buurt, free text dropped.
// The other sources (gezondheidsmonitor, bevolking, infectieziekten) carry no identities; they
// only have an `extract` table, which is the file as it is delivered.
//
//   const SourceContract* vt = FindContract("veilig_thuis");
//   for (const ColumnSpec& column : vt->extract.columns) ...
//
// The person's sex (column geslacht) follows core/sex.h: the allowed values are its stored spellings,
// and every spelling it accepts is an alias.
//
// Thread safety: the contracts are immutable globals, safe to read from any thread.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"

namespace sz::sources {

enum class ColumnType {
  kText,            // free UTF-8 text (identified exports only, except codes)
  kCode,            // an identifier-like token: record ids, provider codes (no spaces)
  kInteger,         // whole number; `min`/`max` bound it
  kDecimal,         // number with '.' or ',' as decimal separator
  kDate,            // dd-mm-jjjj, YYYY-MM-DD or YYYYMMDD; never in the future
  kCategory,        // one of `allowed` (after applying `aliases`)
  kYesNo,           // ja/nee (also j/n, 1/0, true/false, yes/no)
  kGemeenteCode,    // GMxxxx, must exist in the region table
  kWijkCode,        // WKxxxxyy, must exist in the region table
  kBuurtCode,       // BUxxxxyyzz, must exist in the region table
  kRegionCode,      // any region code in the region table (GM/WK/BU/CR/NL)
  kIsoWeek,         // 2024-W05
  kPseudonym,       // 64 lowercase hex characters (HMAC-SHA256)
  kClk,             // base64 Bloom filter
  kFieldEncodings,  // base64 keyed field-level encodings (privacy/field_encoder.h FieldEncodingsToText)
  kPostcode,        // Dutch postcode 1234AB (identified exports)
};

std::string_view ColumnTypeName(ColumnType type);

// Why a column must never reach the platform. Columns with an identity kind other than kNone only
// appear in the identified `records`/`persons` tables.
enum class IdentityKind { kNone, kBsn, kName, kBirthDate, kAddress, kFreeText };

struct ColumnSpec {
  std::string name;  // the column header, Dutch, snake_case
  ColumnType type = ColumnType::kText;
  bool required = true;                        // the column must be present in the header
  bool nullable = false;                       // an empty cell is allowed
  std::vector<std::string> allowed;            // kCategory: the allowed values
  std::map<std::string, std::string> aliases;  // kCategory: accepted spellings → allowed value
  std::optional<double> min, max;              // kInteger/kDecimal bounds
  IdentityKind identity = IdentityKind::kNone;
  std::string description;  // Dutch, for users (schema command, docs)
  int since_version = 1;    // the contract version that added the column (store migrations add it)
};

struct TableSpec {
  std::string name;         // "records", "persons" or "extract"
  std::string description;  // Dutch
  std::vector<ColumnSpec> columns;
  std::vector<std::string> key;  // columns whose values identify a row; unique within and across files
  std::string date_column;       // the event date that places a row in a period ("" if none)

  const ColumnSpec* Find(std::string_view column) const;
  int IndexOf(std::string_view column) const;  // -1 if absent
};

struct SourceContract {
  std::string name;                  // "veilig_thuis"
  int version = 1;                   // bump when a table changes; the store migrates (ColumnSpec::since_version)
  std::string title;                 // Dutch display name
  std::string owner;                 // the organisation delivering it
  std::string description;           // Dutch: what one row is
  bool is_desk = false;              // identified records + persons at the desk, pseudonymised extract here
  std::optional<TableSpec> records;  // desk sources only
  std::optional<TableSpec> persons;  // desk sources only
  TableSpec extract;                 // what `ingest` accepts

  // For desk sources: the columns of `records` that are copied into the extract unchanged
  // (everything except identities/free text and the gemeente→wijk coarsening).
  std::vector<std::string> RecordColumnsInExtract() const;
};

const std::vector<SourceContract>& AllContracts();
const SourceContract* FindContract(std::string_view name);
// "veilig_thuis, zorgwekkend_gedrag, …" — for error messages.
std::string ContractNames();

// The kind of Value (core/value.h) a validated cell of this column type is stored and read back as:
// integers and decimals as numbers, dates as dates, everything else (codes, categories, ja/nee,
// region codes, ISO weeks, pseudonyms, CLKs, text) as text. Missing cells are missing.
Value::Kind StoredKind(ColumnType type);

}  // namespace sz::sources
