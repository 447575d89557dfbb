// Static files (http/static_files.h) on a real folder: content types, the index fallback, and every
// way out of the root we know of (.., encoded .., backslashes, NUL, dot files, symlinks out).
#include "http/static_files.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "http/query.h"

namespace sz::http {
namespace {

namespace fs = std::filesystem;
using namespace std::string_view_literals;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::path(::testing::TempDir()) / ("static-files-" + std::to_string(::getpid()));
    fs::remove_all(base_);
    root_ = base_ / "web";
    fs::create_directories(root_ / "assets");
    Write(root_ / "index.html", "<!doctype html><title>Samenzicht</title>");
    Write(root_ / "assets" / "app.js", "console.log(1);");
    Write(root_ / "assets" / "app.css", "body{}");
    Write(root_ / "assets" / "logo.svg", "<svg/>");
    Write(root_ / "assets" / "gemeenten.topojson", "{}");
    Write(root_ / "assets" / "data.json", "[]");
    Write(root_ / "assets" / "font.woff2", "wOF2");
    Write(root_ / "assets" / "logo.png", "\x89PNG");
    Write(root_ / "favicon.ico", "ico");
    Write(root_ / "assets" / "tabel.csv", "a;b\n");
    Write(root_ / "robots.txt", "User-agent: *");
    Write(root_ / "assets" / "blob.bin", "bin");
    Write(root_ / ".env", "SECRET=1");
    Write(base_ / "secret.txt", "geheim");
    fs::create_symlink(base_ / "secret.txt", root_ / "assets" / "link.txt");      // out of the root
    fs::create_symlink(base_, root_ / "assets" / "up");                           // a folder out of the root
    fs::create_symlink(root_ / "assets" / "app.js", root_ / "assets" / "ok.js");  // inside: allowed
  }
  void TearDown() override { fs::remove_all(base_); }

  static void Write(const fs::path& path, std::string_view text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
  }

  fs::path base_;
  fs::path root_;
};

TEST_F(StaticFilesTest, ServesFilesWithTheirContentType) {
  const std::pair<std::string_view, std::string_view> kCases[] = {
      {"/index.html", "text/html; charset=utf-8"},
      {"/assets/app.js", "text/javascript; charset=utf-8"},
      {"/assets/app.css", "text/css; charset=utf-8"},
      {"/assets/logo.svg", "image/svg+xml"},
      {"/assets/gemeenten.topojson", "application/json; charset=utf-8"},
      {"/assets/data.json", "application/json; charset=utf-8"},
      {"/assets/font.woff2", "font/woff2"},
      {"/assets/logo.png", "image/png"},
      {"/favicon.ico", "image/x-icon"},
      {"/assets/tabel.csv", "text/csv; charset=utf-8"},
      {"/robots.txt", "text/plain; charset=utf-8"},
      {"/assets/blob.bin", "application/octet-stream"},
      {"/assets/ok.js", "text/javascript; charset=utf-8"},
  };
  for (const auto& [path, type] : kCases) {
    Response response = ServeStaticFile(root_, path);
    EXPECT_EQ(response.status, 200) << path << ": " << response.body;
    EXPECT_EQ(response.content_type, type) << path;
  }
  EXPECT_EQ(ServeStaticFile(root_, "/assets/app.js").body, "console.log(1);");
  EXPECT_EQ(StaticContentType("APP.JS"), "text/javascript; charset=utf-8");
}

TEST_F(StaticFilesTest, CacheAndNosniffHeaders) {
  auto header = [](const Response& response, std::string_view name) {
    for (const auto& [key, value] : response.headers) {
      if (key == name) return value;
    }
    return std::string();
  };
  Response html = ServeStaticFile(root_, "/");
  EXPECT_EQ(header(html, "Cache-Control"), "no-cache");
  EXPECT_EQ(header(html, "X-Content-Type-Options"), "nosniff");
  Response script = ServeStaticFile(root_, "/assets/app.js");
  EXPECT_EQ(header(script, "Cache-Control"), "public, max-age=3600");
  EXPECT_EQ(header(script, "X-Content-Type-Options"), "nosniff");
}

TEST_F(StaticFilesTest, PathsWithoutExtensionGetTheIndex) {
  for (std::string_view path : {"/", "/gemeente/GM0153", "/kaart/", "/signalen"}) {
    Response response = ServeStaticFile(root_, path);
    EXPECT_EQ(response.status, 200) << path;
    EXPECT_EQ(response.body, "<!doctype html><title>Samenzicht</title>") << path;
    EXPECT_EQ(response.content_type, "text/html; charset=utf-8") << path;
  }
}

TEST_F(StaticFilesTest, MissingFilesAre404Json) {
  Response response = ServeStaticFile(root_, "/assets/nergens.js");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.content_type, "application/json; charset=utf-8");
  EXPECT_EQ(response.body, R"({"fout": "niet gevonden"})");
  EXPECT_EQ(ServeStaticFile(root_, "/assets.d").status, 404);  // a folder, or nothing
  EXPECT_EQ(ServeStaticFile(base_ / "geen-map", "/").status, 404);
}

TEST_F(StaticFilesTest, NeverLeavesTheRoot) {
  const std::string_view kAttempts[] = {
      "/../etc/passwd",
      "/../secret.txt",
      "/assets/../../secret.txt",
      "/assets/../index.html",  // even when it would stay inside: ".." is refused
      "/./index.html",
      "/assets//app.js",
      "/..\\secret.txt",
      "/assets\\..\\..\\secret.txt",
      "/index.html\0.png"sv,
      "/.env",
      "/assets/.hidden.js",
      "assets/app.js",  // not starting with '/'
      "",
  };
  for (std::string_view attempt : kAttempts) {
    Response response = ServeStaticFile(root_, attempt);
    EXPECT_EQ(response.status, 400) << attempt;
    EXPECT_EQ(response.body.find("geheim"), std::string::npos) << attempt;
  }
}

TEST_F(StaticFilesTest, EncodedTraversalIsRefusedAfterDecoding) {
  for (std::string_view raw :
       {"/%2e%2e/secret.txt", "/%2E%2E/", "/assets/%2e%2e%2f%2e%2e%2fsecret.txt", "/assets%2F..%2F..%2Fsecret.txt"}) {
    Result<std::string> path = PercentDecodePath(raw);
    ASSERT_TRUE(path.ok()) << raw;
    EXPECT_EQ(ServeStaticFile(root_, *path).status, 400) << raw;
  }
}

TEST_F(StaticFilesTest, SymlinksOutOfTheRootAreNotFollowed) {
  Response file = ServeStaticFile(root_, "/assets/link.txt");
  EXPECT_EQ(file.status, 404);
  EXPECT_EQ(file.body.find("geheim"), std::string::npos);
  Response through_folder = ServeStaticFile(root_, "/assets/up/secret.txt");
  EXPECT_EQ(through_folder.status, 404);
  EXPECT_EQ(through_folder.body.find("geheim"), std::string::npos);
}

TEST_F(StaticFilesTest, RootGivenThroughASymlinkStillWorks) {
  fs::create_symlink(root_, base_ / "web-link");
  EXPECT_EQ(ServeStaticFile(base_ / "web-link", "/assets/app.js").status, 200);
  EXPECT_EQ(ServeStaticFile(base_ / "web-link", "/assets/link.txt").status, 404);
}

}  // namespace
}  // namespace sz::http
