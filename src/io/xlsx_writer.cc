#include "io/xlsx_writer.h"

#include <xlsxwriter.h>

#include <cmath>
#include <cstdio>

#include "io/messages.h"

namespace sz::io {

struct XlsxWriter::Book {
  std::string path, temporary;
  lxw_workbook* workbook = nullptr;
  lxw_worksheet* sheet = nullptr;
  lxw_row_t row = 0;
  std::set<std::string> sheet_names;
  bool closed = false;
};

XlsxWriter::XlsxWriter(std::unique_ptr<Book> book) : book_(std::move(book)) {}

XlsxWriter::~XlsxWriter() {
  if (book_ && !book_->closed && book_->workbook != nullptr) {
    lxw_workbook_free(book_->workbook);  // nothing was written: the file appears only at Close()
    std::remove(book_->temporary.c_str());
  }
}

Result<std::unique_ptr<XlsxWriter>> XlsxWriter::Create(const std::string& path) {
  auto book = std::make_unique<Book>();
  book->path = path;
  book->temporary = path + ".tmp";
  // libxlsxwriter keeps the workbook until workbook_close writes the file (to PATH.tmp, then renamed).
  book->workbook = workbook_new(book->temporary.c_str());
  if (book->workbook == nullptr) return IoError(msg::CannotCreate(path, "libxlsxwriter"));
  return std::unique_ptr<XlsxWriter>(new XlsxWriter(std::move(book)));
}

std::string XlsxWriter::SheetName(const std::string& wanted) const {
  std::string base;
  for (char c : wanted) base += std::string("[]:*?/\\").find(c) == std::string::npos ? c : '_';
  if (base.empty()) base = "blad";
  auto cut = [](std::string text, size_t max) {
    // Cut on a UTF-8 character boundary.
    if (text.size() <= max) return text;
    size_t end = max;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end);
  };
  std::string name = cut(base, 31);
  for (int n = 2; book_->sheet_names.count(name) > 0; ++n) {
    const std::string suffix = "~" + std::to_string(n);
    name = cut(base, 31 - suffix.size()) + suffix;
  }
  return name;
}

Status XlsxWriter::AddSheet(const std::string& name) {
  const std::string sheet_name = SheetName(name);
  book_->sheet = workbook_add_worksheet(book_->workbook, sheet_name.c_str());
  if (book_->sheet == nullptr) return IoError(msg::CannotCreate(book_->path, "werkblad " + sheet_name));
  book_->sheet_names.insert(sheet_name);
  book_->row = 0;
  return Status::Ok();
}

Status XlsxWriter::WriteRow(const std::vector<XlsxCell>& cells) {
  if (book_->sheet == nullptr) return InvalidArgumentError(msg::XlsxRowBeforeSheet());
  for (size_t c = 0; c < cells.size(); ++c) {
    const XlsxCell& cell = cells[c];
    lxw_error error = LXW_NO_ERROR;
    const lxw_col_t col = static_cast<lxw_col_t>(c);
    if (cell.empty) continue;
    if (cell.number && std::isfinite(*cell.number)) {
      error = worksheet_write_number(book_->sheet, book_->row, col, *cell.number, nullptr);
    } else if (!cell.number) {
      error = worksheet_write_string(book_->sheet, book_->row, col, cell.text.c_str(), nullptr);
    }
    if (error != LXW_NO_ERROR) return IoError(msg::WriteFailed(book_->path, lxw_strerror(error)));
  }
  ++book_->row;
  return Status::Ok();
}

Status XlsxWriter::Close() {
  book_->closed = true;
  lxw_error error = workbook_close(book_->workbook);
  book_->workbook = nullptr;
  if (error != LXW_NO_ERROR) {
    std::remove(book_->temporary.c_str());
    return IoError(msg::WriteFailed(book_->path, lxw_strerror(error)));
  }
  if (std::rename(book_->temporary.c_str(), book_->path.c_str()) != 0) {
    std::remove(book_->temporary.c_str());
    return IoError(msg::CannotMoveIntoPlace(book_->path, "rename"));
  }
  return Status::Ok();
}

}  // namespace sz::io
