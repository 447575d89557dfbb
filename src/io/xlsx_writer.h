// XlsxWriter: an Excel workbook (.xlsx) with sheets of rows, numbers written as numbers, through
// Debian's libxlsxwriter. Written whole or not at all: the workbook goes to PATH.tmp and is renamed
// at Close(); destroyed without Close() it leaves nothing.
//
//   ASSIGN_OR_RETURN(auto book, XlsxWriter::Create("waarden.xlsx"));
//   RETURN_IF_ERROR(book->AddSheet("definities"));
//   RETURN_IF_ERROR(book->WriteRow({XlsxCell::Text("indicator"), XlsxCell::Number(12.5), XlsxCell::Empty()}));
//   RETURN_IF_ERROR(book->Close());
//
// Sheet names: Excel allows 31 characters and forbids []:*?/\ ; SheetName() makes any text valid and
// unique within the workbook. Errors: kIoError naming the file; kInvalidArgument for a row before the
// first sheet. Thread safety: one writer per thread.
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/status.h"

namespace sz::io {

struct XlsxCell {
  static XlsxCell Text(std::string text) { return {std::move(text), std::nullopt, false}; }
  static XlsxCell Number(double value) { return {"", value, false}; }
  static XlsxCell Empty() { return {"", std::nullopt, true}; }
  std::string text;
  std::optional<double> number;
  bool empty = false;
};

class XlsxWriter {
 public:
  static Result<std::unique_ptr<XlsxWriter>> Create(const std::string& path);
  ~XlsxWriter();
  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;

  // A valid, unique sheet name for `wanted` (cut to 31 characters, forbidden characters as '_',
  // "~2", "~3", … appended when taken).
  std::string SheetName(const std::string& wanted) const;
  // Starts a new sheet (named with SheetName(name)); rows go to it.
  Status AddSheet(const std::string& name);
  Status WriteRow(const std::vector<XlsxCell>& cells);
  Status Close();

 private:
  struct Book;
  explicit XlsxWriter(std::unique_ptr<Book> book);
  std::unique_ptr<Book> book_;
};

}  // namespace sz::io
