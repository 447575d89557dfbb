#include "pipeline/internal/estimate_publication.h"

#include <utility>

#include "disclosure/messages.h"
#include "pipeline/internal/publication_table.h"

namespace sz::pipeline::internal {
namespace {

using disclosure::Treatment;

// Every published period's cell, suppressed with the reason `hide` gives (empty: shown), and when
// shown with its value and interval (and respondents when `respondents`).
template <typename Hide>
std::vector<store::PublishedCell> PublishValues(const std::vector<store::IndicatorCell>& cells,
                                                const disclosure::PrimaryRules& rules, bool respondents, Hide hide) {
  std::vector<store::PublishedCell> out;
  for (const store::IndicatorCell& cell : cells) {
    if (!IsPublishedPeriod(cell, rules)) continue;
    store::PublishedCell pub = PublishedAt(cell);
    std::string reason = hide(cell);
    if (reason.empty() && !cell.value) reason = disclosure::msg::NoValue();
    if (!reason.empty()) {
      pub.status = store::CellStatus::kSuppressedPrimary;
      pub.reason = std::move(reason);
    } else {
      pub.status = store::CellStatus::kPublished;
      pub.value = cell.value;
      pub.lower = cell.lower;
      pub.upper = cell.upper;
      if (respondents) pub.respondents = cell.respondents;
    }
    out.push_back(std::move(pub));
  }
  return out;
}

}  // namespace

std::vector<store::PublishedCell> PublishSurveyEstimates(const std::vector<store::IndicatorCell>& cells,
                                                         const disclosure::PrimaryRules& rules) {
  return PublishValues(cells, rules, true, [&](const store::IndicatorCell& cell) {
    const disclosure::PrimaryDecision d = disclosure::SurveyDecision(cell.respondents, rules);
    return d.treatment == Treatment::kSuppress ? d.reason : std::string();
  });
}

std::vector<store::PublishedCell> PublishMedians(const std::vector<store::IndicatorCell>& cells,
                                                 const disclosure::PrimaryRules& rules) {
  return PublishValues(cells, rules, false, [&](const store::IndicatorCell& cell) {
    if (!cell.numerator || *cell.numerator < rules.min_count) return disclosure::msg::FewEnded(rules.min_count);
    return std::string();
  });
}

std::vector<store::PublishedCell> PublishDeliveries(const std::vector<store::IndicatorCell>& cells,
                                                    const disclosure::PrimaryRules& rules) {
  return PublishValues(cells, rules, false, [](const store::IndicatorCell&) { return std::string(); });
}

}  // namespace sz::pipeline::internal
