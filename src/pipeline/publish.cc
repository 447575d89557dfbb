#include "pipeline/publish.h"

#include <chrono>
#include <iterator>
#include <nlohmann/json.hpp>

#include "disclosure/rules.h"
#include "indicators/catalog.h"
#include "indicators/disclosure_file.h"
#include "pipeline/catalog.h"
#include "pipeline/internal/estimate_publication.h"
#include "pipeline/internal/publication_table.h"
#include "pipeline/messages.h"
#include "store/publications.h"

namespace sz::pipeline {
namespace {

disclosure::PrimaryRules RulesOf(const indicators::DisclosureSettings& settings, int min_width) {
  disclosure::PrimaryRules rules;
  rules.min_count = *settings.min_count;
  rules.min_denominator = *settings.min_denominator;
  rules.min_respondents = *settings.min_respondents;
  rules.round_wijk_to = *settings.round_wijk_to;
  rules.wijk_period_months = *settings.wijk_period_months;
  rules.min_width = min_width;
  return rules;
}

// The memo of the previous publication's protection (its details' "beschermde_delen"), when it has
// one that reads; otherwise empty (everything is protected afresh, with the same result).
disclosure::ProtectionMemo PreviousMemo(const std::optional<store::PublicationRun>& previous) {
  disclosure::ProtectionMemo memo;
  if (!previous || previous->details.empty()) return memo;
  try {
    const nlohmann::json details = nlohmann::json::parse(previous->details);
    if (!details.contains("beschermde_delen")) return memo;
    for (const auto& [fingerprint, positions] : details.at("beschermde_delen").items())
      memo.secondary[fingerprint] = positions.get<std::vector<int>>();
  } catch (const nlohmann::json::exception&) {
    memo.secondary.clear();
  }
  return memo;
}

}  // namespace

Result<PublishReport> PublishIndicators(Workspace& workspace, const PublishRequest& request) {
  const auto start = std::chrono::steady_clock::now();
  ASSIGN_OR_RETURN(indicators::Catalog catalog, LoadIndicatorCatalog(workspace));
  ASSIGN_OR_RETURN(indicators::DisclosureConfig config,
                   indicators::LoadDisclosureConfig(workspace.ConfigFile("openbaarmaking.toml")));
  ASSIGN_OR_RETURN(store::Store * store, workspace.Store());
  ASSIGN_OR_RETURN(std::optional<store::IndicatorRun> latest, store->indicator_values().LatestRun());
  if (!latest) return FailedPreconditionError(msg::NothingComputedYet());

  PublishReport report;
  report.indicator_run_id = latest->id;
  std::vector<internal::RateInput> rates;
  std::vector<store::PublishedCell> estimates;  // survey estimates, medians, deliveries: by their own rules
  nlohmann::json per_indicator = nlohmann::json::object();
  for (const indicators::Indicator& indicator : catalog.indicators) {
    using Kind = indicators::IndicatorKind;
    if (indicator.kind == Kind::kForecast) {  // weekly rows: they stay with the analysts for now
      report.not_published.emplace_back(indicator.id,
                                        msg::KindNotPublishedYet(indicators::IndicatorKindName(indicator.kind)));
      continue;
    }
    ASSIGN_OR_RETURN(std::vector<store::IndicatorCell> cells,
                     store->indicator_values().Cells({.indicators = {indicator.id}}));
    if (cells.empty()) continue;
    const disclosure::PrimaryRules rules = RulesOf(indicators::ResolveDisclosure(config, indicator), config.min_width);
    std::vector<store::PublishedCell> published;
    if (indicator.kind == Kind::kSurvey || indicator.kind == Kind::kSurveyIncomeGap) {
      published = internal::PublishSurveyEstimates(cells, rules);
    } else if (indicator.kind == Kind::kDuration ||
               (indicator.kind == Kind::kLinked && !internal::IsRatioOfCounts(indicator, cells))) {
      published = internal::PublishMedians(cells, rules);
    } else if (indicator.kind == Kind::kDelivery) {
      published = internal::PublishDeliveries(cells, rules);
    } else {  // rates and linked ratios: one table, protected together
      rates.push_back({&indicator, rules, std::move(cells)});
      continue;
    }
    estimates.insert(estimates.end(), std::make_move_iterator(published.begin()),
                     std::make_move_iterator(published.end()));
  }
  ASSIGN_OR_RETURN(std::optional<store::PublicationRun> previous, store->publications().Latest());
  const disclosure::ProtectionMemo memo = request.full ? disclosure::ProtectionMemo{} : PreviousMemo(previous);
  ASSIGN_OR_RETURN(internal::RatePublication publication, internal::PublishRates(rates, config.min_width, &memo));
  publication.cells.insert(publication.cells.end(), std::make_move_iterator(estimates.begin()),
                           std::make_move_iterator(estimates.end()));

  store::PublicationRun run;
  run.indicator_run_id = latest->id;
  run.cells = static_cast<int64_t>(publication.cells.size());
  for (const store::PublishedCell& cell : publication.cells) {
    int64_t* counter = cell.status == store::CellStatus::kPublished           ? &report.published
                       : cell.status == store::CellStatus::kRounded           ? &run.rounded
                       : cell.status == store::CellStatus::kSuppressedPrimary ? &run.suppressed_primary
                                                                              : &run.suppressed_secondary;
    ++*counter;
    nlohmann::json& counts = per_indicator[cell.indicator];
    if (counts.is_null()) counts = {{"cellen", 0}, {"onderdrukt", 0}};
    counts["cellen"] = counts["cellen"].get<int64_t>() + 1;
    if (store::IsSuppressed(cell.status)) counts["onderdrukt"] = counts["onderdrukt"].get<int64_t>() + 1;
  }
  run.information_loss = publication.information_loss;
  nlohmann::json not_published = nlohmann::json::array();
  for (const auto& [id, reason] : report.not_published) not_published.push_back({{"indicator", id}, {"reden", reason}});
  run.details = nlohmann::json{{"min_breedte", config.min_width},
                               {"lp_cellen", publication.lp_cells},
                               {"relaties", publication.relations},
                               {"niet_additief", publication.not_additive},
                               {"lp_oplossingen", publication.solves},
                               {"rondes", publication.rounds},
                               {"indicatoren", per_indicator},
                               {"niet_gepubliceerd", not_published},
                               {"delen", publication.parts},
                               {"delen_overgenomen", publication.parts_reused},
                               {"beschermde_delen", publication.memo.secondary}}
                    .dump();

  ASSIGN_OR_RETURN(store::Transaction tx, store->Begin());
  ASSIGN_OR_RETURN(report.publication_id, store->publications().Replace(run, publication.cells));
  RETURN_IF_ERROR(tx.Commit());

  report.cells = run.cells;
  report.rounded = run.rounded;
  report.suppressed_primary = run.suppressed_primary;
  report.suppressed_secondary = run.suppressed_secondary;
  report.information_loss = run.information_loss;
  report.lp_cells = publication.lp_cells;
  report.relations = publication.relations;
  report.solves = publication.solves;
  report.parts = publication.parts;
  report.parts_reused = publication.parts_reused;
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace sz::pipeline
