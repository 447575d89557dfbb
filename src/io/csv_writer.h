// CsvWriter: writes a delimited file in a chosen dialect (dialect.h), atomically.
//
// Rows go to PATH.tmp; Close() flushes, fsyncs and renames it to PATH, so a reader never sees a
// half-written file. Fields are quoted when they contain the separator, a quote, a line break or
// leading/trailing spaces. Text is given in UTF-8 and encoded as the dialect says.
//
//   ASSIGN_OR_RETURN(auto writer, CsvWriter::Create("out/meldingen.csv", WriteDialect::DutchExcel()));
//   RETURN_IF_ERROR(writer->WriteComment("bron: veilig_thuis"));   // "# bron: veilig_thuis"
//   RETURN_IF_ERROR(writer->WriteRow({"melding_id", "ontvangen_op"}));
//   RETURN_IF_ERROR(writer->Close());
//
// If the writer is destroyed without Close(), the temporary file is removed.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "io/dialect.h"

namespace sz::io {

class CsvWriter {
 public:
  static Result<std::unique_ptr<CsvWriter>> Create(const std::string& path, WriteDialect dialect);
  ~CsvWriter();

  const WriteDialect& dialect() const { return dialect_; }
  Status WriteComment(const std::string& text);
  Status WriteRow(const std::vector<std::string>& cells);
  // Writes an already-joined line (no quoting) — for the fast path of generators that format rows themselves.
  Status WriteRawLine(const std::string& line);
  Status Close();
  long rows_written() const { return rows_written_; }

  // Quotes one field for this dialect if needed.
  std::string Quote(const std::string& field) const;

 private:
  CsvWriter(std::string path, WriteDialect dialect, FILE* file)
      : path_(std::move(path)), dialect_(dialect), file_(file) {}
  Status Put(const std::string& utf8_line);

  std::string path_;
  WriteDialect dialect_;
  FILE* file_;
  long rows_written_ = 0;
  bool closed_ = false;
};

}  // namespace sz::io
