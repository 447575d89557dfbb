#include "io/text_table.h"

#include <cerrno>
#include <cstring>
#include <fstream>

#include "io/csv_reader.h"
#include "io/internal/sav_reader.h"
#include "io/messages.h"

namespace sz::io {

int TextTable::ColumnIndex(const std::string& name) const {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return static_cast<int>(i);
  }
  return -1;
}

bool LooksLikeSav(std::string_view first_bytes) { return internal::LooksLikeSav(std::string(first_bytes.substr(0, 4))); }

Result<TextTable> ReadSavFile(const std::string& path) { return internal::ReadSav(path); }

Result<TextTable> ReadTextTable(const std::string& path) {
  std::ifstream probe(path, std::ios::binary);
  if (!probe) {
    if (errno == ENOENT) return NotFoundError(msg::FileNotFound(path));
    return IoError(msg::CannotOpen(path, std::strerror(errno)));
  }
  std::string magic(4, '\0');
  probe.read(magic.data(), 4);
  magic.resize(static_cast<size_t>(probe.gcount()));
  if (internal::LooksLikeSav(magic)) return internal::ReadSav(path);

  ASSIGN_OR_RETURN(auto reader, CsvReader::Open(path));
  TextTable table;
  table.path = path;
  table.header = reader->header();
  table.description = "CSV, " + reader->dialect().Describe();
  CsvRecord record;
  while (reader->Next(record)) {
    if (!record.error.empty()) {
      return DataError(msg::AtLine(path, record.line, msg::WithHint(record.error, record.hint)));
    }
    table.rows.push_back(std::move(record.cells));
    table.line_numbers.push_back(record.line);
  }
  return table;
}

}  // namespace sz::io
