#include "disclosure/rules.h"

#include "disclosure/messages.h"

namespace sz::disclosure {
namespace {

bool SmallCount(double count, const PrimaryRules& rules) { return count > 0 && count < rules.min_count; }

}  // namespace

PrimaryDecision CountDecision(std::optional<double> count, bool wijk, const PrimaryRules& rules) {
  if (!count) return {Treatment::kSuppress, msg::NoValue()};
  if (SmallCount(*count, rules)) return {Treatment::kSuppress, msg::SmallCount(rules.min_count)};
  if (wijk && rules.round_wijk_to > 1) return {Treatment::kRound, msg::RoundedWijk(rules.round_wijk_to)};
  return {};
}

PrimaryDecision RateDecision(std::optional<double> numerator, std::optional<double> denominator, bool wijk,
                             const PrimaryRules& rules) {
  if (!numerator || !denominator) return {Treatment::kSuppress, msg::NoValue()};
  if (SmallCount(*numerator, rules)) return {Treatment::kSuppress, msg::SmallNumerator(rules.min_count)};
  if (*denominator < rules.min_denominator) {
    return {Treatment::kSuppress, msg::SmallDenominator(rules.min_denominator)};
  }
  if (wijk && rules.round_wijk_to > 1) return {Treatment::kRound, msg::RoundedWijk(rules.round_wijk_to)};
  return {};
}

PrimaryDecision SurveyDecision(std::optional<int64_t> respondents, const PrimaryRules& rules) {
  if (!respondents || *respondents < rules.min_respondents) {
    return {Treatment::kSuppress, msg::FewRespondents(rules.min_respondents)};
  }
  return {};
}

}  // namespace sz::disclosure
