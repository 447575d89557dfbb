#include "indicators/signal_file.h"

#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

#include "indicators/messages.h"
#include "sources/contract.h"

namespace sz::indicators {
namespace {

const std::vector<std::string> kKeys = {"fdr_q", "venster_weken", "venster_maanden", "max_tussenruimte", "capaciteit"};

}  // namespace

Result<SignalConfig> ParseSignalConfig(std::string_view text, const std::string& file) {
  std::vector<std::string> problems;
  auto problem = [&](const toml::source_position& at, const std::string& message) {
    problems.push_back(file + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": " + message);
  };
  SignalConfig config;
  toml::table root;
  try {
    root = toml::parse(text, file);
  } catch (const toml::parse_error& error) {
    problem(error.source().begin, msg::CatalogSyntax(error.description()));
  }
  for (auto&& [key, node] : root) {
    if (std::find(kKeys.begin(), kKeys.end(), key.str()) == kKeys.end())
      problem(key.source().begin, msg::CatalogUnknownKey(key.str(), kKeys));
  }
  if (const toml::node* node = root.get("fdr_q")) {
    std::optional<double> q = node->value<double>();
    if (!q || !(*q > 0 && *q < 1)) {
      problem(node->source().begin, msg::SignalFdrLevel());
    } else {
      config.fdr_q = *q;
    }
  }
  auto integer = [&](std::string_view key, int min, int max, int& out) {
    const toml::node* node = root.get(key);
    if (node == nullptr) return;
    std::optional<int64_t> value = node->value<int64_t>();
    if (!node->is_integer() || !value || *value < min || *value > max) {
      problem(node->source().begin, msg::CatalogNotIntegerBetween(key, min, max));
      return;
    }
    out = static_cast<int>(*value);
  };
  integer("venster_weken", 1, 52, config.window_weeks);
  integer("venster_maanden", 1, 24, config.window_months);
  integer("max_tussenruimte", 0, 4, config.max_gap);
  if (const toml::node* node = root.get("capaciteit")) {
    if (const toml::table* table = node->as_table()) {
      for (auto&& [key, value] : *table) {
        const std::string source(key.str());
        if (sources::FindContract(source) == nullptr) {
          problem(key.source().begin, msg::SignalUnknownSource(source));
          continue;
        }
        std::optional<double> number = value.value<double>();
        if (!number || !(*number > 0)) {
          problem(value.source().begin, msg::SignalCapacityPositive(source));
          continue;
        }
        config.capacity[source] = *number;
      }
    } else {
      problem(node->source().begin, msg::CatalogNotTable("capaciteit"));
    }
  }
  if (problems.empty()) return config;
  std::string message = msg::SignalConfigHasProblems(problems.size());
  for (const std::string& p : problems) message += "\n  " + p;
  return DataError(message);
}

Result<SignalConfig> LoadSignalConfig(const std::filesystem::path& file) {
  std::error_code error;
  if (!std::filesystem::exists(file, error)) return SignalConfig{};
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) return IoError(file.string() + ": " + msg::CatalogCannotRead());
  return ParseSignalConfig(text.str(), file.string());
}

}  // namespace sz::indicators
