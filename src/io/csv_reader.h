// CsvReader: reads a delivered delimited file record by record, keeping every bad record.
//
// The file's encoding (text_encoding.h) and separator (dialect.h) are detected; Windows-1252 is
// converted to UTF-8. Leading lines of the form "# key: value" are metadata (extract headers) and
// available through metadata(). The first other line is the header. Quoted fields may contain the
// separator, doubled quotes and line breaks.
//
//   ASSIGN_OR_RETURN(auto reader, CsvReader::Open("meldingen.csv"));
//   CsvRecord record;
//   while (reader->Next(record)) {
//     if (!record.error.empty()) { Reject(record); continue; }   // e.g. wrong number of fields
//     Use(record.cells);
//   }
//
// Contract:
// - Open fails with kNotFound (no file), kIoError (unreadable), kDataError (empty file, no header,
//   unsupported encoding, unrecognisable separator). "Header only" is not an error here: Next()
//   simply returns false at once (the caller decides).
// - Every physical record comes out of Next(), good or bad: a record with the wrong number of
//   fields, and a truncated last record (an unterminated quote, or a last line without line end that
//   has fewer fields than the header), get `error` set and their raw text kept.
// - Blank lines are skipped (not counted as records).
// - The whole file is read into memory at Open (files up to a few GB).
// Thread safety: one reader per thread.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "io/dialect.h"

namespace sz::io {

struct CsvRecord {
  long line = 0;                   // physical line (1-based) where the record starts
  std::vector<std::string> cells;  // trimmed of surrounding spaces outside quotes
  std::string raw;                 // the record's text as read (UTF-8)
  std::string error;               // empty if the record is well-formed
  std::string hint;                // how to fix it, when error is set
};

class CsvReader {
 public:
  static Result<std::unique_ptr<CsvReader>> Open(const std::string& path);
  // For tests and in-memory input: `bytes` as they would be in a file named `name`.
  static Result<std::unique_ptr<CsvReader>> FromBytes(std::string bytes, std::string name);

  const std::string& path() const { return path_; }
  const Dialect& dialect() const { return dialect_; }
  const std::vector<std::string>& header() const { return header_; }
  long header_line() const { return header_line_; }
  const std::vector<std::pair<std::string, std::string>>& metadata() const { return metadata_; }
  // The value of metadata key `key`, or "" if absent.
  std::string Metadata(const std::string& key) const;

  bool Next(CsvRecord& record);

 private:
  CsvReader() = default;
  Status Init();

  std::string path_;
  std::string text_;  // whole file in UTF-8
  size_t pos_ = 0;
  long line_ = 1;
  Dialect dialect_;
  std::vector<std::string> header_;
  long header_line_ = 0;
  std::vector<std::pair<std::string, std::string>> metadata_;
};

}  // namespace sz::io
