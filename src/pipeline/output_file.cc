#include "pipeline/output_file.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>

#include "pipeline/messages.h"

namespace sz::pipeline {

Status WriteTextFile(std::string_view text, const std::string& path) {
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return IoError(msg::CannotWrite(path));
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) {
      std::remove(temporary.c_str());
      return IoError(msg::CannotWrite(path));
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    return IoError(msg::CannotWrite(path));
  }
  return Status::Ok();
}

std::string FormatNumber(const std::optional<double>& value, bool decimal_comma) {
  if (!value) return "";
  char text[40];
  auto [end, error] = std::to_chars(text, text + sizeof text, *value);
  if (error != std::errc()) return "";
  std::string out(text, end);
  if (decimal_comma) std::replace(out.begin(), out.end(), '.', ',');
  return out;
}

std::string ProvenancePath(const std::string& data_path) { return data_path + ".json"; }

std::string UtcTimestamp(int64_t unix_seconds) {
  std::time_t time = static_cast<std::time_t>(unix_seconds);
  std::tm utc{};
  gmtime_r(&time, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

Status WriteProvenance(const std::string& data_path, const Provenance& provenance) {
  const std::string made = UtcTimestamp(std::time(nullptr));
  nlohmann::ordered_json json = {{"programma", "samenzicht"},
                                 {"versie", kVersion},
                                 {"opdracht", provenance.command},
                                 {"gemaakt_op", made},
                                 {"bestand", data_path}};
  for (const auto& [key, value] : provenance.fields) json[key] = value;
  return WriteTextFile(json.dump(2) + "\n", ProvenancePath(data_path));
}

}  // namespace sz::pipeline
