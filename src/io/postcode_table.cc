#include "io/postcode_table.h"

#include <cctype>

#include "io/csv_reader.h"
#include "io/messages.h"

namespace sz::io {

std::string PostcodeTable::Normalise(std::string_view postcode) {
  std::string compact;
  for (char c : postcode) {
    if (c == ' ' || c == '\t' || c == '-') continue;
    compact.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  if (compact.size() != 6) return "";
  for (int i = 0; i < 4; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(compact[i]))) return "";
  }
  if (compact[0] == '0') return "";
  for (int i = 4; i < 6; ++i) {
    if (compact[i] < 'A' || compact[i] > 'Z') return "";
  }
  return compact;
}

const PostcodeArea* PostcodeTable::Find(std::string_view postcode) const {
  auto it = areas_.find(Normalise(postcode));
  return it == areas_.end() ? nullptr : &it->second;
}

Result<PostcodeTable> PostcodeTable::Load(const std::string& path, const RegionTable& regions) {
  ASSIGN_OR_RETURN(auto reader, CsvReader::Open(path));
  int cols[4];
  const char* names[4] = {"postcode", "gemeente", "wijk", "buurt"};
  for (int i = 0; i < 4; ++i) {
    cols[i] = -1;
    for (size_t c = 0; c < reader->header().size(); ++c) {
      if (reader->header()[c] == names[i]) cols[i] = static_cast<int>(c);
    }
    if (cols[i] < 0) {
      return DataError(msg::AtLine(path, reader->header_line(), msg::PostcodeColumnMissing(names[i])));
    }
  }
  PostcodeTable table;
  CsvRecord record;
  while (reader->Next(record)) {
    if (!record.error.empty()) return DataError(msg::AtLine(path, record.line, record.error));
    std::string postcode = Normalise(record.cells[cols[0]]);
    if (postcode.empty()) {
      return DataError(msg::AtCell(path, record.line, cols[0] + 1, msg::NotAPostcode(record.cells[cols[0]])));
    }
    PostcodeArea area{record.cells[cols[1]], record.cells[cols[2]], record.cells[cols[3]]};
    const Region* buurt = regions.Find(area.buurt);
    if (buurt == nullptr || buurt->level != RegionLevel::kBuurt || buurt->parent_code != area.wijk) {
      return DataError(msg::AtCell(path, record.line, cols[3] + 1, msg::BuurtNotInWijk(area.buurt, area.wijk)));
    }
    if (regions.GemeenteOf(area.wijk) == nullptr || regions.GemeenteOf(area.wijk)->code != area.gemeente) {
      return DataError(msg::AtCell(path, record.line, cols[2] + 1, msg::WijkNotInGemeente(area.wijk, area.gemeente)));
    }
    table.areas_[postcode] = std::move(area);
  }
  return table;
}

}  // namespace sz::io
