#include "store/publications.h"

#include <algorithm>
#include <tuple>

#include "store/messages.h"

namespace sz::store {
namespace {

auto KeyOf(const PublishedCell& cell) {
  return std::tie(cell.indicator, cell.level, cell.region, cell.period, cell.breakdown);
}

}  // namespace

std::string_view CellStatusName(CellStatus status) {
  switch (status) {
    case CellStatus::kPublished: return "gepubliceerd";
    case CellStatus::kRounded: return "afgerond";
    case CellStatus::kSuppressedPrimary: return "onderdrukt_primair";
    case CellStatus::kSuppressedSecondary: return "onderdrukt_secundair";
  }
  return "gepubliceerd";
}

std::optional<CellStatus> CellStatusNamed(std::string_view name) {
  for (CellStatus status : {CellStatus::kPublished, CellStatus::kRounded, CellStatus::kSuppressedPrimary,
                            CellStatus::kSuppressedSecondary}) {
    if (CellStatusName(status) == name) return status;
  }
  return std::nullopt;
}

bool IsSuppressed(CellStatus status) {
  return status == CellStatus::kSuppressedPrimary || status == CellStatus::kSuppressedSecondary;
}

Status CheckPublishedCells(const std::vector<PublishedCell>& cells) {
  std::vector<const PublishedCell*> sorted;
  sorted.reserve(cells.size());
  for (const PublishedCell& cell : cells) sorted.push_back(&cell);
  std::sort(sorted.begin(), sorted.end(),
            [](const PublishedCell* a, const PublishedCell* b) { return PublishedBefore(*a, *b); });
  for (size_t i = 1; i < sorted.size(); ++i) {
    if (KeyOf(*sorted[i - 1]) == KeyOf(*sorted[i])) {
      const PublishedCell& cell = *sorted[i];
      return InvalidArgumentError(msg::DuplicateCell(cell.indicator, cell.region, cell.period, cell.breakdown));
    }
  }
  return Status::Ok();
}

bool PublishedBefore(const PublishedCell& a, const PublishedCell& b) { return KeyOf(a) < KeyOf(b); }

bool PublishedMatches(const CellQuery& query, const PublishedCell& cell) {
  IndicatorCell key;
  key.indicator = cell.indicator;
  key.level = cell.level;
  key.region = cell.region;
  key.period = cell.period;
  key.breakdown = cell.breakdown;
  return CellMatches(query, key);
}

}  // namespace sz::store
