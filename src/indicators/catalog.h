// The indicator catalogue: what each figure the municipalities steer by means and how it is computed
// from stored rows, declared in config/indicatoren/*.toml (docs/indicators.md is the language) and
// read by catalog_file.h. These are the parsed, checked entries: every source, column and category
// value named here exists in its contract (sources/contract.h).
//
//   ASSIGN_OR_RETURN(CatalogFile catalog, LoadCatalog("config/indicatoren"));
//   const Indicator* ind = FindIndicator(catalog.catalog, "eenzaam_pct");
//   ind->kind == IndicatorKind::kSurvey; ind->survey->variable == "eenzaam";
//
// An indicator is numerator / denominator × factor per region and period (DOMAIN.md §4). Its kind says
// where numerator and denominator come from:
//   kRate      counts of stored rows (`teller`, `noemer`: CountSpec), e.g. VT meldingen per 1,000 minors
//   kSurvey    a design-based proportion of a 0/1 monitor variable (`enquete`: SurveySpec); with
//              `kloof_inkomen` the catalogue also holds ID_kloof_inkomen (kSurveyIncomeGap)
//   kLinked    a cross-desk measure over linked persons (`gekoppeld`: measure_table.h's measure and
//              category), e.g. hermelding
//   kDuration  the median of the days between two dates of a registration (`duur`: DurationSpec)
//   kForecast  weekly registrations of a desk with a forecast (`teller` and `voorspelling`)
//   kDelivery  completeness or timeliness of deliveries per source × gemeente, from the ingest log
//              (`levering`: DeliverySpec)
// Thread safety: plain values.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/age_span.h"
#include "core/period.h"
#include "core/region.h"

namespace sz::indicators {

enum class IndicatorKind { kRate, kSurvey, kSurveyIncomeGap, kLinked, kDuration, kForecast, kDelivery };
// "verhouding", "enquete", "enquete_kloof_inkomen", "gekoppeld", "duur", "voorspelling", "levering"
std::string_view IndicatorKindName(IndicatorKind kind);

enum class Theme { kMeedoen, kOpgroeien, kOuderWorden, kOrganisatie };
std::string_view ThemeName(Theme theme);  // "meedoen", "opgroeien", "ouder_worden", "organisatie"

// SamenTwente's development directions (strategy): veerkracht, ontzorgen, zorgpreventie.
enum class DevelopmentDirection { kVeerkracht, kOntzorgen, kZorgpreventie };
std::string_view DevelopmentDirectionName(DevelopmentDirection direction);

// Which way is better. kCloserToZeroIsBetter is the direction of a gap (ID_kloof_inkomen).
enum class Direction { kLowerIsBetter, kHigherIsBetter, kCloserToZeroIsBetter };
std::string_view DirectionName(Direction direction);  // "lager_is_beter", "hoger_is_beter", "dichter_bij_nul_is_beter"

// Periods an indicator is given for; kWave is a survey wave (its year).
enum class CatalogPeriod { kWeek, kMonth, kQuarter, kYear, kWave };
std::string_view CatalogPeriodName(CatalogPeriod period);  // "week", "maand", "kwartaal", "jaar", "golf"

// Region levels an indicator is given for: Twente (the regio), gemeente, wijk.
std::string_view CatalogLevelName(RegionLevel level);  // "twente", "gemeente", "wijk"

// How the interval of a value is computed.
enum class IntervalMethod { kPoissonExact, kWilson, kClopperPearson, kDesign, kNone };
std::string_view IntervalMethodName(IntervalMethod method);
// "poisson_exact", "wilson", "clopper_pearson", "ontwerp", "geen"

// What a CountSpec counts among the rows that pass its filters.
enum class CountUnit { kRegistrations, kPersons, kHouseholds, kRows, kSum };
std::string_view CountUnitName(CountUnit unit);  // "registraties", "personen", "huishoudens", "rijen", "som"

// An inclusive age range ("0-17", "85+"): core/age_span.h.
using ::sz::AgeSpan;

// The period kind of a catalogue period; nullopt for a survey wave.
std::optional<PeriodKind> PeriodKindOf(CatalogPeriod period);

// Counting stored rows: the numerator or denominator of a kRate indicator, the weekly counts of a
// kForecast one. One source, except for kForecast, which may list several (one series per source).
struct CountSpec {
  std::vector<std::string> sources;            // contract names; exactly one for kRate
  CountUnit unit = CountUnit::kRegistrations;  // distinct registrations (the record id) by default
  std::string sum_column;                      // the column summed, for kSum
  std::string date_column;                     // the row's date for its period; "" = source's event date
  // "" = a row counts in the period of its date; else the date column where the registration ends
  // (empty: still running): it counts in every period it overlaps (e.g. Wmo provisions in use).
  std::string end_column;
  std::map<std::string, std::vector<std::string>> filters;  // column → allowed values (any of them)
  std::optional<AgeSpan> age;                               // age at the event (desk: leeftijd; bevolking: whole bands)
  int window_months = 0;                                    // > 0: the rows of the N months up to the period's end
  bool operator==(const CountSpec&) const = default;
};

// A design-based proportion of a 0/1 variable of the gezondheidsmonitor.
struct SurveySpec {
  std::string variable;        // a 0..1 column of the gezondheidsmonitor contract
  std::optional<AgeSpan> age;  // respondents of this age (the leeftijd column)
  bool calibrate = false;      // calibrate to bevolking (off by default)
  bool income_gap = false;     // also ID_kloof_inkomen: highest minus lowest income quintile
  bool operator==(const SurveySpec&) const = default;
};

// A cross-desk measure of measure_table.h.
struct LinkedSpec {
  std::string measure;   // e.g. "vt_meldingen_klasse"
  std::string category;  // e.g. "hermelding"; "" for a measure without categories, or all of them
  bool operator==(const LinkedSpec&) const = default;
};

// The median number of days from one date column of a registration to another.
struct DurationSpec {
  std::string source;
  std::string from_column;  // e.g. ontvangen_op
  std::string to_column;    // e.g. afgesloten_op; registrations without it are still running (censored)
  std::map<std::string, std::vector<std::string>> filters;
  bool operator==(const DurationSpec&) const = default;
};

struct ForecastSpec {
  int horizon_weeks = 13;
  double level = 0.95;
  bool operator==(const ForecastSpec&) const = default;
};

enum class DeliveryMeasure { kCompleteness, kTimeliness };
struct DeliverySpec {
  DeliveryMeasure measure = DeliveryMeasure::kCompleteness;  // "volledigheid" or "tijdigheid"
  bool operator==(const DeliverySpec&) const = default;
};

// The disclosure settings an indicator needs (issue 15 applies them); unset = the defaults of
// config/openbaarmaking.toml.
struct DisclosureSettings {
  std::optional<int> min_count;        // counts of 1..min_count-1 are not shown
  std::optional<int> min_denominator;  // a rate with a smaller denominator is not shown
  std::optional<int> min_respondents;  // a survey estimate with fewer respondents is not shown
  std::optional<int> round_wijk_to;    // counts at wijk level rounded to a multiple of this
  // fijnste_periode_wijk: the shortest period published at wijk level, in months (1 maand,
  // 3 kwartaal, 12 jaar); finer wijk cells stay with the analysts.
  std::optional<int> wijk_period_months;
  bool operator==(const DisclosureSettings&) const = default;
};

// A 2030 target. `example` is true while the value is the shipped example the board still has to set.
struct Target {
  double value = 0;
  bool example = true;
  std::string note;
  bool operator==(const Target&) const = default;
};

struct Indicator {
  std::string id;
  std::string title;       // titel
  std::string definition;  // definitie
  Theme theme = Theme::kMeedoen;
  DevelopmentDirection development = DevelopmentDirection::kZorgpreventie;
  IndicatorKind kind = IndicatorKind::kRate;
  std::vector<std::string> sources;  // bronnen
  double factor = 1;
  std::string unit;  // eenheid, e.g. "%", "per 1.000 minderjarigen"
  Direction direction = Direction::kLowerIsBetter;
  std::vector<CatalogPeriod> periods;
  std::vector<RegionLevel> levels;      // kRegio (twente), kGemeente, kWijk
  std::vector<std::string> breakdowns;  // uitsplitsingen: columns of the numerator's source
  IntervalMethod interval = IntervalMethod::kNone;
  bool signalable = false;               // signaleerbaar: series of this indicator get signals (issue 14)
  std::string signal_method;             // signaalmethode: "" (automatisch) or a detection method name
  std::optional<CountSpec> numerator;    // kRate, kForecast
  std::optional<CountSpec> denominator;  // kRate
  std::optional<SurveySpec> survey;      // kSurvey, kSurveyIncomeGap
  std::optional<LinkedSpec> linked;      // kLinked
  std::optional<DurationSpec> duration;  // kDuration
  std::optional<ForecastSpec> forecast;  // kForecast
  std::optional<DeliverySpec> delivery;  // kDelivery
  DisclosureSettings disclosure;
  std::optional<Target> target_2030;
  std::optional<double> national_reference;  // landelijke_referentie, e.g. CBS's hermelding share
  std::string file;                          // the catalogue file and line it was declared on, for messages
  int line = 0;
};

struct Catalog {
  std::vector<Indicator> indicators;  // in file order (files sorted by name); derived ones after their base
};

// fijnste_periode_wijk's values: "maand" 1, "kwartaal" 3, "jaar" 12 (months); nullopt otherwise.
std::optional<int> PeriodMonthsOf(std::string_view name);
inline const std::vector<std::string> kPeriodGrainNames = {"maand", "kwartaal", "jaar"};

const Indicator* FindIndicator(const Catalog& catalog, std::string_view id);

}  // namespace sz::indicators
