#include "io/csv_reader.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "io/messages.h"

namespace sz::io {
namespace {

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

}  // namespace

Result<std::unique_ptr<CsvReader>> CsvReader::Open(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return NotFoundError(msg::FileNotFound(path));
    return IoError(msg::CannotAccess(path, std::strerror(errno)));
  }
  if (S_ISDIR(st.st_mode)) return IoError(msg::IsADirectory(path));
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(msg::CannotOpen(path, std::strerror(errno)));
  std::string bytes;
  bytes.resize(static_cast<size_t>(st.st_size));
  if (st.st_size > 0 && !in.read(bytes.data(), st.st_size)) return IoError(msg::ReadFailed(path));
  return FromBytes(std::move(bytes), path);
}

Result<std::unique_ptr<CsvReader>> CsvReader::FromBytes(std::string bytes, std::string name) {
  if (bytes.empty()) return DataError(msg::EmptyFile(name));
  auto encoding = DetectEncoding(bytes);
  if (!encoding.ok()) return encoding.status().WithContext(name);
  std::unique_ptr<CsvReader> reader(new CsvReader());
  reader->path_ = std::move(name);
  reader->dialect_.encoding = *encoding;
  reader->text_ = ToUtf8(bytes, *encoding);
  RETURN_IF_ERROR(reader->Init());
  return reader;
}

std::string CsvReader::Metadata(const std::string& key) const {
  for (const auto& [k, v] : metadata_) {
    if (k == key) return v;
  }
  return "";
}

Status CsvReader::Init() {
  // Metadata lines "# key: value" and blank lines before the header.
  while (pos_ < text_.size()) {
    size_t nl = text_.find('\n', pos_);
    size_t end = nl == std::string::npos ? text_.size() : nl;
    std::string_view line(text_.data() + pos_, end - pos_);
    std::string trimmed = Trim(line);
    if (trimmed.empty() || trimmed[0] == '#') {
      if (!trimmed.empty()) {
        std::string body = Trim(std::string_view(trimmed).substr(1));
        size_t colon = body.find(':');
        if (colon != std::string::npos) {
          metadata_.emplace_back(Trim(std::string_view(body).substr(0, colon)),
                                 Trim(std::string_view(body).substr(colon + 1)));
        }
      }
      pos_ = nl == std::string::npos ? text_.size() : nl + 1;
      ++line_;
      continue;
    }
    break;
  }
  if (pos_ >= text_.size()) return DataError(msg::NoHeaderOnlyComments(path_));
  auto separator = DetectSeparator(std::string_view(text_).substr(pos_, 1 << 16));
  if (!separator.ok()) return separator.status().WithContext(path_);
  dialect_.separator = *separator;
  CsvRecord header;
  if (!Next(header)) return DataError(msg::NoHeader(path_));
  if (!header.error.empty()) return DataError(msg::AtLine(path_, header.line, header.error));
  header_ = std::move(header.cells);
  header_line_ = header.line;
  for (size_t i = 0; i < header_.size(); ++i) {
    if (header_[i].empty()) {
      return DataError(msg::AtCell(path_, header_line_, static_cast<int>(i + 1), msg::EmptyColumnName()));
    }
    for (size_t j = 0; j < i; ++j) {
      if (header_[i] == header_[j]) {
        return DataError(msg::AtLine(path_, header_line_, msg::ColumnTwice(header_[i])));
      }
    }
  }
  return Status::Ok();
}

bool CsvReader::Next(CsvRecord& record) {
  // Skip blank lines.
  while (pos_ < text_.size()) {
    if (text_[pos_] == '\n') {
      ++pos_;
      ++line_;
    } else if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') {
      pos_ += 2;
      ++line_;
    } else {
      break;
    }
  }
  if (pos_ >= text_.size()) return false;

  record.line = line_;
  record.cells.clear();
  record.error.clear();
  record.hint.clear();
  const size_t start = pos_;
  const char sep = dialect_.separator;
  std::string cell;
  bool in_quotes = false;
  bool was_quoted = false;
  bool ended_with_newline = false;
  auto finish_cell = [&] {
    record.cells.push_back(was_quoted ? cell : Trim(cell));
    cell.clear();
    was_quoted = false;
  };
  while (pos_ < text_.size()) {
    if (cell.empty() && !was_quoted && !in_quotes) {
      // Fast path: a field that does not start with a quote runs to the next separator or line end
      // (a quote inside it is an ordinary character), then is trimmed like any other.
      size_t first = pos_;
      while (first < text_.size() && (text_[first] == ' ' || text_[first] == '\t')) ++first;
      if (first >= text_.size() || text_[first] != '"') {
        size_t end_of_field = first;
        while (end_of_field < text_.size() && text_[end_of_field] != sep && text_[end_of_field] != '\n') {
          ++end_of_field;
        }
        cell.assign(text_, pos_, end_of_field - pos_);
        pos_ = end_of_field;
        if (pos_ < text_.size() && text_[pos_] == '\n') {
          // "\r\n" ends the line as "\n" does; Trim drops the '\r'.
          ++pos_;
          ++line_;
          ended_with_newline = true;
          break;
        }
        if (pos_ < text_.size()) {  // a separator
          finish_cell();
          ++pos_;
        }
        continue;
      }
    }
    char c = text_[pos_];
    if (in_quotes) {
      if (c == '"') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          cell.push_back('"');
          pos_ += 2;
          continue;
        }
        in_quotes = false;
        ++pos_;
        continue;
      }
      if (c == '\n') ++line_;
      cell.push_back(c);
      ++pos_;
      continue;
    }
    if (c == '"' && Trim(cell).empty()) {
      in_quotes = true;
      was_quoted = true;
      cell.clear();
      ++pos_;
      continue;
    }
    if (c == sep) {
      finish_cell();
      ++pos_;
      continue;
    }
    if (c == '\n' || (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n')) {
      pos_ += (c == '\r') ? 2 : 1;
      ++line_;
      ended_with_newline = true;
      break;
    }
    if (!(was_quoted && (c == ' ' || c == '\r'))) cell.push_back(c);
    ++pos_;
  }
  finish_cell();
  size_t end = pos_;
  while (end > start && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  record.raw.assign(text_, start, end - start);

  if (in_quotes) {
    record.error = msg::UnclosedQuote();
    record.hint = msg::CutOffInTransfer();
  } else if (!header_.empty() && record.cells.size() != header_.size()) {
    bool last = !ended_with_newline;
    if (last && record.cells.size() < header_.size()) {
      record.error = msg::TruncatedLastLine(record.cells.size(), header_.size());
      record.hint = msg::CutOffInTransfer();
    } else {
      record.error = msg::WrongFieldCount(header_.size(), record.cells.size());
      record.hint = msg::QuoteTheSeparator(SeparatorName(sep));
    }
  }
  return true;
}

}  // namespace sz::io
