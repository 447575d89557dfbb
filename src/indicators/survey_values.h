// Survey indicators (catalogue kinds `enquete` and the derived `enquete_kloof_inkomen`): design-based
// proportions of a 0/1 Gezondheidsmonitor variable per wave, for Twente, every gemeente and (when the
// catalogue asks for it and the wave has the optional wijk column) every wijk, through the survey
// engine (R's survey package: svyciprop, svycontrast on svyby).
//
//   ASSIGN_OR_RETURN(survey::Design design, survey::Design::Create(frame, MonitorDesign()));
//   ASSIGN_OR_RETURN(std::vector<IndicatorValue> cells, SurveyValues(indicator, frame, design, 2024, "CR23"));
//
// Each cell is a domain of the whole wave's design (R: subset(design, …), so the design's PSU counts
// are kept): respondents of the indicator's age (column leeftijd) × region (Twente: all; a gemeente or
// wijk: its respondents) × breakdown (totaal, and each value of each breakdown column). Wijk cells
// rest on few respondents: `respondents` carries n, and disclosure control (min_respondenten) decides
// what is shown; the design is not re-stratified per wijk.
// - enquete: value = svyciprop(~variable, domain, method = "logit") × factor with its interval;
//   numerator and denominator the weighted count of respondents with variable = 1 and with an answer;
//   `respondents` the unweighted n.
// - enquete_kloof_inkomen: value = (mean in the highest − mean in the lowest inkomen_kwintiel present
//   in the wave) × factor, its normal 95% interval from the design-based se of the difference (R:
//   svycontrast(svyby(…, covmat = TRUE), …)); respondents = n of both quintiles; totaal only.
// A domain without respondents gets no cell. Errors: those of the survey engine; kInvalidArgument
// for an indicator of another kind. Thread safety: pure function.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "indicators/catalog.h"
#include "indicators/indicator_value.h"
#include "indicators/rate.h"
#include "survey/design.h"
#include "survey/frame.h"

namespace sz::indicators {

// The Gezondheidsmonitor's design as the contract delivers it: ids = psu (nested in strata), strata = stratum, weights
// = gewicht, lonely PSUs adjusted (R: options(survey.lonely.psu = "adjust")) so that one thin stratum does not stop
// every estimate.
survey::DesignSpec MonitorDesign();

// `kalibratie = true`: the wave's design post-stratified to `bevolking` (R: postStratify(design,
// ~kalibratiecel, population)). The cells are gemeente × leeftijdsklasse (18-24 … 85+) × geslacht of
// the population on 1 January of the wave's year; a respondent outside them (under 18, or another sex)
// is in the cell "overig", whose population is its own weighted total, so those weights stay as they
// are. Adds the categorical column `kalibratiecel` to `frame`. kDataError when bevolking has no
// gemeente counts for the wave's year, or a respondent's cell has no population (naming it).
Result<survey::Design> CalibratedMonitorDesign(survey::SurveyFrame& frame, const SourceRows& bevolking, int wave);

Result<std::vector<IndicatorValue>> SurveyValues(const Indicator& indicator, const survey::SurveyFrame& frame,
                                                 const survey::Design& design, int wave,
                                                 const std::string& twente_code);

}  // namespace sz::indicators
