#include "pipeline/internal/publication_table.h"

#include <algorithm>
#include <cmath>
#include <map>
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
  // The quantity (a group of indicators counting the same) of a CountSpec.
  int QuantityOf(const indicators::CountSpec& spec, const PrimaryRules& rules) {
    for (size_t q = 0; q < specs_.size(); ++q) {
      if (specs_[q] == spec) {
        Tighten(rules_[q], rules);
        return static_cast<int>(q);
      }
    }
    specs_.push_back(spec);
    rules_.push_back(rules);
    return static_cast<int>(specs_.size()) - 1;
  }

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
  std::vector<indicators::CountSpec> specs_;
  std::vector<PrimaryRules> rules_;
  std::vector<CellKey> keys_;
  std::map<std::string, int> index_;
  disclosure::LinearTable table_;
};

// Weeks are not published; at wijk level, no period shorter than the rules allow.
bool Published(const store::IndicatorCell& cell, const PrimaryRules& rules) {
  const PeriodForm form = FormOf(cell.period);
  if (form == PeriodForm::kWeek) return false;
  if (cell.level != RegionLevel::kWijk) return true;
  if (form == PeriodForm::kMonth) return rules.wijk_period_months <= 1;
  if (form == PeriodForm::kQuarter) return rules.wijk_period_months <= 3;
  return true;
}

bool PublicDenominator(const indicators::Indicator& indicator) {
  return indicator.denominator && indicator.denominator->sources.size() == 1 &&
         indicator.denominator->sources[0] == "bevolking";
}

}  // namespace

std::vector<store::PublishedCell> PublishSurveyEstimates(const std::vector<store::IndicatorCell>& cells,
                                                         const disclosure::PrimaryRules& rules) {
  std::vector<store::PublishedCell> out;
  for (const store::IndicatorCell& cell : cells) {
    if (!Published(cell, rules)) continue;
    store::PublishedCell pub;
    pub.indicator = cell.indicator;
    pub.level = cell.level;
    pub.region = cell.region;
    pub.period = cell.period;
    pub.breakdown = cell.breakdown;
    const disclosure::PrimaryDecision d = disclosure::SurveyDecision(cell.respondents, rules);
    if (d.treatment == Treatment::kSuppress || !cell.value) {
      pub.status = store::CellStatus::kSuppressedPrimary;
      pub.reason = d.treatment == Treatment::kSuppress ? d.reason : disclosure::msg::NoValue();
    } else {
      pub.status = store::CellStatus::kPublished;
      pub.value = cell.value;
      pub.lower = cell.lower;
      pub.upper = cell.upper;
      pub.respondents = cell.respondents;
    }
    out.push_back(std::move(pub));
  }
  return out;
}

Result<RatePublication> PublishRates(const std::vector<RateInput>& inputs, double min_width) {
  QuantityTable quantities;
  struct Placed {
    size_t input, cell;
    int numerator = -1, denominator = -1;  // LP cells; -1: none (missing, or the public population)
  };
  std::vector<Placed> placed;
  for (size_t i = 0; i < inputs.size(); ++i) {
    const indicators::Indicator& indicator = *inputs[i].indicator;
    const int numerator_quantity =
        indicator.numerator ? quantities.QuantityOf(*indicator.numerator, inputs[i].rules) : -1;
    const int denominator_quantity = indicator.denominator && !PublicDenominator(indicator)
                                         ? quantities.QuantityOf(*indicator.denominator, inputs[i].rules)
                                         : -1;
    for (size_t c = 0; c < inputs[i].cells.size(); ++c) {
      const store::IndicatorCell& cell = inputs[i].cells[c];
      if (!Published(cell, inputs[i].rules)) continue;
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
  ASSIGN_OR_RETURN(disclosure::Protection protection,
                   disclosure::ProtectTable(table, published, primary, cost, min_width));
  out.lp_cells = static_cast<int64_t>(n);
  out.solves = protection.solves;
  out.rounds = protection.rounds;
  out.information_loss = protection.information_loss;

  for (const Placed& p : placed) {
    const RateInput& input = inputs[p.input];
    const store::IndicatorCell& cell = input.cells[p.cell];
    const bool wijk = cell.level == RegionLevel::kWijk;
    store::PublishedCell pub;
    pub.indicator = cell.indicator;
    pub.level = cell.level;
    pub.region = cell.region;
    pub.period = cell.period;
    pub.breakdown = cell.breakdown;
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
      pub.denominator = p.denominator >= 0 ? disclosure::RoundCount(*cell.denominator, base) : *cell.denominator;
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
