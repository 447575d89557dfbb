#include "io/csv_writer.h"

#include <cerrno>
#include <cstring>
#include <unistd.h>

#include "io/messages.h"

namespace sz::io {

Result<std::unique_ptr<CsvWriter>> CsvWriter::Create(const std::string& path, WriteDialect dialect) {
  std::string tmp = path + ".tmp";
  FILE* file = std::fopen(tmp.c_str(), "wb");
  if (file == nullptr) return IoError(msg::CannotCreate(path, std::strerror(errno)));
  std::unique_ptr<CsvWriter> writer(new CsvWriter(path, dialect, file));
  if (dialect.encoding == Encoding::kUtf8Bom && std::fwrite("\xEF\xBB\xBF", 1, 3, file) != 3) {
    return IoError(msg::WriteFailed(path, std::strerror(errno)));
  }
  return writer;
}

CsvWriter::~CsvWriter() {
  if (!closed_ && file_ != nullptr) {
    std::fclose(file_);
    std::remove((path_ + ".tmp").c_str());
  }
}

std::string CsvWriter::Quote(const std::string& field) const {
  bool needs = field.find_first_of(std::string("\"\r\n") + dialect_.separator) != std::string::npos ||
               (!field.empty() && (field.front() == ' ' || field.back() == ' '));
  if (!needs) return field;
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

Status CsvWriter::Put(const std::string& utf8_line) {
  std::string bytes = dialect_.encoding == Encoding::kWindows1252 ? Utf8ToWindows1252(utf8_line) : utf8_line;
  bytes += dialect_.crlf ? "\r\n" : "\n";
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    return IoError(msg::WriteFailed(path_, std::strerror(errno)));
  }
  return Status::Ok();
}

Status CsvWriter::WriteComment(const std::string& text) { return Put("# " + text); }

Status CsvWriter::WriteRow(const std::vector<std::string>& cells) {
  std::string line;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) line.push_back(dialect_.separator);
    line += Quote(cells[i]);
  }
  ++rows_written_;
  return Put(line);
}

Status CsvWriter::WriteRawLine(const std::string& line) {
  ++rows_written_;
  return Put(line);
}

Status CsvWriter::Close() {
  if (closed_) return Status::Ok();
  closed_ = true;
  bool ok = std::fflush(file_) == 0 && fsync(fileno(file_)) == 0;
  int err = errno;
  ok = (std::fclose(file_) == 0) && ok;
  file_ = nullptr;
  std::string tmp = path_ + ".tmp";
  if (!ok) {
    std::remove(tmp.c_str());
    return IoError(msg::WriteFailed(path_, std::strerror(err)));
  }
  if (std::rename(tmp.c_str(), path_.c_str()) != 0) {
    std::remove(tmp.c_str());
    return IoError(msg::CannotMoveIntoPlace(path_, std::strerror(errno)));
  }
  return Status::Ok();
}

}  // namespace sz::io
