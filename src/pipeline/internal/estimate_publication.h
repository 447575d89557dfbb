// Disclosure control for the cells that are estimates rather than ratios of counts (issue 15,
// docs/disclosure.md): survey estimates, medians of durations, and the desks' delivery figures.
// Each is published with its value (and interval) or suppressed by a primary rule; the counts behind
// it are never shown, so nothing adds up across cells and no secondary suppression is needed.
//
//   std::vector<store::PublishedCell> cells = PublishSurveyEstimates(computed, rules);
//
// - Survey estimates (`enquete`, `enquete_kloof_inkomen`): suppressed with fewer than min_respondents
//   respondents; shown with value, interval and number of respondents, but not the weighted numerator
//   and denominator: those add up over wijken (the same design weights), so a hidden wijk's estimate
//   would be the gemeente's weighted sums minus the other wijken's.
// - Medians (`duur`, and linked indicators that are no ratio of counts): a Kaplan–Meier median is
//   one registration's duration, so it is suppressed when fewer than min_count registrations ended
//   (the numerator); shown with its value only.
// - Deliveries (`levering`): about the desks' data, not about people; the value is shown, the counts
//   of registrations behind it are not.
// The periods of PublishRates hold for all (IsPublishedPeriod). Thread safety: pure functions.
#pragma once

#include <vector>

#include "disclosure/rules.h"
#include "store/indicator_values.h"
#include "store/publications.h"

namespace sz::pipeline::internal {

std::vector<store::PublishedCell> PublishSurveyEstimates(const std::vector<store::IndicatorCell>& cells,
                                                         const disclosure::PrimaryRules& rules);
std::vector<store::PublishedCell> PublishMedians(const std::vector<store::IndicatorCell>& cells,
                                                 const disclosure::PrimaryRules& rules);
std::vector<store::PublishedCell> PublishDeliveries(const std::vector<store::IndicatorCell>& cells,
                                                    const disclosure::PrimaryRules& rules);

}  // namespace sz::pipeline::internal
