// Test helper: the members of a ZIP file (an .xlsx is one), read through its central directory and
// inflated with zlib — so tests can look inside a workbook without another library.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <map>
#include <string>

namespace sz::testing {

// name → uncompressed content; empty when the file is not a readable ZIP.
inline std::map<std::string, std::string> ReadZip(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  const std::string zip((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto u16 = [&](size_t at) {
    return static_cast<uint32_t>(static_cast<uint8_t>(zip[at]) | static_cast<uint8_t>(zip[at + 1]) << 8);
  };
  auto u32 = [&](size_t at) { return u16(at) | u16(at + 2) << 16; };
  std::map<std::string, std::string> members;
  if (zip.size() < 22) return members;
  size_t end = zip.size() - 22;
  while (end > 0 && u32(end) != 0x06054b50) --end;
  if (u32(end) != 0x06054b50) return members;
  const uint32_t entries = u16(end + 10);
  size_t at = u32(end + 16);
  for (uint32_t e = 0; e < entries && at + 46 <= zip.size() && u32(at) == 0x02014b50; ++e) {
    const uint32_t method = u16(at + 10), compressed = u32(at + 20), size = u32(at + 24);
    const uint32_t name_length = u16(at + 28), extra = u16(at + 30), comment = u16(at + 32), local = u32(at + 42);
    const std::string name = zip.substr(at + 46, name_length);
    at += 46 + name_length + extra + comment;
    const size_t data = local + 30 + u16(local + 26) + u16(local + 28);
    if (data + compressed > zip.size()) return {};
    if (method == 0) {
      members[name] = zip.substr(data, compressed);
      continue;
    }
    std::string out(size, '\0');
    z_stream stream{};
    if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) return {};
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zip.data() + data));
    stream.avail_in = compressed;
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = size;
    const int rc = inflate(&stream, Z_FINISH);
    inflateEnd(&stream);
    if (rc != Z_STREAM_END) return {};
    members[name] = out;
  }
  return members;
}

}  // namespace sz::testing
