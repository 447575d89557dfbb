// The primary rules of disclosure control: which single cells may not be shown as they are, after the
// Dutch conventions (DOMAIN.md §7; defaults of config/openbaarmaking.toml, docs/disclosure.md):
// counts of 1..min_count-1 persons or registrations are suppressed; counts at wijk level are rounded
// to a multiple of round_wijk_to; a rate or percentage is suppressed when its numerator is
// 1..min_count-1 or its denominator is below min_denominator; a survey estimate with fewer than
// min_respondents respondents is suppressed. A zero is shown: it discloses no person.
//
//   PrimaryDecision d = RateDecision(7, 1200, /*wijk=*/true, rules);
//   d.treatment == Treatment::kSuppress; d.reason == "teller kleiner dan 10 …"
//
// The reasons are Dutch, for the export's `reden` column. Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace sz::disclosure {

struct PrimaryRules {
  int min_count = 10;           // counts 1..min_count-1 are not shown
  int min_denominator = 50;     // a rate with a smaller denominator is not shown
  int min_respondents = 50;     // a survey estimate with fewer respondents is not shown
  int round_wijk_to = 5;        // wijk counts rounded to a multiple of this (1: not rounded)
  int wijk_period_months = 12;  // the shortest period published at wijk level (1, 3 or 12 months)
  double min_width = 10;        // the audit: every suppressed cell's interval at least this wide
  bool operator==(const PrimaryRules&) const = default;
};

enum class Treatment { kShow, kRound, kSuppress };

struct PrimaryDecision {
  Treatment treatment = Treatment::kShow;
  std::string reason;  // Dutch; empty for kShow
};

// A count of persons or registrations.
PrimaryDecision CountDecision(std::optional<double> count, bool wijk, const PrimaryRules& rules);
// A rate or percentage with its numerator (a count) and denominator. A missing numerator or
// denominator: nothing to show, suppressed with that reason.
PrimaryDecision RateDecision(std::optional<double> numerator, std::optional<double> denominator, bool wijk,
                             const PrimaryRules& rules);
// A design-based survey estimate with its unweighted number of respondents.
PrimaryDecision SurveyDecision(std::optional<int64_t> respondents, const PrimaryRules& rules);

}  // namespace sz::disclosure
