// libFuzzer target for everything the http module parses from untrusted input: ParseQuery and
// PercentDecodePath (http/query.h) on the raw bytes, and the whole request parse (Beast's parser
// with small limits, then the decoding the server does) through ParseRequestForFuzzing
// (http/request_parser.h). Besides crashes and sanitizer reports it checks the decoders' contract:
// whatever they accept is valid UTF-8 without NUL or control characters, within the limits.
//
// Not part of unit_tests (tests/CMakeLists.txt globs tests/MODULE/*_test.cc, not subfolders). Build
// and run with clang from the repository root, after building sz_http and sz_core once with clang,
// or directly from the sources:
//
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined \
//     -Ibuild/module-include/http -Ibuild/module-include/core \
//     tests/http/fuzz/request_fuzzer.cc src/http/query.cc src/http/request_parser.cc \
//     src/http/internal/beast_request.cc src/http/messages.cc src/http/json_text.cc \
//     src/http/http_server.cc src/http/static_files.cc \
//     src/core/unicode.cc src/core/messages.cc src/core/status.cc -lz -pthread -o request_fuzzer
//   mkdir -p fuzz-corpus && ./request_fuzzer -max_len=16384 fuzz-corpus
//
// (build/module-include/ is made by CMake's configure step; any build folder's will do.)
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/unicode.h"
#include "http/query.h"
#include "http/request_parser.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

// The contract of a decoded text: well-formed UTF-8, no C0 control, DEL or C1 control.
void CheckDecoded(std::string_view text) {
  Check(sz::IsValidUtf8(text));
  for (size_t index = 0; index < text.size(); ++index) {
    unsigned char byte = static_cast<unsigned char>(text[index]);
    Check(byte >= 0x20 && byte != 0x7F);
    if (byte == 0xC2 && index + 1 < text.size()) {
      unsigned char next = static_cast<unsigned char>(text[index + 1]);
      Check(next < 0x80 || next > 0x9F);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);

  if (auto query = sz::http::ParseQuery(input); query.ok()) {
    Check(query->size() <= sz::http::kMaxQueryParameters);
    for (const auto& [name, value] : *query) {
      Check(!name.empty() && name.size() <= sz::http::kMaxQueryNameBytes);
      Check(value.size() <= sz::http::kMaxQueryValueBytes);
      CheckDecoded(name);
      CheckDecoded(value);
    }
  }
  if (auto path = sz::http::PercentDecodePath(input); path.ok()) CheckDecoded(*path);

  sz::http::Limits limits;
  limits.max_header_bytes = 2048;
  limits.max_body_bytes = 4096;
  if (auto request = sz::http::ParseRequestForFuzzing(input, limits); request.ok()) {
    Check(!request->path.empty() && request->path.front() == '/');
    CheckDecoded(request->path);
    Check(request->body.size() <= limits.max_body_bytes);
    for (const auto& [name, value] : request->query) {
      CheckDecoded(name);
      CheckDecoded(value);
    }
    for (const auto& [name, value] : request->headers) {
      for (char letter : name) Check(!(letter >= 'A' && letter <= 'Z'));
    }
  }
  return 0;
}
