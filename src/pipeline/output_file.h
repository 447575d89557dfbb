// Files the stages write for people and other tools: written whole or not at all (PATH.tmp, then
// renamed), and CSV data that starts with its header line so that R's read.csv, pandas and Excel
// read it as it is, with what made it (the provenance) in a sidecar FILE.json beside it.
//
//   Provenance provenance{.command = "survey", .fields = {{"ontwerp", "ids=wijk strata=gemeente"}}};
//   RETURN_IF_ERROR(WriteTextFile(csv, "mantelzorg.csv"));
//   RETURN_IF_ERROR(WriteProvenance("mantelzorg.csv", provenance));   // mantelzorg.csv.json
//
// The sidecar is a JSON object: {"programma": "samenzicht", "versie": "0.1.0", "opdracht": …,
// "gemaakt_op": "2026-12-03T10:00:00Z", "bestand": …, then the command's fields}. Keys are Dutch,
// values as given. Errors: kIoError naming the file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace sz::pipeline {

struct Provenance {
  std::string command;
  std::vector<std::pair<std::string, std::string>> fields;  // in order
};

Status WriteTextFile(std::string_view text, const std::string& path);
// "2026-12-03T10:00:00Z": a Unix time as ISO 8601 UTC, as sidecars and stored runs write it.
std::string UtcTimestamp(int64_t unix_seconds);

// A number as files for people write it: the shortest text that reads back as the same double, with a
// decimal comma when `decimal_comma`; "" for a missing one.
std::string FormatNumber(const std::optional<double>& value, bool decimal_comma);

// The sidecar's path: `data_path` + ".json".
std::string ProvenancePath(const std::string& data_path);
Status WriteProvenance(const std::string& data_path, const Provenance& provenance);

// A JSON document written as WriteTextFile does (the stages' JSON reports).
inline Status WriteJsonFile(std::string_view json_text, const std::string& path) {
  return WriteTextFile(json_text, path);
}

inline constexpr const char* kVersion = "0.1.0";

}  // namespace sz::pipeline
