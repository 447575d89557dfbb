// The SQLite backend of Store: one database file (default var/samenzicht.db), WAL journal, schema
// created and upgraded by versioned migrations (store/migrations.h) when the file is opened.
// Private to the store module: other modules open a store with OpenStore("sqlite:PATH") (store.h);
// tests use the options below.
//
//   ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenSqliteStore(path));
//
// Errors: kIoError when the file cannot be created or written (missing directory, read-only file or
// file system, disk full), kDataError when the file is not a Samenzicht database or is newer than
// this program.
#pragma once

#include <memory>
#include <string>

#include "core/status.h"
#include "store/store.h"

namespace sz::store {

struct SqliteOptions {
  // Creates missing parent directories of the file (the CLI's default var/ directory).
  bool create_directories = true;
  // For tests of "disk full": a limit on the database size in pages (0 = none).
  int max_page_count = 0;
};

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, const SqliteOptions& options = {});

}  // namespace sz::store
