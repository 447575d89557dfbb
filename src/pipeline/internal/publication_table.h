// Disclosure control for the rates (`verhouding`), the linked ratios and the survey estimates
// (issue 15, docs/disclosure.md): their computed cells turned into published cells, so that no count
// hidden by a primary rule can be worked out from what is published, across regions (wijken →
// gemeente → Twente), periods (months → quarter, quarters or months → year), breakdown categories
// (categories → totaal), and across indicators that share a numerator or denominator.
//
//   ASSIGN_OR_RETURN(RatePublication p, PublishRates({{&indicator, rules, cells}}, /*min_width=*/10));
//   p.cells  // one PublishedCell per computed cell that is published (weeks are not: see below)
//
// How: every numerator, and every denominator that is not the public population (`bevolking`), is a
// quantity; one LP cell (disclosure/table.h) per quantity × (level, region, period, breakdown).
// Indicators whose numerator (or denominator) CountSpec is the same share one quantity, and so do
// counts equal on (at least 90% of the smaller's) cells they share, so a count hidden in one is
// hidden in all. Relations are proposed from the hierarchies, and from numerators that split a
// shared denominator (VT meldingen = hermelding + vervolgmelding + nieuw), and kept only where they
// hold on the computed values (a count of distinct persons over a year is not the sum of its
// months); a relation that does not hold exactly is not one an outsider can use as an equation.
// Primary rules (disclosure/rules.h): a count of 1..min_count-1 is suppressed; a rate whose numerator
// is 1..min_count-1 or whose denominator is below min_denominator is suppressed; wijk counts are
// published rounded to round_wijk_to (the population denominator too), the rate computed from the
// rounded counts (interval left empty); the numerator of a rate hidden by its own rule is a hidden
// count too (unless it is 0). Secondary suppression by ProtectTable with cost (value + 1) × level
// weight (wijk 1, gemeente 4, Twente 16) × period weight (month 1, quarter 2, year 4) × breakdown
// weight (category 1, totaal 2): small, detailed cells go first. A rate cell is suppressed when its own rule says so or
// any of its counts is suppressed (primary before secondary in its status).
//
// Weekly cells are not published: weeks cut across months and years, and they serve the signals,
// which stay with the analysts (issue 14). Nor are wijk cells of a period shorter than the rules'
// wijk_period_months (fijnste_periode_wijk, by default the year, as CBS publishes wijken): a wijk's
// month holds a handful of registrations, so it would be almost all suppressed. Thread safety: pure
// function.
#pragma once

#include <cstdint>
#include <vector>

#include "core/status.h"
#include "disclosure/protect.h"
#include "disclosure/rules.h"
#include "indicators/catalog.h"
#include "store/indicator_values.h"
#include "store/publications.h"

namespace sz::pipeline::internal {

struct RateInput {
  const indicators::Indicator* indicator = nullptr;  // kind kRate, or kLinked when IsRatioOfCounts
  disclosure::PrimaryRules rules;
  std::vector<store::IndicatorCell> cells;  // its computed cells
};

struct RatePublication {
  std::vector<store::PublishedCell> cells;
  int64_t lp_cells = 0;      // cells of the linear table audited
  int64_t relations = 0;     // relations kept (that hold on the data)
  int64_t not_additive = 0;  // relations proposed but not holding on the data
  int64_t solves = 0;        // linear programs solved by the audit
  int rounds = 0;
  double information_loss = 0;
  int parts = 0, parts_reused = 0;  // parts of the table protected, and taken from `previous`
  disclosure::ProtectionMemo memo;  // for the next publication
};

// `previous`: the memo of the previous publication (disclosure/protect.h), so that parts of the table
// that did not change are not audited again; nullptr protects everything afresh (the same result).
Result<RatePublication> PublishRates(const std::vector<RateInput>& inputs, double min_width,
                                     const disclosure::ProtectionMemo* previous = nullptr);

// Whether an indicator's cells are a ratio of two counts (value = numerator / denominator × factor
// wherever there is a value), so that PublishRates can protect them: true of the verhouding kind and
// of most linked indicators; false of a median, whose cells carry other numbers.
bool IsRatioOfCounts(const indicators::Indicator& indicator, const std::vector<store::IndicatorCell>& cells);

// A published cell at the computed cell's key (indicator, level, region, period, breakdown), status
// and numbers still to be set.
store::PublishedCell PublishedAt(const store::IndicatorCell& cell);

// Whether a cell's period is published: weeks are not; at wijk level, no period shorter than the
// rules' wijk_period_months.
bool IsPublishedPeriod(const store::IndicatorCell& cell, const disclosure::PrimaryRules& rules);

}  // namespace sz::pipeline::internal
