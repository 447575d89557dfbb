#include "indicators/catalog_file.h"

#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <utility>

#include "core/numbers.h"
#include "indicators/linked_involvement.h"
#include "indicators/measure_table.h"
#include "indicators/messages.h"
#include "sources/contract.h"

namespace sz::indicators {
namespace {

template <typename T>
using Names = std::vector<std::pair<std::string_view, T>>;

const Names<Theme> kThemes = {{"meedoen", Theme::kMeedoen},
                              {"opgroeien", Theme::kOpgroeien},
                              {"ouder_worden", Theme::kOuderWorden},
                              {"organisatie", Theme::kOrganisatie}};
const Names<DevelopmentDirection> kDevelopments = {{"veerkracht", DevelopmentDirection::kVeerkracht},
                                                   {"ontzorgen", DevelopmentDirection::kOntzorgen},
                                                   {"zorgpreventie", DevelopmentDirection::kZorgpreventie}};
const Names<IndicatorKind> kKinds = {
    {"verhouding", IndicatorKind::kRate},       {"enquete", IndicatorKind::kSurvey},
    {"gekoppeld", IndicatorKind::kLinked},      {"duur", IndicatorKind::kDuration},
    {"voorspelling", IndicatorKind::kForecast}, {"levering", IndicatorKind::kDelivery}};
const Names<std::string> kSignalMethods = {{"automatisch", ""},  {"farringtonFlexible", "farringtonFlexible"},
                                           {"earsC1", "earsC1"}, {"earsC2", "earsC2"},
                                           {"earsC3", "earsC3"}, {"cusum", "cusum"}};
const Names<Direction> kDirections = {{"lager_is_beter", Direction::kLowerIsBetter},
                                      {"hoger_is_beter", Direction::kHigherIsBetter},
                                      {"dichter_bij_nul_is_beter", Direction::kCloserToZeroIsBetter}};
const Names<CatalogPeriod> kPeriods = {{"week", CatalogPeriod::kWeek},
                                       {"maand", CatalogPeriod::kMonth},
                                       {"kwartaal", CatalogPeriod::kQuarter},
                                       {"jaar", CatalogPeriod::kYear},
                                       {"golf", CatalogPeriod::kWave}};
const Names<RegionLevel> kLevels = {
    {"twente", RegionLevel::kRegio}, {"gemeente", RegionLevel::kGemeente}, {"wijk", RegionLevel::kWijk}};
const Names<IntervalMethod> kIntervals = {{"poisson_exact", IntervalMethod::kPoissonExact},
                                          {"wilson", IntervalMethod::kWilson},
                                          {"clopper_pearson", IntervalMethod::kClopperPearson},
                                          {"ontwerp", IntervalMethod::kDesign},
                                          {"geen", IntervalMethod::kNone}};
const Names<CountUnit> kUnits = {{"registraties", CountUnit::kRegistrations},
                                 {"personen", CountUnit::kPersons},
                                 {"huishoudens", CountUnit::kHouseholds},
                                 {"rijen", CountUnit::kRows},
                                 {"som", CountUnit::kSum}};
const Names<DeliveryMeasure> kDeliveryMeasures = {{"volledigheid", DeliveryMeasure::kCompleteness},
                                                  {"tijdigheid", DeliveryMeasure::kTimeliness}};

template <typename T>
std::vector<std::string> NamesOf(const Names<T>& names) {
  std::vector<std::string> out;
  for (const auto& [name, value] : names) out.emplace_back(name);
  return out;
}

std::string Join(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

// The sources a kind may read and which counting units each supports.
bool IsDesk(const sources::SourceContract& contract) { return contract.is_desk; }

// Reads one file's [[indicator]] tables, collecting problems.
class FileReader {
 public:
  FileReader(std::string file, std::vector<CatalogProblem>& problems) : file_(std::move(file)), problems_(problems) {}

  void Read(std::string_view text, Catalog& catalog) {
    // Debian's toml++ is built with exceptions: a syntax error is caught here and becomes a problem,
    // so no exception leaves this file.
    toml::table root;
    try {
      root = toml::parse(text, file_);
    } catch (const toml::parse_error& error) {
      Problem(error.source().begin, msg::CatalogSyntax(error.description()));
      return;
    }
    for (auto&& [key, node] : root) {
      if (key.str() != "indicator") Problem(key.source().begin, msg::CatalogUnknownTopLevel(key.str()));
    }
    const toml::node* list = root.get("indicator");
    if (list == nullptr) {
      problems_.push_back({file_, 0, 0, msg::CatalogNoIndicators()});
      return;
    }
    const toml::array* array = list->as_array();
    if (array == nullptr || !array->is_array_of_tables()) {
      Problem(list->source().begin, msg::CatalogIndicatorNotTables());
      return;
    }
    for (const toml::node& entry : *array) {
      const size_t before = problems_.size();
      Indicator indicator = ReadIndicator(*entry.as_table());
      if (problems_.size() != before) continue;  // an entry with a problem is left out
      std::optional<Indicator> gap = IncomeGapOf(indicator);
      catalog.indicators.push_back(std::move(indicator));
      if (gap) catalog.indicators.push_back(std::move(*gap));
    }
  }

 private:
  void Problem(const toml::source_position& at, std::string message) {
    problems_.push_back({file_, static_cast<int>(at.line), static_cast<int>(at.column), std::move(message)});
  }
  void Problem(const toml::node& node, std::string message) { Problem(node.source().begin, std::move(message)); }

  // Keys of `table` that are not in `allowed`.
  void CheckKeys(const toml::table& table, const std::string& path, const std::vector<std::string>& allowed) {
    for (auto&& [key, node] : table) {
      if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
        Problem(key.source().begin, msg::CatalogUnknownKey(Join(path, key.str()), allowed));
      }
    }
  }

  const toml::node* Required(const toml::table& table, const std::string& path, std::string_view key) {
    const toml::node* node = table.get(key);
    if (node == nullptr) Problem(table, msg::CatalogMissingKey(Join(path, key)));
    return node;
  }

  std::optional<std::string> Text(const toml::table& table, const std::string& path, std::string_view key,
                                  bool required) {
    const toml::node* node = required ? Required(table, path, key) : table.get(key);
    if (node == nullptr) return std::nullopt;
    std::optional<std::string> value = node->value<std::string>();
    if (!value) {
      Problem(*node, msg::CatalogNotText(Join(path, key)));
      return std::nullopt;
    }
    if (required && value->empty()) {
      Problem(*node, msg::CatalogEmptyText(Join(path, key)));
      return std::nullopt;
    }
    return value;
  }

  template <typename T>
  std::optional<T> Choice(const toml::node& node, const std::string& path, const Names<T>& names) {
    std::optional<std::string> text = node.value<std::string>();
    if (text) {
      for (const auto& [name, value] : names) {
        if (name == *text) return value;
      }
    }
    Problem(node, msg::CatalogNotOneOf(path, text.value_or(""), NamesOf(names)));
    return std::nullopt;
  }

  template <typename T>
  std::optional<T> Choice(const toml::table& table, const std::string& path, std::string_view key,
                          const Names<T>& names, bool required) {
    const toml::node* node = required ? Required(table, path, key) : table.get(key);
    if (node == nullptr) return std::nullopt;
    return Choice(*node, Join(path, key), names);
  }

  // A list of texts (a single text counts as a list of one when `single_ok`), with each item's node.
  std::optional<std::vector<std::pair<std::string, const toml::node*>>> Texts(const toml::node& node,
                                                                              const std::string& path, bool single_ok) {
    std::vector<std::pair<std::string, const toml::node*>> out;
    if (single_ok && node.is_string()) {
      out.emplace_back(*node.value<std::string>(), &node);
      return out;
    }
    const toml::array* array = node.as_array();
    if (array == nullptr) {
      Problem(node, msg::CatalogNotTextList(path));
      return std::nullopt;
    }
    for (const toml::node& item : *array) {
      std::optional<std::string> text = item.value<std::string>();
      if (!text) {
        Problem(item, msg::CatalogNotTextList(path));
        return std::nullopt;
      }
      out.emplace_back(*text, &item);
    }
    return out;
  }

  template <typename T>
  std::vector<T> Choices(const toml::table& table, const std::string& path, std::string_view key,
                         const Names<T>& names) {
    std::vector<T> out;
    const toml::node* node = Required(table, path, key);
    if (node == nullptr) return out;
    auto items = Texts(*node, Join(path, key), false);
    if (!items) return out;
    if (items->empty()) Problem(*node, msg::CatalogEmptyList(Join(path, key)));
    for (const auto& [text, item] : *items) {
      std::optional<T> value = Choice(*item, Join(path, key), names);
      if (!value) continue;
      if (std::find(out.begin(), out.end(), *value) != out.end()) {
        Problem(*item, msg::CatalogListedTwice(Join(path, key), text));
        continue;
      }
      out.push_back(*value);
    }
    return out;
  }

  std::optional<double> Number(const toml::table& table, const std::string& path, std::string_view key) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return std::nullopt;
    if (!node->is_number()) {
      Problem(*node, msg::CatalogNotNumber(Join(path, key)));
      return std::nullopt;
    }
    return node->value<double>();
  }

  std::optional<int64_t> Integer(const toml::table& table, const std::string& path, std::string_view key, int64_t min,
                                 int64_t max) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return std::nullopt;
    std::optional<int64_t> value = node->is_integer() ? node->value<int64_t>() : std::nullopt;
    if (!value || *value < min || *value > max) {
      Problem(*node, msg::CatalogNotIntegerBetween(Join(path, key), min, max));
      return std::nullopt;
    }
    return value;
  }

  std::optional<bool> Boolean(const toml::table& table, const std::string& path, std::string_view key) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return std::nullopt;
    if (!node->is_boolean()) {
      Problem(*node, msg::CatalogNotBoolean(Join(path, key)));
      return std::nullopt;
    }
    return node->value<bool>();
  }

  const toml::table* Table(const toml::table& table, const std::string& path, std::string_view key) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return nullptr;
    if (!node->is_table()) {
      Problem(*node, msg::CatalogNotTable(Join(path, key)));
      return nullptr;
    }
    return node->as_table();
  }

  const sources::SourceContract* Source(const toml::node& node, const std::string& path) {
    std::optional<std::string> name = node.value<std::string>();
    const sources::SourceContract* contract = name ? sources::FindContract(*name) : nullptr;
    if (contract == nullptr)
      Problem(node, msg::CatalogUnknownSource(path, name.value_or(""), sources::ContractNames()));
    return contract;
  }

  const sources::ColumnSpec* Column(const toml::node& at, const std::string& path,
                                    const sources::SourceContract& contract, std::string_view column) {
    const sources::ColumnSpec* spec = contract.extract.Find(column);
    if (spec == nullptr) {
      std::vector<std::string> names;
      for (const sources::ColumnSpec& c : contract.extract.columns) names.push_back(c.name);
      Problem(at, msg::CatalogUnknownColumn(path, contract.name, column, names));
    }
    return spec;
  }

  // filter = { kolom = "waarde" | ["waarde", …], … }: category and ja/nee columns, allowed values only.
  std::map<std::string, std::vector<std::string>> Filters(const toml::table& table, const std::string& path,
                                                          const sources::SourceContract& contract) {
    std::map<std::string, std::vector<std::string>> filters;
    const toml::table* filter = Table(table, path, "filter");
    if (filter == nullptr) return filters;
    const std::string filter_path = Join(path, "filter");
    for (auto&& [key, node] : *filter) {
      const std::string column_path = Join(filter_path, key.str());
      const sources::ColumnSpec* column = Column(node, column_path, contract, key.str());
      if (column == nullptr) continue;
      if (column->type != sources::ColumnType::kCategory && column->type != sources::ColumnType::kYesNo) {
        Problem(node, msg::CatalogFilterNotCategory(column_path, contract.name, column->name));
        continue;
      }
      const std::vector<std::string> allowed =
          column->type == sources::ColumnType::kYesNo ? std::vector<std::string>{"ja", "nee"} : column->allowed;
      auto values = Texts(node, column_path, true);
      if (!values) continue;
      if (values->empty()) Problem(node, msg::CatalogEmptyList(column_path));
      for (const auto& [value, item] : *values) {
        if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
          Problem(*item, msg::CatalogValueNotAllowed(column_path, value, contract.name, column->name, allowed));
          continue;
        }
        filters[std::string(key.str())].push_back(value);
      }
    }
    return filters;
  }

  std::optional<AgeSpan> Age(const toml::table& table, const std::string& path,
                             const sources::SourceContract& contract) {
    const toml::node* node = table.get("leeftijd");
    if (node == nullptr) return std::nullopt;
    std::optional<std::string> text = node->value<std::string>();
    std::optional<AgeSpan> span = text ? ParseAgeSpan(*text) : std::nullopt;
    if (!span) {
      Problem(*node, msg::CatalogBadAge(Join(path, "leeftijd"), text.value_or("")));
      return std::nullopt;
    }
    if (const sources::ColumnSpec* bands = contract.extract.Find("leeftijdsklasse")) {
      // Whole bands only: the span starts where a band starts, ends where a band ends, and cuts no band.
      bool whole = true, low_matches = false, high_matches = false;
      for (const std::string& band : bands->allowed) {
        std::optional<AgeSpan> b = ParseAgeSpan(band);
        if (!b) continue;
        const bool inside = span->Covers(*b);
        const bool overlaps = (!span->high || b->low <= *span->high) && (!b->high || *b->high >= span->low);
        if (overlaps && !inside) whole = false;
        if (b->low == span->low) low_matches = true;
        if (b->high == span->high) high_matches = true;
      }
      if (!whole || !low_matches || !high_matches) {
        Problem(*node, msg::CatalogAgeNotWholeBands(Join(path, "leeftijd"), *text, bands->allowed));
        return std::nullopt;
      }
      return span;
    }
    if (contract.extract.Find("leeftijd") == nullptr) {
      Problem(*node, msg::CatalogNoAgeColumn(Join(path, "leeftijd"), contract.name));
      return std::nullopt;
    }
    return span;
  }

  // bron = "x" (or, when `several` is allowed, a list): the contracts named.
  std::vector<const sources::SourceContract*> SourceList(const toml::table& table, const std::string& path,
                                                         bool several) {
    std::vector<const sources::SourceContract*> out;
    const toml::node* node = Required(table, path, "bron");
    if (node == nullptr) return out;
    if (node->is_array() && !several) {
      Problem(*node, msg::CatalogOneSourceOnly(Join(path, "bron")));
      return out;
    }
    auto names = Texts(*node, Join(path, "bron"), true);
    if (!names) return out;
    if (names->empty()) Problem(*node, msg::CatalogEmptyList(Join(path, "bron")));
    for (const auto& [name, item] : *names) {
      if (const sources::SourceContract* contract = Source(*item, Join(path, "bron"))) out.push_back(contract);
    }
    return out;
  }

  std::optional<CountSpec> Count(const toml::table& parent, const std::string& key, std::set<std::string>& used,
                                 bool several_sources) {
    const toml::table* table = Table(parent, "", key);
    if (table == nullptr) return std::nullopt;
    CheckKeys(*table, key, {"bron", "tel", "kolom", "datum", "loopt_tot", "filter", "leeftijd", "venster_maanden"});
    std::vector<const sources::SourceContract*> contracts = SourceList(*table, key, several_sources);
    if (contracts.empty()) return std::nullopt;
    CountSpec spec;
    for (const sources::SourceContract* contract : contracts) {
      spec.sources.push_back(contract->name);
      used.insert(contract->name);
    }
    const bool all_desks = std::all_of(contracts.begin(), contracts.end(), [](auto* c) { return IsDesk(*c); });
    if (auto unit = Choice(*table, key, "tel", kUnits, false))
      spec.unit = *unit;
    else if (table->get("tel") == nullptr)
      spec.unit = all_desks ? CountUnit::kRegistrations : CountUnit::kRows;
    if (spec.unit != CountUnit::kRows && spec.unit != CountUnit::kSum && !all_desks) {
      for (const sources::SourceContract* contract : contracts) {
        if (IsDesk(*contract)) continue;
        const toml::node* at = table->get("tel");
        Problem(at ? *at : static_cast<const toml::node&>(*table),
                msg::CatalogUnitNeedsDesk(Join(key, "tel"), CountUnitName(spec.unit), contract->name));
        break;
      }
    }
    // Columns must exist, with the right type, in every source listed.
    auto date_column = [&](std::string_view name, std::string& target) {
      std::optional<std::string> column = Text(*table, key, name, false);
      if (!column) return;
      const toml::node& at = *table->get(name);
      for (const sources::SourceContract* contract : contracts) {
        const sources::ColumnSpec* c = Column(at, Join(key, name), *contract, *column);
        if (c != nullptr && c->type != sources::ColumnType::kDate) {
          Problem(at, msg::CatalogNotADateColumn(Join(key, name), contract->name, *column));
        }
      }
      target = *column;
    };
    if (auto column = Text(*table, key, "kolom", false)) {
      const toml::node& at = *table->get("kolom");
      if (spec.unit != CountUnit::kSum) Problem(at, msg::CatalogColumnOnlyForSum(Join(key, "kolom")));
      for (const sources::SourceContract* contract : contracts) {
        const sources::ColumnSpec* c = Column(at, Join(key, "kolom"), *contract, *column);
        if (c != nullptr && c->type != sources::ColumnType::kInteger && c->type != sources::ColumnType::kDecimal) {
          Problem(at, msg::CatalogSumNotNumber(Join(key, "kolom"), contract->name, *column));
        }
      }
      spec.sum_column = *column;
    } else if (spec.unit == CountUnit::kSum) {
      Problem(*table, msg::CatalogSumNeedsColumn(Join(key, "kolom")));
    }
    date_column("datum", spec.date_column);
    date_column("loopt_tot", spec.end_column);
    for (const sources::SourceContract* contract : contracts) {
      auto filters = Filters(*table, key, *contract);
      if (contract == contracts.front()) spec.filters = std::move(filters);
      std::optional<AgeSpan> age = Age(*table, key, *contract);
      if (contract == contracts.front()) spec.age = age;
    }
    if (auto months = Integer(*table, key, "venster_maanden", 1, 120)) spec.window_months = static_cast<int>(*months);
    return spec;
  }

  Indicator ReadIndicator(const toml::table& table) {
    entry_problems_from_ = problems_.size();
    Indicator ind;
    ind.file = file_;
    ind.line = static_cast<int>(table.source().begin.line);
    CheckKeys(table, "",
              {"id",
               "titel",
               "definitie",
               "thema",
               "ontwikkelrichting",
               "soort",
               "bronnen",
               "factor",
               "eenheid",
               "richting",
               "periodes",
               "niveaus",
               "uitsplitsingen",
               "interval",
               "signaleerbaar",
               "signaalmethode",
               "teller",
               "noemer",
               "enquete",
               "gekoppeld",
               "duur",
               "voorspelling",
               "levering",
               "openbaarmaking",
               "doel_2030",
               "landelijke_referentie"});
    if (auto id = Text(table, "", "id", true)) {
      const bool snake = std::all_of(
          id->begin(), id->end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
      if (!snake || (*id)[0] < 'a' || (*id)[0] > 'z') Problem(*table.get("id"), msg::CatalogBadId(*id));
      ind.id = *id;
    }
    ind.title = Text(table, "", "titel", true).value_or("");
    ind.definition = Text(table, "", "definitie", true).value_or("");
    ind.unit = Text(table, "", "eenheid", true).value_or("");
    if (auto theme = Choice(table, "", "thema", kThemes, true)) ind.theme = *theme;
    if (auto dev = Choice(table, "", "ontwikkelrichting", kDevelopments, true)) ind.development = *dev;
    if (auto kind = Choice(table, "", "soort", kKinds, true)) ind.kind = *kind;
    if (auto direction = Choice(table, "", "richting", kDirections, true)) ind.direction = *direction;
    ind.periods = Choices(table, "", "periodes", kPeriods);
    ind.levels = Choices(table, "", "niveaus", kLevels);
    if (auto factor = Number(table, "", "factor")) {
      if (!(*factor > 0)) Problem(*table.get("factor"), msg::CatalogFactorPositive());
      ind.factor = *factor;
    }
    if (auto signalable = Boolean(table, "", "signaleerbaar")) ind.signalable = *signalable;
    if (auto method = Choice(table, "", "signaalmethode", kSignalMethods, false)) ind.signal_method = *method;
    if (auto reference = Number(table, "", "landelijke_referentie")) ind.national_reference = reference;

    std::set<std::string> used;  // the sources this entry reads, against `bronnen`
    const toml::node* kind_node = table.get("soort");
    auto needs = [&](std::string_view key) {
      if (table.get(key) == nullptr)
        Problem(kind_node ? *kind_node : static_cast<const toml::node&>(table),
                msg::CatalogKindNeeds(IndicatorKindName(ind.kind), key));
    };
    auto not_for_kind = [&](std::string_view key) {
      if (const toml::node* node = table.get(key))
        Problem(*node, msg::CatalogNotForKind(key, IndicatorKindName(ind.kind)));
    };
    switch (ind.kind) {
      case IndicatorKind::kRate:
        needs("teller");
        needs("noemer");
        for (auto key : {"enquete", "gekoppeld", "duur", "voorspelling", "levering"}) not_for_kind(key);
        ind.numerator = Count(table, "teller", used, false);
        ind.denominator = Count(table, "noemer", used, false);
        if (table.get("interval") == nullptr) ind.interval = IntervalMethod::kPoissonExact;
        break;
      case IndicatorKind::kSurvey:
      case IndicatorKind::kSurveyIncomeGap:
        needs("enquete");
        for (auto key : {"teller", "noemer", "gekoppeld", "duur", "voorspelling", "levering"}) not_for_kind(key);
        ind.survey = Survey(table, used);
        ind.interval = IntervalMethod::kDesign;
        break;
      case IndicatorKind::kLinked:
        needs("gekoppeld");
        for (auto key : {"teller", "noemer", "enquete", "duur", "voorspelling", "levering"}) not_for_kind(key);
        ind.linked = Linked(table, used);
        if (table.get("interval") == nullptr) ind.interval = IntervalMethod::kWilson;
        break;
      case IndicatorKind::kDuration:
        needs("duur");
        for (auto key : {"teller", "noemer", "enquete", "gekoppeld", "voorspelling", "levering"}) not_for_kind(key);
        ind.duration = Duration(table, used);
        break;
      case IndicatorKind::kForecast:
        needs("teller");
        needs("voorspelling");
        for (auto key : {"noemer", "enquete", "gekoppeld", "duur", "levering"}) not_for_kind(key);
        ind.numerator = Count(table, "teller", used, true);
        ind.forecast = Forecast(table);
        break;
      case IndicatorKind::kDelivery:
        needs("levering");
        for (auto key : {"teller", "noemer", "enquete", "gekoppeld", "duur", "voorspelling"}) not_for_kind(key);
        ind.delivery = Delivery(table);
        break;
    }
    if (auto interval = Choice(table, "", "interval", kIntervals, false)) {
      if (ind.kind == IndicatorKind::kSurvey && *interval != IntervalMethod::kDesign) {
        Problem(*table.get("interval"), msg::CatalogSurveyIntervalIsDesign());
      }
      ind.interval = *interval;
    }
    // Periods: survey indicators by wave only, the others never by wave.
    for (CatalogPeriod period : ind.periods) {
      const bool survey = ind.kind == IndicatorKind::kSurvey;
      if ((period == CatalogPeriod::kWave) != survey) {
        Problem(*table.get("periodes"),
                msg::CatalogPeriodNotForKind(CatalogPeriodName(period), IndicatorKindName(ind.kind)));
        break;
      }
    }
    Sources(table, ind, used);
    Breakdowns(table, ind);
    Disclosure(table, ind);
    TargetOf(table, ind);
    return ind;
  }

  std::optional<SurveySpec> Survey(const toml::table& parent, std::set<std::string>& used) {
    const toml::table* table = Table(parent, "", "enquete");
    if (table == nullptr) return std::nullopt;
    CheckKeys(*table, "enquete", {"variabele", "leeftijd", "kalibratie", "kloof_inkomen"});
    const sources::SourceContract* monitor = sources::FindContract("gezondheidsmonitor");
    used.insert(monitor->name);
    SurveySpec spec;
    if (auto variable = Text(*table, "enquete", "variabele", true)) {
      if (const sources::ColumnSpec* c = Column(*table->get("variabele"), "enquete.variabele", *monitor, *variable)) {
        const bool zero_one = c->type == sources::ColumnType::kInteger && c->min == 0 && c->max == 1;
        if (!zero_one) Problem(*table->get("variabele"), msg::CatalogNotZeroOne("enquete.variabele", *variable));
        spec.variable = *variable;
      }
    }
    spec.age = Age(*table, "enquete", *monitor);
    if (auto calibrate = Boolean(*table, "enquete", "kalibratie")) spec.calibrate = *calibrate;
    if (spec.calibrate) used.insert("bevolking");  // calibrated to the population counts
    if (auto gap = Boolean(*table, "enquete", "kloof_inkomen")) spec.income_gap = *gap;
    return spec;
  }

  std::optional<LinkedSpec> Linked(const toml::table& parent, std::set<std::string>& used) {
    const toml::table* table = Table(parent, "", "gekoppeld");
    if (table == nullptr) return std::nullopt;
    CheckKeys(*table, "gekoppeld", {"maat", "categorie"});
    LinkedSpec spec;
    std::optional<std::string> measure = Text(*table, "gekoppeld", "maat", true);
    if (!measure) return std::nullopt;
    const MeasureInfo* info = FindMeasure(*measure);
    if (info == nullptr) {
      std::vector<std::string> names;
      for (const MeasureInfo& m : KnownMeasures()) names.push_back(m.name);
      Problem(*table->get("maat"), msg::CatalogUnknownMeasure(*measure, names));
      return std::nullopt;
    }
    spec.measure = *measure;
    spec.category = Text(*table, "gekoppeld", "categorie", false).value_or("");
    const bool all_categories = spec.category.empty();
    if (!all_categories &&
        std::find(info->categories.begin(), info->categories.end(), spec.category) == info->categories.end()) {
      const toml::node* at = table->get("categorie");
      Problem(at ? *at : static_cast<const toml::node&>(*table),
              msg::CatalogUnknownMeasureCategory(spec.measure, spec.category, info->categories));
    }
    for (std::string_view desk : kDeskSources) used.insert(std::string(desk));  // linked measures read every desk
    return spec;
  }

  std::optional<DurationSpec> Duration(const toml::table& parent, std::set<std::string>& used) {
    const toml::table* table = Table(parent, "", "duur");
    if (table == nullptr) return std::nullopt;
    CheckKeys(*table, "duur", {"bron", "van", "tot", "filter"});
    const toml::node* source_node = Required(*table, "duur", "bron");
    if (source_node == nullptr) return std::nullopt;
    const sources::SourceContract* contract = Source(*source_node, "duur.bron");
    if (contract == nullptr) return std::nullopt;
    DurationSpec spec;
    spec.source = contract->name;
    used.insert(spec.source);
    for (auto [key, target] : {std::pair{"van", &spec.from_column}, std::pair{"tot", &spec.to_column}}) {
      std::optional<std::string> column = Text(*table, "duur", key, true);
      if (!column) continue;
      const std::string path = Join("duur", key);
      if (const sources::ColumnSpec* c = Column(*table->get(key), path, *contract, *column)) {
        if (c->type != sources::ColumnType::kDate) {
          Problem(*table->get(key), msg::CatalogNotADateColumn(path, contract->name, *column));
        }
        *target = *column;
      }
    }
    spec.filters = Filters(*table, "duur", *contract);
    return spec;
  }

  std::optional<ForecastSpec> Forecast(const toml::table& parent) {
    const toml::table* table = Table(parent, "", "voorspelling");
    if (table == nullptr) return std::nullopt;
    CheckKeys(*table, "voorspelling", {"horizon_weken", "niveau"});
    ForecastSpec spec;
    if (auto weeks = Integer(*table, "voorspelling", "horizon_weken", 1, 104))
      spec.horizon_weeks = static_cast<int>(*weeks);
    if (auto level = Number(*table, "voorspelling", "niveau")) {
      if (!(*level > 0 && *level < 1)) Problem(*table->get("niveau"), msg::CatalogLevelBetween("voorspelling.niveau"));
      spec.level = *level;
    }
    return spec;
  }

  std::optional<DeliverySpec> Delivery(const toml::table& parent) {
    const toml::table* table = Table(parent, "", "levering");
    if (table == nullptr) return std::nullopt;
    CheckKeys(*table, "levering", {"maat"});
    DeliverySpec spec;
    if (auto measure = Choice(*table, "levering", "maat", kDeliveryMeasures, true)) spec.measure = *measure;
    return spec;
  }

  // `bronnen` must name exactly the sources the entry reads (delivery indicators: any known sources).
  void Sources(const toml::table& table, Indicator& ind, const std::set<std::string>& used) {
    const toml::node* node = Required(table, "", "bronnen");
    if (node == nullptr) return;
    auto items = Texts(*node, "bronnen", false);
    if (!items) return;
    std::set<std::string> listed;
    for (const auto& [name, item] : *items) {
      if (Source(*item, "bronnen") == nullptr) continue;
      if (!listed.insert(name).second) Problem(*item, msg::CatalogListedTwice("bronnen", name));
      ind.sources.push_back(name);
    }
    if (ind.kind == IndicatorKind::kDelivery) {
      if (listed.empty()) Problem(*node, msg::CatalogEmptyList("bronnen"));
      return;
    }
    if (listed != used && problems_.size() == entry_problems_from_) {
      Problem(*node, msg::CatalogSourcesDiffer(std::vector<std::string>(used.begin(), used.end())));
    }
  }

  // uitsplitsingen: columns of the source the numerator counts (the monitor for survey indicators).
  void Breakdowns(const toml::table& table, Indicator& ind) {
    const toml::node* node = table.get("uitsplitsingen");
    if (node == nullptr) return;
    auto items = Texts(*node, "uitsplitsingen", false);
    if (!items) return;
    const sources::SourceContract* contract = nullptr;
    if (ind.numerator) contract = sources::FindContract(ind.numerator->sources.front());
    if (ind.survey) contract = sources::FindContract("gezondheidsmonitor");
    if (ind.duration) contract = sources::FindContract(ind.duration->source);
    for (const auto& [name, item] : *items) {
      if (contract == nullptr) {
        Problem(*item, msg::CatalogNoBreakdownForKind(IndicatorKindName(ind.kind)));
        return;
      }
      const sources::ColumnSpec* column = Column(*item, "uitsplitsingen", *contract, name);
      if (column == nullptr) continue;
      const bool categorical = column->type == sources::ColumnType::kCategory ||
                               column->type == sources::ColumnType::kYesNo ||
                               (column->type == sources::ColumnType::kInteger && column->max && column->min &&
                                *column->max - *column->min <= 20);
      if (!categorical) {
        Problem(*item, msg::CatalogBreakdownNotCategory(name, contract->name));
        continue;
      }
      ind.breakdowns.push_back(name);
    }
  }

  void Disclosure(const toml::table& table, Indicator& ind) {
    const toml::table* settings = Table(table, "", "openbaarmaking");
    if (settings == nullptr) return;
    const std::string path = "openbaarmaking";
    CheckKeys(*settings, path,
              {"min_aantal", "min_noemer", "min_respondenten", "afronden_wijk", "fijnste_periode_wijk"});
    auto get = [&](std::string_view key) -> std::optional<int> {
      if (auto value = Integer(*settings, path, key, 1, 1'000'000)) return static_cast<int>(*value);
      return std::nullopt;
    };
    ind.disclosure.min_count = get("min_aantal");
    ind.disclosure.min_denominator = get("min_noemer");
    ind.disclosure.min_respondents = get("min_respondenten");
    ind.disclosure.round_wijk_to = get("afronden_wijk");
    if (const toml::node* node = settings->get("fijnste_periode_wijk")) {
      const std::optional<std::string> name = node->value<std::string>();
      ind.disclosure.wijk_period_months = name ? PeriodMonthsOf(*name) : std::nullopt;
      if (!ind.disclosure.wijk_period_months) {
        Problem(*node, msg::CatalogNotOneOf(path + ".fijnste_periode_wijk", name.value_or("?"), kPeriodGrainNames));
      }
    }
  }

  void TargetOf(const toml::table& table, Indicator& ind) {
    const toml::table* target = Table(table, "", "doel_2030");
    if (target == nullptr) return;
    CheckKeys(*target, "doel_2030", {"waarde", "voorbeeld", "toelichting"});
    Target out;
    const toml::node* value = Required(*target, "doel_2030", "waarde");
    if (value != nullptr) {
      if (auto number = Number(*target, "doel_2030", "waarde")) out.value = *number;
    }
    const toml::node* example = Required(*target, "doel_2030", "voorbeeld");
    if (example != nullptr) {
      if (auto flag = Boolean(*target, "doel_2030", "voorbeeld")) out.example = *flag;
    }
    out.note = Text(*target, "doel_2030", "toelichting", false).value_or("");
    ind.target_2030 = out;
  }

  // ID_kloof_inkomen: the highest minus the lowest income quintile of a survey indicator.
  static std::optional<Indicator> IncomeGapOf(const Indicator& base) {
    if (base.kind != IndicatorKind::kSurvey || !base.survey || !base.survey->income_gap) return std::nullopt;
    Indicator gap = base;
    gap.id = base.id + "_kloof_inkomen";
    gap.kind = IndicatorKind::kSurveyIncomeGap;
    gap.title = msg::IncomeGapTitle(base.title);
    gap.definition = msg::IncomeGapDefinition();
    gap.unit = msg::IncomeGapUnit();
    gap.direction = Direction::kCloserToZeroIsBetter;
    gap.breakdowns.clear();
    gap.target_2030.reset();
    gap.signalable = false;
    return gap;
  }

  std::string file_;
  std::vector<CatalogProblem>& problems_;
  size_t entry_problems_from_ = 0;  // problems_.size() when the current entry began
};

void CheckUniqueIds(const Catalog& catalog, std::vector<CatalogProblem>& problems) {
  std::map<std::string, const Indicator*> seen;
  for (const Indicator& ind : catalog.indicators) {
    auto [it, inserted] = seen.emplace(ind.id, &ind);
    if (!inserted) {
      problems.push_back({ind.file, ind.line, 0, msg::CatalogDuplicateId(ind.id, it->second->file, it->second->line)});
    }
  }
}

}  // namespace

std::string CatalogProblem::ToString() const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line);
  if (line > 0 && column > 0) out += ":" + std::to_string(column);
  return out + ": " + message;
}

CatalogCheck CheckCatalogText(std::string_view text, const std::string& file) {
  CatalogCheck check;
  check.files.push_back(file);
  FileReader(file, check.problems).Read(text, check.catalog);
  CheckUniqueIds(check.catalog, check.problems);
  return check;
}

CatalogCheck CheckCatalogDir(const std::filesystem::path& dir) {
  CatalogCheck check;
  std::error_code error;
  if (!std::filesystem::is_directory(dir, error)) {
    check.problems.push_back({dir.string(), 0, 0, msg::CatalogNoFolder()});
    return check;
  }
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    if (entry.is_regular_file() && entry.path().extension() == ".toml") check.files.push_back(entry.path().string());
  }
  std::sort(check.files.begin(), check.files.end());
  if (check.files.empty()) check.problems.push_back({dir.string(), 0, 0, msg::CatalogNoFiles()});
  for (const std::string& file : check.files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) {
      check.problems.push_back({file, 0, 0, msg::CatalogCannotRead()});
      continue;
    }
    FileReader(file, check.problems).Read(text.str(), check.catalog);
  }
  CheckUniqueIds(check.catalog, check.problems);
  return check;
}

Result<Catalog> LoadCatalog(const std::filesystem::path& dir) {
  CatalogCheck check = CheckCatalogDir(dir);
  if (check.ok()) return std::move(check.catalog);
  std::string message = msg::CatalogHasProblems(check.problems.size());
  const size_t shown = std::min<size_t>(check.problems.size(), 20);
  for (size_t i = 0; i < shown; ++i) message += "\n  " + check.problems[i].ToString();
  if (shown < check.problems.size()) message += "\n  " + msg::AndMore(check.problems.size() - shown);
  return DataError(message);
}

}  // namespace sz::indicators
