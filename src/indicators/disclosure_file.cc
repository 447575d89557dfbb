#include "indicators/disclosure_file.h"

#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "indicators/messages.h"

namespace sz::indicators {
namespace {

const std::vector<IndicatorKind> kKinds = {
    IndicatorKind::kRate,     IndicatorKind::kSurvey,   IndicatorKind::kSurveyIncomeGap, IndicatorKind::kLinked,
    IndicatorKind::kDuration, IndicatorKind::kForecast, IndicatorKind::kDelivery};

const std::vector<std::string> kRuleKeys = {"min_aantal", "min_noemer", "min_respondenten", "afronden_wijk",
                                            "fijnste_periode_wijk"};

class ConfigReader {
 public:
  explicit ConfigReader(std::string file) : file_(std::move(file)) {}

  void Read(std::string_view text, DisclosureConfig& config) {
    toml::table root;
    try {
      root = toml::parse(text, file_);
    } catch (const toml::parse_error& error) {
      Problem(error.source().begin, msg::CatalogSyntax(error.description()));
      return;
    }
    for (auto&& [key, node] : root) {
      if (key.str() != "standaard" && key.str() != "soort") {
        Problem(key.source().begin, msg::CatalogUnknownKey(key.str(), {"standaard", "soort"}));
      }
    }
    if (const toml::node* node = root.get("standaard")) {
      if (const toml::table* table = AsTable(*node, "standaard")) {
        std::vector<std::string> allowed = kRuleKeys;
        allowed.push_back("min_breedte");
        config.defaults = Rules(*table, "standaard", allowed);
        if (auto width = Integer(*table, "standaard", "min_breedte", 1)) config.min_width = *width;
      }
    }
    if (const toml::node* node = root.get("soort")) {
      const toml::table* kinds = AsTable(*node, "soort");
      if (kinds == nullptr) return;
      for (auto&& [key, kind_node] : *kinds) {
        const std::string path = "soort." + std::string(key.str());
        std::optional<IndicatorKind> kind;
        std::vector<std::string> names;
        for (IndicatorKind k : kKinds) {
          names.emplace_back(IndicatorKindName(k));
          if (names.back() == key.str()) kind = k;
        }
        if (!kind) {
          Problem(key.source().begin, msg::CatalogNotOneOf("soort", key.str(), names));
          continue;
        }
        if (const toml::table* table = AsTable(kind_node, path)) config.by_kind[*kind] = Rules(*table, path, kRuleKeys);
      }
    }
  }

  const std::vector<std::string>& problems() const { return problems_; }

 private:
  void Problem(const toml::source_position& at, const std::string& message) {
    problems_.push_back(file_ + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": " + message);
  }

  const toml::table* AsTable(const toml::node& node, const std::string& path) {
    const toml::table* table = node.as_table();
    if (table == nullptr) Problem(node.source().begin, msg::CatalogNotTable(path));
    return table;
  }

  std::optional<int> Integer(const toml::table& table, const std::string& path, std::string_view key, int min) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return std::nullopt;
    std::optional<int64_t> value = node->value<int64_t>();
    if (!node->is_integer() || !value || *value < min || *value > 1'000'000) {
      Problem(node->source().begin, msg::CatalogNotIntegerBetween(path + "." + std::string(key), min, 1'000'000));
      return std::nullopt;
    }
    return static_cast<int>(*value);
  }

  DisclosureSettings Rules(const toml::table& table, const std::string& path, const std::vector<std::string>& allowed) {
    for (auto&& [key, node] : table) {
      if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
        Problem(key.source().begin, msg::CatalogUnknownKey(path + "." + std::string(key.str()), allowed));
      }
    }
    DisclosureSettings settings;
    settings.min_count = Integer(table, path, "min_aantal", 1);
    settings.min_denominator = Integer(table, path, "min_noemer", 1);
    settings.min_respondents = Integer(table, path, "min_respondenten", 1);
    settings.round_wijk_to = Integer(table, path, "afronden_wijk", 1);
    if (const toml::node* node = table.get("fijnste_periode_wijk")) {
      const std::optional<std::string> name = node->value<std::string>();
      settings.wijk_period_months = name ? PeriodMonthsOf(*name) : std::nullopt;
      if (!settings.wijk_period_months) {
        Problem(node->source().begin,
                msg::CatalogNotOneOf(path + ".fijnste_periode_wijk", name.value_or("?"), kPeriodGrainNames));
      }
    }
    return settings;
  }

  std::string file_;
  std::vector<std::string> problems_;
};

}  // namespace

Result<DisclosureConfig> ParseDisclosureConfig(std::string_view text, const std::string& file) {
  DisclosureConfig config;
  ConfigReader reader(file);
  reader.Read(text, config);
  if (reader.problems().empty()) return config;
  std::string message = msg::DisclosureConfigHasProblems(reader.problems().size());
  for (const std::string& problem : reader.problems()) message += "\n  " + problem;
  return DataError(message);
}

Result<DisclosureConfig> LoadDisclosureConfig(const std::filesystem::path& file) {
  std::error_code error;
  if (!std::filesystem::exists(file, error)) return DisclosureConfig{};
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) return IoError(file.string() + ": " + msg::CatalogCannotRead());
  return ParseDisclosureConfig(text.str(), file.string());
}

DisclosureSettings ResolveDisclosure(const DisclosureConfig& config, const Indicator& indicator) {
  const DisclosureSettings dutch{
      .min_count = 10, .min_denominator = 50, .min_respondents = 50, .round_wijk_to = 5, .wijk_period_months = 12};
  const DisclosureSettings none;
  auto kind = config.by_kind.find(indicator.kind);
  const DisclosureSettings& of_kind = kind == config.by_kind.end() ? none : kind->second;
  auto pick = [&](std::optional<int> DisclosureSettings::*field) {
    for (const DisclosureSettings* level : {&indicator.disclosure, &of_kind, &config.defaults, &dutch}) {
      if (level->*field) return level->*field;
    }
    return std::optional<int>();
  };
  return {.min_count = pick(&DisclosureSettings::min_count),
          .min_denominator = pick(&DisclosureSettings::min_denominator),
          .min_respondents = pick(&DisclosureSettings::min_respondents),
          .round_wijk_to = pick(&DisclosureSettings::round_wijk_to),
          .wijk_period_months = pick(&DisclosureSettings::wijk_period_months)};
}

}  // namespace sz::indicators
