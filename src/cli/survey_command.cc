// samenzicht survey: design-based estimates per domain, as R's survey package (pipeline/survey.h,
// docs/survey.md), on a file or on a stored wave of the health monitor.
//
//   samenzicht survey --data monitor.sav --ids wijk --strata gemeente --weights gewicht --nest
//       --ciprop mantelzorger --ci-method beta --by gemeente --out mantelzorg.csv
//   samenzicht survey --db var/samenzicht.db --wave 2024 --ids psu --strata stratum --weights gewicht
//       --ciprop mantelzorger --by gemeente --out mantelzorg.csv
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "pipeline/survey.h"

namespace sz::cli {
namespace {

struct SurveyCommandOptions {
  pipeline::WorkspaceOptions workspace;
  pipeline::SurveyRequest request;
  int wave = 0;
};

Status RunSurveyCommand(SurveyCommandOptions options) {
  if (options.wave != 0) options.request.wave = options.wave;
  ASSIGN_OR_RETURN(pipeline::Workspace workspace, pipeline::Workspace::Open(options.workspace));
  ASSIGN_OR_RETURN(pipeline::SurveyResult result, pipeline::RunSurvey(workspace, options.request));
  std::cerr << result.input << ": " << result.respondents << " respondenten, " << result.rows_written
            << " schattingen → " << options.request.out << " (ontwerp en herkomst in " << options.request.out
            << ".json)\n";
  return Status::Ok();
}

void AddSurveyCommand(Commands& commands) {
  auto options = std::make_shared<SurveyCommandOptions>();
  Command cmd = commands.Add(
      "survey", "Schattingen uit steekproefonderzoek met standaardfouten en intervallen, als R's survey-pakket");
  cmd.AddWorkspaceOptions(options->workspace, WorkspaceUse::kStore);
  auto& request = options->request;
  auto& r = request.report;
  cmd.Add("--data", request.data, "Invoerbestand, CSV of SPSS .sav (of --wave met de opslag)");
  cmd.Add("--wave", options->wave, "Golf (jaar) van de gezondheidsmonitor in de opslag (--db), in plaats van --data");
  cmd.Add("--ids", r.ids, "Clusterkolom(men) (PSU) per trap, KOL of KOL+KOL; 1 = geen clusters (standaard)");
  cmd.Add("--strata", r.strata, "Stratumkolom");
  cmd.Add("--weights", r.weights, "Kolom met steekproefgewichten (standaard: uit --fpc, anders 1)");
  cmd.Add("--fpc", r.fpc, "Eindigepopulatiecorrectie per trap: N (>1) of fractie (<=1)");
  cmd.Flag("--nest", r.nest, "Clusternummers zijn genummerd binnen strata (R: nest = TRUE)");
  cmd.Add("--lonely-psu", r.lonely_psu, "Strata met één PSU: fail (standaard), remove, certainty, adjust, average");
  cmd.Add("--mean", r.mean, "Gemiddelde(n)/aandelen van VAR[+VAR] (R: svymean)");
  cmd.Add("--total", r.total, "Totaal/totalen van VAR[+VAR] (R: svytotal)");
  cmd.Add("--ratio", r.ratio, "Verhouding van totalen TELLER/NOEMER (R: svyratio)");
  cmd.Add("--ciprop", r.ciprop, "Aandeel van een 0/1-variabele met interval (R: svyciprop)");
  cmd.Add("--ci-method", r.ci_method, "Interval bij --ciprop: logit (standaard), beta, likelihood, xlogit, mean, asin");
  cmd.Add("--quantile", r.quantile, "Kwantiel VAR:P, bijv. bmi:0.5 (R: svyquantile)");
  cmd.Add("--by", r.by, "Domeinkolom(men) KOL[+KOL] (R: svyby)");
  cmd.Add("--level", r.level, "Betrouwbaarheidsniveau (standaard 0.95)");
  cmd.Flag("--deff", r.deff, "Voeg de kolom met het design-effect toe (R: deff = TRUE)");
  cmd.Add("--poststratify", request.poststratify,
          "Poststratificeer de gewichten op VAR[+VAR] naar --population (R: postStratify)");
  cmd.Add("--population", request.population,
          "Populatietabel voor --poststratify: de kolommen van de variabelen en Freq (of aantal)");
  cmd.Add("--rake", request.rake_margins,
          "Raak de gewichten naar deze margetabel (variabelen + Freq); herhaal per marge (R: rake)");
  cmd.Add("--out", request.out, "Uitvoer-CSV").Required();
  cmd.Run([options] { return RunSurveyCommand(*options); });
}
SZ_REGISTER_COMMAND(AddSurveyCommand);

}  // namespace
}  // namespace sz::cli
