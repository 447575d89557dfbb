// Ingest benchmark (issue 2): rows per second for a veilig_thuis extract into the SQLite store,
// beside sqlite3's own `.import` of the same file into a plain table, measured in the same run.
//
//   build/bench/ingest/ingest_bench [ROWS=1000000] [WORKDIR=/tmp/sz-ingest-bench]
//
// Samenzicht does more per row than .import: dialect/encoding detection, validation of every cell
// against the contract (dates, categories, region codes, pseudonym format), normalisation, typed
// columns, a primary key (duplicate detection) and an index on gemeente. The ratio says what that costs.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "pipeline/ingest.h"
#include "support/extract_files.h"

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  long rows = argc > 1 ? std::atol(argv[1]) : 1000000;
  std::string dir = argc > 2 ? argv[2] : "/tmp/sz-ingest-bench";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string extract = dir + "/veilig_thuis-extract.csv";
  sz::testing::WriteExtract(extract, "veilig_thuis", rows);
  auto bytes = fs::file_size(extract);

  auto workspace = sz::pipeline::Workspace::Open(
      {.config_dir = std::string(SZ_SOURCE_DIR) + "/config", .store_url = "sqlite:" + dir + "/samenzicht.db"});
  if (!workspace.ok() || !workspace->Regions().ok()) {
    std::fprintf(stderr, "no workspace\n");
    return 3;
  }
  auto start = std::chrono::steady_clock::now();
  sz::pipeline::IngestRequest request;
  request.source = "veilig_thuis";
  request.files = {extract};
  auto report = sz::pipeline::Ingest(*workspace, request);
  double ours = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!report.ok() || report->files[0].accepted != rows) {
    std::fprintf(stderr, "ingest failed: %s\n", report.status().ToString().c_str());
    return 3;
  }

  // The peer: sqlite3's .import into a plain table (all TEXT columns, no validation, no key), in WAL
  // mode like ours, skipping the 3 metadata lines and the header.
  std::string plain_db = dir + "/plain.db";
  std::string command = "sqlite3 " + plain_db +
                        " -cmd 'PRAGMA journal_mode=WAL;' -cmd '.mode csv' -cmd '.separator ;' " +
                        "'.import --skip 4 " + extract + " plain' >/dev/null";
  // .import needs the table to exist when skipping the header: create it from the header line.
  std::string create = "sqlite3 " + plain_db + " \"CREATE TABLE plain (";
  {
    const auto& columns = sz::sources::FindContract("veilig_thuis")->extract.columns;
    for (size_t c = 0; c < columns.size(); ++c) create += (c ? ", \"" : "\"") + columns[c].name + "\" TEXT";
    create += ")\"";
  }
  if (std::system(create.c_str()) != 0) return 3;
  start = std::chrono::steady_clock::now();
  if (std::system(command.c_str()) != 0) {
    std::fprintf(stderr, "sqlite3 .import failed\n");
    return 3;
  }
  double peer = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::printf("rows: %ld (%.1f MB)\n", rows, bytes / 1e6);
  std::printf("samenzicht ingest: %.2f s, %.0f rows/s\n", ours, rows / ours);
  std::printf("sqlite3 .import:   %.2f s, %.0f rows/s\n", peer, rows / peer);
  std::printf("ratio (samenzicht time / sqlite3 time): %.2f\n", ours / peer);
  fs::remove_all(dir);
  return 0;
}
