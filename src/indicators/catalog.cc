#include "indicators/catalog.h"

namespace sz::indicators {

std::string_view IndicatorKindName(IndicatorKind kind) {
  switch (kind) {
    case IndicatorKind::kRate: return "verhouding";
    case IndicatorKind::kSurvey: return "enquete";
    case IndicatorKind::kSurveyIncomeGap: return "enquete_kloof_inkomen";
    case IndicatorKind::kLinked: return "gekoppeld";
    case IndicatorKind::kDuration: return "duur";
    case IndicatorKind::kForecast: return "voorspelling";
    case IndicatorKind::kDelivery: return "levering";
  }
  return "verhouding";
}

std::string_view ThemeName(Theme theme) {
  switch (theme) {
    case Theme::kMeedoen: return "meedoen";
    case Theme::kOpgroeien: return "opgroeien";
    case Theme::kOuderWorden: return "ouder_worden";
    case Theme::kOrganisatie: return "organisatie";
  }
  return "meedoen";
}

std::string_view DevelopmentDirectionName(DevelopmentDirection direction) {
  switch (direction) {
    case DevelopmentDirection::kVeerkracht: return "veerkracht";
    case DevelopmentDirection::kOntzorgen: return "ontzorgen";
    case DevelopmentDirection::kZorgpreventie: return "zorgpreventie";
  }
  return "zorgpreventie";
}

std::string_view DirectionName(Direction direction) {
  switch (direction) {
    case Direction::kLowerIsBetter: return "lager_is_beter";
    case Direction::kHigherIsBetter: return "hoger_is_beter";
    case Direction::kCloserToZeroIsBetter: return "dichter_bij_nul_is_beter";
  }
  return "lager_is_beter";
}

std::string_view CatalogPeriodName(CatalogPeriod period) {
  switch (period) {
    case CatalogPeriod::kWeek: return "week";
    case CatalogPeriod::kMonth: return "maand";
    case CatalogPeriod::kQuarter: return "kwartaal";
    case CatalogPeriod::kYear: return "jaar";
    case CatalogPeriod::kWave: return "golf";
  }
  return "jaar";
}

std::string_view CatalogLevelName(RegionLevel level) {
  switch (level) {
    case RegionLevel::kRegio: return "twente";
    case RegionLevel::kGemeente: return "gemeente";
    case RegionLevel::kWijk: return "wijk";
    default: return RegionLevelName(level);
  }
}

std::string_view IntervalMethodName(IntervalMethod method) {
  switch (method) {
    case IntervalMethod::kPoissonExact: return "poisson_exact";
    case IntervalMethod::kWilson: return "wilson";
    case IntervalMethod::kClopperPearson: return "clopper_pearson";
    case IntervalMethod::kDesign: return "ontwerp";
    case IntervalMethod::kNone: return "geen";
  }
  return "geen";
}

std::string_view CountUnitName(CountUnit unit) {
  switch (unit) {
    case CountUnit::kRegistrations: return "registraties";
    case CountUnit::kPersons: return "personen";
    case CountUnit::kHouseholds: return "huishoudens";
    case CountUnit::kRows: return "rijen";
    case CountUnit::kSum: return "som";
  }
  return "registraties";
}

std::optional<PeriodKind> PeriodKindOf(CatalogPeriod period) {
  switch (period) {
    case CatalogPeriod::kWeek: return PeriodKind::kWeek;
    case CatalogPeriod::kMonth: return PeriodKind::kMonth;
    case CatalogPeriod::kQuarter: return PeriodKind::kQuarter;
    case CatalogPeriod::kYear: return PeriodKind::kYear;
    case CatalogPeriod::kWave: return std::nullopt;
  }
  return std::nullopt;
}

std::optional<int> PeriodMonthsOf(std::string_view name) {
  if (name == "maand") return 1;
  if (name == "kwartaal") return 3;
  if (name == "jaar") return 12;
  return std::nullopt;
}

const Indicator* FindIndicator(const Catalog& catalog, std::string_view id) {
  for (const Indicator& indicator : catalog.indicators) {
    if (indicator.id == id) return &indicator;
  }
  return nullptr;
}

}  // namespace sz::indicators
