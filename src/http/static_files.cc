#include "http/static_files.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <utility>

#include "http/messages.h"

namespace sz::http {
namespace {

namespace fs = std::filesystem;

struct TypeByExtension {
  std::string_view extension;
  std::string_view content_type;
};

constexpr std::array<TypeByExtension, 15> kTypes = {{
    {"html", "text/html; charset=utf-8"},
    {"js", "text/javascript; charset=utf-8"},
    {"mjs", "text/javascript; charset=utf-8"},
    {"css", "text/css; charset=utf-8"},
    {"svg", "image/svg+xml"},
    {"json", "application/json; charset=utf-8"},
    {"topojson", "application/json; charset=utf-8"},
    {"map", "application/json; charset=utf-8"},
    {"png", "image/png"},
    {"jpg", "image/jpeg"},
    {"woff2", "font/woff2"},
    {"ico", "image/x-icon"},
    {"csv", "text/csv; charset=utf-8"},
    {"txt", "text/plain; charset=utf-8"},
    {"webmanifest", "application/manifest+json"},
}};

// The extension of the last segment of `path` (without the dot), "" when it has none.
std::string_view Extension(std::string_view path) {
  size_t slash = path.rfind('/');
  std::string_view last = slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = last.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  return last.substr(dot + 1);
}

// True when every segment of the path after its leading '/' is safe to join under the root.
bool IsSafeRelativePath(std::string_view path) {
  if (path.empty() || path.front() != '/') return false;
  if (path.find('\\') != std::string_view::npos || path.find('\0') != std::string_view::npos) return false;
  std::string_view rest = path.substr(1);
  if (rest.empty()) return true;
  size_t start = 0;
  while (start <= rest.size()) {
    size_t end = rest.find('/', start);
    if (end == std::string_view::npos) end = rest.size();
    std::string_view segment = rest.substr(start, end - start);
    bool last = end == rest.size();
    // An empty segment is allowed only as the trailing slash ("/kaart/").
    if (segment.empty() && !last) return false;
    if (!segment.empty() && segment.front() == '.') return false;  // ".", "..", ".env"
    start = end + 1;
  }
  return true;
}

bool IsWithin(const fs::path& candidate, const fs::path& root) {
  auto [root_end, candidate_end] = std::mismatch(root.begin(), root.end(), candidate.begin(), candidate.end());
  // weakly_canonical leaves a trailing empty element for a trailing slash; the root has none.
  return root_end == root.end() || (std::next(root_end) == root.end() && root_end->empty());
}

}  // namespace

std::string_view StaticContentType(std::string_view file_name) {
  std::string extension(Extension(file_name));
  for (char& letter : extension) letter = static_cast<char>(std::tolower(static_cast<unsigned char>(letter)));
  for (const TypeByExtension& type : kTypes) {
    if (type.extension == extension) return type.content_type;
  }
  return "application/octet-stream";
}

Response ServeStaticFile(const fs::path& root, std::string_view request_path) {
  if (!IsSafeRelativePath(request_path)) return JsonError(400, msg::BadStaticPath());
  std::string relative(request_path.substr(1));
  // An app route such as "/gemeente/GM0153" is the app itself: index.html at the root.
  if (Extension(relative).empty()) relative = "index.html";
  std::error_code error;
  fs::path canonical_root = fs::weakly_canonical(root, error);
  if (error) return JsonError(404, msg::NotFound());
  fs::path candidate = fs::weakly_canonical(canonical_root / relative, error);
  if (error || !IsWithin(candidate, canonical_root)) return JsonError(404, msg::NotFound());
  fs::file_status status = fs::status(candidate, error);
  if (error || !fs::is_regular_file(status)) return JsonError(404, msg::NotFound());
  uintmax_t size = fs::file_size(candidate, error);
  if (error || size > kMaxStaticFileBytes) return JsonError(404, msg::NotFound());

  std::ifstream in(candidate, std::ios::binary);
  if (!in) return JsonError(404, msg::NotFound());
  Response response;
  response.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) return JsonError(500, msg::CannotReadFile());
  response.status = 200;
  std::string_view type = StaticContentType(candidate.filename().string());
  response.content_type = std::string(type);
  bool html = type.starts_with("text/html");
  response.headers.emplace_back("Cache-Control", html ? "no-cache" : "public, max-age=3600");
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  return response;
}

}  // namespace sz::http
