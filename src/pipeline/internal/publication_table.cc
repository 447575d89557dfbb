#include "pipeline/internal/publication_table.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>
#include <string>

#include "disclosure/messages.h"
#include "disclosure/protect.h"
#include "disclosure/table.h"

namespace sz::pipeline::internal {
namespace {

using disclosure::Knowledge;
using disclosure::PrimaryRules;
using disclosure::Treatment;

enum class PeriodForm { kYear, kQuarter, kMonth, kWeek, kOther };

PeriodForm FormOf(const std::string& period) {
  if (period.size() == 4) return PeriodForm::kYear;
  if (period.find("-W") != std::string::npos) return PeriodForm::kWeek;
  if (period.find("-Q") != std::string::npos) return PeriodForm::kQuarter;
  if (period.size() == 7 && period[4] == '-') return PeriodForm::kMonth;
  return PeriodForm::kOther;
}

// A quantity's rules: the strictest of the indicators that share it.
void Tighten(PrimaryRules& into, const PrimaryRules& rules) {
  into.min_count = std::max(into.min_count, rules.min_count);
  into.round_wijk_to = std::max(into.round_wijk_to, rules.round_wijk_to);
}

// The linear table of every quantity's cells, built cell by cell.
class QuantityTable {
 public:
  // A new quantity with the rules of its indicators (the strictest of them).
  int AddQuantity(const PrimaryRules& rules) {
    rules_.push_back(rules);
    return static_cast<int>(rules_.size()) - 1;
  }
  void TightenRules(int quantity, const PrimaryRules& rules) { Tighten(rules_[static_cast<size_t>(quantity)], rules); }

  // The LP cell of a quantity at a key; the first indicator that gives it sets its value.
  int CellOf(int quantity, const store::IndicatorCell& cell, double value) {
    const std::string key = Key(quantity, cell.level, cell.region, cell.period, cell.breakdown);
    auto [it, added] = index_.emplace(key, static_cast<int>(keys_.size()));
    if (added) {
      keys_.push_back({quantity, cell.level, cell.region, cell.period, cell.breakdown});
      table_.AddCell(value);
    }
    return it->second;
  }

  // Proposes the hierarchies' relations and keeps those that hold on the values.
  void AddRelations(int64_t& kept, int64_t& not_additive) {
    std::string regio;
    for (const CellKey& key : keys_) {
      if (key.level == RegionLevel::kRegio) {
        if (!regio.empty() && regio != key.region) regio = "\x1f";  // several regios: no gemeente → regio
        if (regio.empty()) regio = key.region;
      }
    }
    std::map<std::string, std::vector<int>> parts_of;  // the total's key + dimension → parts
    for (size_t c = 0; c < keys_.size(); ++c) {
      const CellKey& k = keys_[c];
      const int cell = static_cast<int>(c);
      if (k.level == RegionLevel::kWijk) {
        parts_of[Key(k.quantity, RegionLevel::kGemeente, ImpliedParentCode(k.region), k.period, k.breakdown) + "#r"]
            .push_back(cell);
      } else if (k.level == RegionLevel::kGemeente && !regio.empty() && regio != "\x1f") {
        parts_of[Key(k.quantity, RegionLevel::kRegio, regio, k.period, k.breakdown) + "#r"].push_back(cell);
      }
      const PeriodForm form = FormOf(k.period);
      if (form == PeriodForm::kMonth) {
        const int month = (k.period[5] - '0') * 10 + (k.period[6] - '0');
        const std::string quarter = k.period.substr(0, 4) + "-Q" + std::to_string((month - 1) / 3 + 1);
        parts_of[Key(k.quantity, k.level, k.region, quarter, k.breakdown) + "#m"].push_back(cell);
        parts_of[Key(k.quantity, k.level, k.region, k.period.substr(0, 4), k.breakdown) + "#m"].push_back(cell);
      } else if (form == PeriodForm::kQuarter) {
        parts_of[Key(k.quantity, k.level, k.region, k.period.substr(0, 4), k.breakdown) + "#q"].push_back(cell);
      }
      const size_t equals = k.breakdown.find('=');
      if (equals != std::string::npos && k.breakdown.find('&') == std::string::npos) {
        parts_of[Key(k.quantity, k.level, k.region, k.period, "totaal") + "#b" + k.breakdown.substr(0, equals)]
            .push_back(cell);
      }
    }
    for (auto& [bucket, parts] : parts_of) {
      auto total = index_.find(bucket.substr(0, bucket.rfind('#')));
      if (total == index_.end()) continue;
      double sum = 0;
      for (int part : parts) sum += table_.value(part);
      if (std::fabs(sum - table_.value(total->second)) > 1e-9) {
        ++not_additive;
        continue;
      }
      table_.AddRelation(total->second, parts);
      ++kept;
    }
  }

  // Indicators sharing a denominator whose numerators split it (Veilig Thuis's meldingen into
  // hermelding, vervolgmelding and nieuw): denominator = sum of the numerators, per cell key, kept
  // where it holds on the values.
  void AddPartition(int denominator, const std::vector<int>& numerators, int64_t& kept, int64_t& not_additive) {
    if (numerators.size() < 2) return;
    for (size_t c = 0; c < keys_.size(); ++c) {
      const CellKey& k = keys_[c];
      if (k.quantity != denominator) continue;
      std::vector<int> parts;
      double sum = 0;
      for (int numerator : numerators) {
        auto part = index_.find(Key(numerator, k.level, k.region, k.period, k.breakdown));
        if (part == index_.end()) continue;
        parts.push_back(part->second);
        sum += table_.value(part->second);
      }
      if (parts.empty()) continue;
      if (std::fabs(sum - table_.value(static_cast<int>(c))) > 1e-9) {
        ++not_additive;
        continue;
      }
      table_.AddRelation(static_cast<int>(c), parts);
      ++kept;
    }
  }

  const disclosure::LinearTable& table() const { return table_; }
  bool wijk(int cell) const { return keys_[static_cast<size_t>(cell)].level == RegionLevel::kWijk; }
  const PrimaryRules& rules(int cell) const {
    return rules_[static_cast<size_t>(keys_[static_cast<size_t>(cell)].quantity)];
  }

  // (value + 1) × the weights of its level, period and breakdown.
  double Cost(int cell) const {
    const CellKey& k = keys_[static_cast<size_t>(cell)];
    double weight = k.level == RegionLevel::kWijk ? 1 : k.level == RegionLevel::kGemeente ? 4 : 16;
    const PeriodForm form = FormOf(k.period);
    weight *= form == PeriodForm::kYear ? 4 : form == PeriodForm::kQuarter ? 2 : 1;
    weight *= k.breakdown == "totaal" ? 2 : 1;
    return (table_.value(cell) + 1) * weight;
  }

 private:
  struct CellKey {
    int quantity;
    RegionLevel level;
    std::string region, period, breakdown;
  };
  static std::string Key(int quantity, RegionLevel level, const std::string& region, const std::string& period,
                         const std::string& breakdown) {
    return std::to_string(quantity) + '\x1f' + std::to_string(static_cast<int>(level)) + '\x1f' + region + '\x1f' +
           period + '\x1f' + breakdown;
  }
  std::vector<PrimaryRules> rules_;
  std::vector<CellKey> keys_;
  std::map<std::string, int> index_;
  disclosure::LinearTable table_;
};

bool PublicDenominator(const indicators::Indicator& indicator) {
  return indicator.denominator && indicator.denominator->sources.size() == 1 &&
         indicator.denominator->sources[0] == "bevolking";
}

}  // namespace

bool IsRatioOfCounts(const indicators::Indicator& indicator, const std::vector<store::IndicatorCell>& cells) {
  for (const store::IndicatorCell& cell : cells) {
    if (!cell.value) continue;
    if (!cell.numerator || !cell.denominator || *cell.denominator <= 0) return false;
    const double ratio = *cell.numerator / *cell.denominator * indicator.factor;
    if (std::fabs(ratio - *cell.value) > 1e-9 * std::max(1.0, std::fabs(*cell.value))) return false;
  }
  return true;
}

store::PublishedCell PublishedAt(const store::IndicatorCell& cell) {
  return {.indicator = cell.indicator,
          .level = cell.level,
          .region = cell.region,
          .period = cell.period,
          .breakdown = cell.breakdown};
}

bool IsPublishedPeriod(const store::IndicatorCell& cell, const PrimaryRules& rules) {
  const PeriodForm form = FormOf(cell.period);
  if (form == PeriodForm::kWeek) return false;
  if (cell.level != RegionLevel::kWijk) return true;
  if (form == PeriodForm::kMonth) return rules.wijk_period_months <= 1;
  if (form == PeriodForm::kQuarter) return rules.wijk_period_months <= 3;
  return true;
}

Result<RatePublication> PublishRates(const std::vector<RateInput>& inputs, double min_width,
                                     const disclosure::ProtectionMemo* previous) {
  // The counts before merging: a CountSpec (shared by the indicators counting the same) or, for a
  // linked indicator, its own numerator or denominator; each with its values per cell key.
  struct Count {
    std::optional<indicators::CountSpec> spec;
    PrimaryRules rules;
    std::map<std::string, double> values;
  };
  std::vector<Count> counts;
  auto count_of = [&](const std::optional<indicators::CountSpec>& spec, const PrimaryRules& rules) {
    if (spec) {
      for (size_t q = 0; q < counts.size(); ++q) {
        if (counts[q].spec == spec) {
          Tighten(counts[q].rules, rules);
          return static_cast<int>(q);
        }
      }
    }
    counts.push_back({spec, rules, {}});
    return static_cast<int>(counts.size()) - 1;
  };
  auto key_of = [](const store::IndicatorCell& cell) {
    return std::to_string(static_cast<int>(cell.level)) + '\x1f' + cell.region + '\x1f' + cell.period + '\x1f' +
           cell.breakdown;
  };
  std::vector<int> numerator_count(inputs.size(), -1), denominator_count(inputs.size(), -1);
  for (size_t i = 0; i < inputs.size(); ++i) {
    const indicators::Indicator& indicator = *inputs[i].indicator;
    bool numerators = false, denominators = false;
    for (const store::IndicatorCell& cell : inputs[i].cells) {
      numerators |= cell.numerator.has_value();
      denominators |= cell.denominator.has_value();
    }
    if (numerators) numerator_count[i] = count_of(indicator.numerator, inputs[i].rules);
    if (denominators && !PublicDenominator(indicator)) {
      denominator_count[i] = count_of(indicator.denominator, inputs[i].rules);
    }
    for (const store::IndicatorCell& cell : inputs[i].cells) {
      if (!IsPublishedPeriod(cell, inputs[i].rules)) continue;
      if (numerator_count[i] >= 0 && cell.numerator)
        counts[static_cast<size_t>(numerator_count[i])].values.emplace(key_of(cell), *cell.numerator);
      if (denominator_count[i] >= 0 && cell.denominator)
        counts[static_cast<size_t>(denominator_count[i])].values.emplace(key_of(cell), *cell.denominator);
    }
  }
  // Counts equal wherever both have a cell (nearly all of the smaller's cells) are taken to be the
  // same count: an outsider sees them equal too, and one LP cell hides both alike.
  std::vector<int> same(counts.size());
  std::iota(same.begin(), same.end(), 0);
  for (size_t a = 0; a < counts.size(); ++a) {
    for (size_t b = a + 1; b < counts.size(); ++b) {
      if (same[b] != static_cast<int>(b)) continue;
      const auto& small = counts[a].values.size() <= counts[b].values.size() ? counts[a].values : counts[b].values;
      const auto& large = &small == &counts[a].values ? counts[b].values : counts[a].values;
      size_t common = 0;
      bool equal = !small.empty();
      for (const auto& [key, value] : small) {
        auto other = large.find(key);
        if (other == large.end()) continue;
        ++common;
        if (std::fabs(other->second - value) > 1e-9) {
          equal = false;
          break;
        }
      }
      if (equal && common * 10 >= small.size() * 9) same[b] = same[a];
    }
  }
  QuantityTable quantities;
  std::vector<int> quantity_of(counts.size(), -1);
  for (size_t q = 0; q < counts.size(); ++q) {
    const size_t root = static_cast<size_t>(same[q]);
    if (quantity_of[root] < 0) quantity_of[root] = quantities.AddQuantity(counts[root].rules);
    quantity_of[q] = quantity_of[root];
    quantities.TightenRules(quantity_of[q], counts[q].rules);
  }

  struct Placed {
    size_t input, cell;
    int numerator = -1, denominator = -1;  // LP cells; -1: none (missing, or the public population)
  };
  std::vector<Placed> placed;
  std::map<int, std::vector<int>> numerators_of;  // denominator quantity → the numerator quantities over it
  for (size_t i = 0; i < inputs.size(); ++i) {
    const int numerator_quantity = numerator_count[i] < 0 ? -1 : quantity_of[static_cast<size_t>(numerator_count[i])];
    const int denominator_quantity =
        denominator_count[i] < 0 ? -1 : quantity_of[static_cast<size_t>(denominator_count[i])];
    if (numerator_quantity >= 0 && denominator_quantity >= 0) {
      std::vector<int>& over = numerators_of[denominator_quantity];
      if (std::find(over.begin(), over.end(), numerator_quantity) == over.end()) over.push_back(numerator_quantity);
    }
    for (size_t c = 0; c < inputs[i].cells.size(); ++c) {
      const store::IndicatorCell& cell = inputs[i].cells[c];
      if (!IsPublishedPeriod(cell, inputs[i].rules)) continue;
      Placed p{i, c};
      if (numerator_quantity >= 0 && cell.numerator)
        p.numerator = quantities.CellOf(numerator_quantity, cell, *cell.numerator);
      if (denominator_quantity >= 0 && cell.denominator)
        p.denominator = quantities.CellOf(denominator_quantity, cell, *cell.denominator);
      placed.push_back(p);
    }
  }
  RatePublication out;
  quantities.AddRelations(out.relations, out.not_additive);
  for (const auto& [denominator, numerators] : numerators_of) {
    quantities.AddPartition(denominator, numerators, out.relations, out.not_additive);
  }

  const disclosure::LinearTable& table = quantities.table();
  const size_t n = static_cast<size_t>(table.size());
  std::vector<Knowledge> published(n);
  std::vector<bool> primary(n, false);
  std::vector<double> cost(n);
  std::vector<std::string> reason(n);
  for (size_t c = 0; c < n; ++c) {
    const int cell = static_cast<int>(c);
    const disclosure::PrimaryDecision d =
        disclosure::CountDecision(table.value(cell), quantities.wijk(cell), quantities.rules(cell));
    primary[c] = d.treatment == Treatment::kSuppress;
    reason[c] = d.reason;
    published[c] =
        d.treatment == Treatment::kRound
            ? disclosure::Rounded(disclosure::RoundCount(table.value(cell), quantities.rules(cell).round_wijk_to),
                                  quantities.rules(cell).round_wijk_to)
            : disclosure::Exact(table.value(cell));
    cost[c] = quantities.Cost(cell);
  }
  // A rate hidden by its own rule (a denominator below min_noemer) must not be worked out either:
  // its numerator is hidden with it, and protected like any hidden count. (A numerator of 0 is not:
  // a zero discloses no one, and the table may force it to 0 whatever is hidden.)
  for (const Placed& p : placed) {
    const store::IndicatorCell& cell = inputs[p.input].cells[p.cell];
    if (p.numerator < 0 || primary[static_cast<size_t>(p.numerator)] || table.value(p.numerator) == 0) continue;
    const disclosure::PrimaryDecision own = disclosure::RateDecision(
        cell.numerator, cell.denominator, cell.level == RegionLevel::kWijk, inputs[p.input].rules);
    if (own.treatment != Treatment::kSuppress) continue;
    primary[static_cast<size_t>(p.numerator)] = true;
    reason[static_cast<size_t>(p.numerator)] = disclosure::msg::HiddenWithRate(own.reason);
  }
  ASSIGN_OR_RETURN(disclosure::Protection protection,
                   disclosure::ProtectTable(table, published, primary, cost, min_width, previous));
  out.lp_cells = static_cast<int64_t>(n);
  out.parts = protection.parts;
  out.parts_reused = protection.parts_reused;
  out.memo = std::move(protection.memo);
  out.solves = protection.solves;
  out.rounds = protection.rounds;
  out.information_loss = protection.information_loss;

  for (const Placed& p : placed) {
    const RateInput& input = inputs[p.input];
    const store::IndicatorCell& cell = input.cells[p.cell];
    const bool wijk = cell.level == RegionLevel::kWijk;
    store::PublishedCell pub = PublishedAt(cell);
    const disclosure::PrimaryDecision own =
        disclosure::RateDecision(cell.numerator, cell.denominator, wijk, input.rules);
    auto is = [&](int lp, const std::vector<bool>& flags) { return lp >= 0 && flags[static_cast<size_t>(lp)]; };
    if (own.treatment == Treatment::kSuppress) {
      pub.status = store::CellStatus::kSuppressedPrimary;
      pub.reason = own.reason;
    } else if (is(p.numerator, primary) || is(p.denominator, primary)) {
      pub.status = store::CellStatus::kSuppressedPrimary;
      pub.reason = reason[static_cast<size_t>(is(p.numerator, primary) ? p.numerator : p.denominator)];
    } else if (is(p.numerator, protection.secondary) || is(p.denominator, protection.secondary)) {
      pub.status = store::CellStatus::kSuppressedSecondary;
      pub.reason = disclosure::msg::SecondarySuppression(min_width);
    } else if (own.treatment == Treatment::kRound) {
      const int base = input.rules.round_wijk_to;
      pub.status = store::CellStatus::kRounded;
      pub.reason = own.reason;
      pub.numerator = disclosure::RoundCount(*cell.numerator, base);
      // The population too: no unrounded count at wijk level (CBS rounds its wijk populations to 5).
      pub.denominator = disclosure::RoundCount(*cell.denominator, base);
      if (*pub.denominator > 0) pub.value = *pub.numerator / *pub.denominator * input.indicator->factor;
    } else {
      pub.status = store::CellStatus::kPublished;
      pub.numerator = cell.numerator;
      pub.denominator = cell.denominator;
      pub.value = cell.value;
      pub.lower = cell.lower;
      pub.upper = cell.upper;
    }
    out.cells.push_back(std::move(pub));
  }
  return out;
}

}  // namespace sz::pipeline::internal
