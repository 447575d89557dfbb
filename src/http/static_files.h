// Serving the dashboard's files (a single-page app) from a folder, as a Response for the transport.
//
//   if (request.method == "GET" && !request.path.starts_with("/api/")) {
//     return http::ServeStaticFile(options.web_root, request.path);
//   }
//
// Contract:
// - `request_path` is a decoded path (Request::path), starting with '/'. "/" and a path whose last
//   segment has no extension ("/gemeente/GM0153", "/kaart/") get `root`/index.html, so the app's own
//   routes load the app.
// - It never leaves `root`: a path with a backslash, a NUL, an empty or "." or ".." segment, or any
//   segment starting with '.' (".env", ".git") is refused with 400; a file whose canonical location
//   (std::filesystem::weakly_canonical, so symlinks resolved) lies outside the canonical root is
//   404, as is a missing file or anything that is not a regular file. Error bodies are JSON
//   {"fout": "<Dutch message>"} (JsonError).
// - Content-Type from the extension: html, js, mjs, css, svg, json, topojson (application/json),
//   png, jpg, woff2, ico, csv, txt, map; anything else application/octet-stream.
// - Headers: X-Content-Type-Options: nosniff, and Cache-Control "no-cache" for HTML (so a new
//   release is seen at once) and "public, max-age=3600" for everything else.
// - Files over kMaxStaticFileBytes are refused (404) rather than read into memory.
// Checked by tests/http/static_files_test.cc.
// Thread safety: reads the file system only; safe to call concurrently.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string_view>

#include "http/http_server.h"

namespace sz::http {

inline constexpr size_t kMaxStaticFileBytes = 64 * 1024 * 1024;

Response ServeStaticFile(const std::filesystem::path& root, std::string_view request_path);

// The Content-Type for a file name's extension (as above), e.g. "text/css; charset=utf-8".
std::string_view StaticContentType(std::string_view file_name);

}  // namespace sz::http
