#include "pipeline/report.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "indicators/catalog.h"
#include "pipeline/audience.h"
#include "pipeline/catalog.h"
#include "pipeline/export.h"
#include "pipeline/output_file.h"
#include "pipeline/signals.h"
#include "pipeline/targets.h"

extern char** environ;

namespace sz::pipeline {
namespace {

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// Dutch display: 0 decimals from 100, 1 from 1, else 2; decimal comma.
std::string Display(double value) {
  const double a = std::fabs(value);
  const int digits = a >= 100 ? 0 : (a >= 1 || value == 0) ? 1 : 2;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
  std::string text = buffer;
  std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

std::string WithUnit(const std::string& value, const std::string& unit) {
  if (value == "." || value == "–") return value;
  return unit == "%" ? value + "%" : value + " " + unit;
}

bool IsYear(const std::string& period) {
  return period.size() == 4 && std::all_of(period.begin(), period.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// One cell as the factsheet reads it.
struct Cell {
  std::string period, status, reason, unit;
  std::optional<double> value;
  bool suppressed = false;
};

class Columns {
 public:
  Columns() {
    const std::vector<std::string>& names = ExportColumns();
    for (size_t i = 0; i < names.size(); ++i) index_[names[i]] = i;
  }
  size_t operator[](const std::string& name) const { return index_.at(name); }

 private:
  std::map<std::string, size_t> index_;
};

// The cells of one region, per indicator, sorted by period.
std::map<std::string, std::vector<Cell>> CellsByIndicator(const std::vector<ExportedCell>& cells) {
  static const Columns columns;
  std::map<std::string, std::vector<Cell>> out;
  for (const ExportedCell& c : cells) {
    Cell cell;
    cell.period = c.text[columns["periode"]];
    cell.status = c.text[columns["status"]];
    cell.reason = c.text[columns["reden"]];
    cell.unit = c.text[columns["eenheid"]];
    cell.suppressed = c.text[columns["waarde"]] == ".";
    if (!cell.suppressed) cell.value = c.number[columns["waarde"]];
    out[c.indicator].push_back(std::move(cell));
  }
  for (auto& [id, list] : out)
    std::sort(list.begin(), list.end(), [](const Cell& a, const Cell& b) { return a.period < b.period; });
  return out;
}

// The cells a trend shows: the years when there are two or more, else all periods.
std::vector<const Cell*> TrendCells(const std::vector<Cell>& cells) {
  std::vector<const Cell*> years, all;
  for (const Cell& c : cells) {
    all.push_back(&c);
    if (IsYear(c.period)) years.push_back(&c);
  }
  return years.size() >= 2 ? years : all;
}

// The key figure: the latest cell of the coarsest kind of period there is (a year before a quarter,
// a month, a week), so that a sheet compares whole years where it can.
const Cell* KeyCell(const std::vector<Cell>& cells) {
  auto rank = [](const std::string& p) {
    if (IsYear(p)) return 0;
    if (p.find("-Q") != std::string::npos) return 1;
    if (p.find("-W") != std::string::npos) return 3;
    return 2;
  };
  const Cell* best = nullptr;
  for (const Cell& c : cells)
    if (!best || rank(c.period) < rank(best->period) ||
        (rank(c.period) == rank(best->period) && c.period > best->period))
      best = &c;
  return best;
}

// A small trend line of the gemeente (solid) and Twente (dashed), with the first and last value named.
std::string Sparkline(const std::vector<const Cell*>& own, const std::vector<const Cell*>& twente,
                      const std::string& label) {
  std::vector<std::string> periods;
  for (const Cell* c : own) periods.push_back(c->period);
  for (const Cell* c : twente) periods.push_back(c->period);
  std::sort(periods.begin(), periods.end());
  periods.erase(std::unique(periods.begin(), periods.end()), periods.end());
  double lo = INFINITY, hi = -INFINITY;
  for (const auto* list : {&own, &twente})
    for (const Cell* c : *list)
      if (c->value) lo = std::min(lo, *c->value), hi = std::max(hi, *c->value);
  if (periods.size() < 2 || !std::isfinite(lo)) return "";
  if (hi - lo < 1e-9) lo -= 1, hi += 1;
  const double width = 170, height = 44, pad = 4;
  auto x = [&](const std::string& p) {
    const size_t i = std::lower_bound(periods.begin(), periods.end(), p) - periods.begin();
    return pad + (width - 2 * pad) * static_cast<double>(i) / static_cast<double>(periods.size() - 1);
  };
  auto y = [&](double v) { return height - pad - (height - 2 * pad) * (v - lo) / (hi - lo); };
  auto line = [&](const std::vector<const Cell*>& cells, const char* style) {
    std::ostringstream points;
    for (const Cell* c : cells)
      if (c->value) points << x(c->period) << "," << y(*c->value) << " ";
    return "<polyline fill=\"none\" " + std::string(style) + " points=\"" + points.str() + "\"/>";
  };
  std::ostringstream svg;
  svg << "<svg class=\"spark\" viewBox=\"0 0 " << width << " " << height << "\" width=\"" << width << "\" height=\""
      << height << "\" role=\"img\" aria-label=\"" << Escape(label) << "\">"
      << line(twente, "stroke=\"#6b7280\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"")
      << line(own, "stroke=\"#00549e\" stroke-width=\"2\"") << "</svg>";
  return svg.str();
}

std::string TrendLabel(const std::vector<const Cell*>& cells, const std::string& name, const std::string& unit) {
  const Cell* first = nullptr;
  const Cell* last = nullptr;
  for (const Cell* c : cells)
    if (c->value) {
      if (!first) first = c;
      last = c;
    }
  if (!first) return name + ": geen getoonde waarden";
  return name + " van " + WithUnit(Display(*first->value), unit) + " in " + first->period + " naar " +
         WithUnit(Display(*last->value), unit) + " in " + last->period;
}

constexpr const char* kStyle = R"(
@page { size: A4; margin: 16mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", system-ui, Arial, sans-serif; font-size: 10pt; color: #1f2937; line-height: 1.4; margin: 0; }
header { border-bottom: 4px solid #00549e; padding-bottom: 6px; margin-bottom: 10px; }
h1 { font-size: 20pt; margin: 0 0 4px; color: #00549e; }
h2 { font-size: 13pt; margin: 16px 0 6px; color: #003a6e; break-after: avoid; }
p { margin: 4px 0; }
.meta { color: #4b5563; font-size: 9pt; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; }
caption { text-align: left; font-weight: 700; margin-bottom: 2px; }
th, td { border-bottom: 1px solid #d1d5db; padding: 3px 5px; text-align: left; vertical-align: middle; }
th { background: #f3f4f6; }
tbody th { width: 38%; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr { break-inside: avoid; }
.spark { display: block; }
.legend { font-size: 8.5pt; color: #4b5563; }
.signal { border-left: 4px solid #c2410c; padding: 2px 8px; margin: 6px 0; break-inside: avoid; }
.note { background: #eef4fb; border-left: 4px solid #00549e; padding: 4px 8px; }
footer { margin-top: 14px; border-top: 1px solid #d1d5db; padding-top: 6px; font-size: 8pt; color: #4b5563; }
)";

const char* ThemeTitle(indicators::Theme theme) {
  switch (theme) {
    case indicators::Theme::kMeedoen: return "Meedoen";
    case indicators::Theme::kOpgroeien: return "Opgroeien";
    case indicators::Theme::kOuderWorden: return "Ouder worden";
    case indicators::Theme::kOrganisatie: return "Organisatie";
  }
  return "";
}

const char* DirectionText(indicators::Direction direction) {
  switch (direction) {
    case indicators::Direction::kHigherIsBetter: return "hoger is beter";
    case indicators::Direction::kLowerIsBetter: return "lager is beter";
    case indicators::Direction::kCloserToZeroIsBetter: return "dichter bij nul is beter";
  }
  return "";
}

std::string CellText(const Cell* cell) {
  if (!cell) return "–";
  if (cell->suppressed) return ".";
  return cell->value ? Display(*cell->value) : "–";
}

}  // namespace

Result<std::string> FactsheetHtml(Workspace& workspace, const std::string& gemeente, const std::string& audience_text,
                                  FactsheetFile* summary) {
  ASSIGN_OR_RETURN(const RegionTable* regions, workspace.Regions());
  const Region* region = regions->Find(gemeente);
  if (!region || region->level != RegionLevel::kGemeente)
    return NotFoundError("onbekende gemeente " + gemeente + " (verwacht een code als GM0153 uit het regiobestand)");
  const std::string audience_name = audience_text.empty() ? "gemeente:" + gemeente : audience_text;
  ASSIGN_OR_RETURN(Audience audience, ParseAudience(audience_name, *regions));
  ASSIGN_OR_RETURN(indicators::Catalog catalog, LoadIndicatorCatalog(workspace));
  const std::string twente_code = region->parent_code;
  const Region* twente = regions->Find(twente_code);

  CellSelection selection{
      .region = gemeente, .breakdown = "totaal", .audience = audience.ToString(), .catalog = &catalog};
  ASSIGN_OR_RETURN(std::vector<ExportedCell> own_cells, SelectCells(workspace, selection, false));
  selection.region = twente_code;
  ASSIGN_OR_RETURN(std::vector<ExportedCell> twente_cells, SelectCells(workspace, selection, false));
  const auto own = CellsByIndicator(own_cells);
  const auto region_cells = CellsByIndicator(twente_cells);
  static const Columns columns;
  std::string computed;
  for (const ExportedCell& c : own_cells) computed = std::max(computed, c.text[columns["berekend_op"]]);

  FactsheetFile file{.gemeente = gemeente, .name = region->name, .audience = audience.ToString()};
  std::ostringstream html;
  const std::string title = "Factsheet " + region->name;
  html << "<!doctype html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>" << Escape(title)
       << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n<header>\n<h1>" << Escape(title)
       << "</h1>\n<p class=\"meta\">Samenzicht, SamenTwente · doelgroep " << Escape(audience.ToString())
       << " · cijfers berekend op " << Escape(computed.empty() ? "–" : computed.substr(0, 10)) << "</p>\n"
       << "<p class=\"meta\">"
       << (audience.kind == AudienceKind::kAnalyst
               ? "Alleen voor analisten: cijfers zonder openbaarmakingscontrole, niet verspreiden."
               : "Na openbaarmakingscontrole: een &quot;.&quot; is een cijfer dat niet wordt getoond, met de reden "
                 "eronder.")
       << "</p>\n</header>\n<main>\n";

  std::vector<std::pair<std::string, std::string>> reasons;  // indicator title, reason of a "."
  for (indicators::Theme theme : {indicators::Theme::kMeedoen, indicators::Theme::kOpgroeien,
                                  indicators::Theme::kOuderWorden, indicators::Theme::kOrganisatie}) {
    std::ostringstream rows;
    int count = 0;
    for (const indicators::Indicator& ind : catalog.indicators) {
      if (ind.theme != theme) continue;
      auto it = own.find(ind.id);
      if (it == own.end() || it->second.empty()) continue;
      const std::vector<const Cell*> trend = TrendCells(it->second);
      const Cell* last = KeyCell(it->second);
      std::vector<const Cell*> twente_trend;
      const Cell* twente_last = nullptr;
      if (auto t = region_cells.find(ind.id); t != region_cells.end()) {
        twente_trend = TrendCells(t->second);
        for (const Cell& c : t->second)
          if (c.period == last->period) twente_last = &c;
      }
      ++count;
      ++file.indicators;
      if (last->suppressed) {
        ++file.suppressed;
        reasons.emplace_back(ind.title, last->reason);
      }
      const std::string label =
          "Verloop: " + TrendLabel(trend, region->name, ind.unit) + "; " + TrendLabel(twente_trend, "Twente", ind.unit);
      rows << "<tr><th scope=\"row\">" << Escape(ind.title) << "</th><td>" << Escape(last->period)
           << "</td><td class=\"num\">" << Escape(WithUnit(CellText(last), ind.unit)) << "</td><td class=\"num\">"
           << Escape(WithUnit(CellText(twente_last), ind.unit)) << "</td><td>" << DirectionText(ind.direction)
           << "</td><td>" << Sparkline(trend, twente_trend, label) << "</td></tr>\n";
    }
    if (count == 0) continue;
    html << "<section>\n<h2>" << ThemeTitle(theme) << "</h2>\n<table>\n<caption>" << ThemeTitle(theme) << ": "
         << Escape(region->name) << " en Twente</caption>\n<thead><tr><th scope=\"col\">Indicator</th><th "
         << "scope=\"col\">Periode</th><th scope=\"col\" class=\"num\">" << Escape(region->name)
         << "</th><th scope=\"col\" class=\"num\">Twente</th><th scope=\"col\">Richting</th><th "
            "scope=\"col\">Verloop</th></tr></thead>\n<tbody>\n"
         << rows.str() << "</tbody>\n</table>\n</section>\n";
  }
  if (file.indicators == 0)
    html << "<p class=\"note\">Voor deze doelgroep zijn (nog) geen cijfers van " << Escape(region->name)
         << " gepubliceerd.</p>\n";
  html << "<p class=\"legend\">Verloop: " << Escape(region->name)
       << " als doorgetrokken lijn, Twente gestippeld; jaren als die er zijn, anders perioden.</p>\n";
  if (!reasons.empty()) {
    html << "<h2>Niet getoonde cijfers</h2>\n<ul>\n";
    for (const auto& [name, reason] : reasons)
      html << "<li>" << Escape(name) << ": " << Escape(reason.empty() ? "niet getoond" : reason) << "</li>\n";
    html << "</ul>\n";
  }

  // Open signals.
  html << "<h2>Open signalen</h2>\n";
  if (audience.kind == AudienceKind::kAnalyst || audience.kind == AudienceKind::kDesk) {
    ASSIGN_OR_RETURN(std::vector<store::StoredSignal> signals, ListSignals(workspace, std::nullopt));
    int shown = 0;
    for (const store::StoredSignal& s : signals) {
      if (s.status == "afgesloten") continue;
      const Region* of = regions->GemeenteOf(s.region);
      if (!of || of->code != gemeente) continue;
      if (audience.kind == AudienceKind::kDesk &&
          std::find(s.sources.begin(), s.sources.end(), audience.code) == s.sources.end())
        continue;
      ++shown;
      const Region* where = regions->Find(s.region);
      html << "<div class=\"signal\"><p><strong>Signaal " << s.id << " (" << Escape(s.kind) << ", "
           << Escape(where ? where->name : s.region) << ", " << Escape(s.period_from) << " t/m " << Escape(s.period_to)
           << ", status " << Escape(s.status) << ")</strong></p><p>" << Escape(s.explanation) << "</p></div>\n";
    }
    file.signals = shown;
    if (shown == 0) html << "<p>Geen open signalen in " << Escape(region->name) << ".</p>\n";
  } else {
    html << "<p class=\"note\">Signalen staan alleen in de factsheet voor analisten en meldpunten: hun uitleg noemt "
            "aantallen zonder openbaarmakingscontrole.</p>\n";
  }

  // Targets 2030.
  html << "<h2>Doelen 2030</h2>\n";
  {
    ASSIGN_OR_RETURN(std::vector<TargetRow> targets,
                     ComputeTargets(workspace, {.gemeente = gemeente, .audience = audience.ToString()}));
    if (targets.empty()) {
      html << "<p>Geen doelen met genoeg jaren om te volgen.</p>\n";
    } else {
      html
          << "<table>\n<caption>Doelen 2030 van " << Escape(region->name)
          << "</caption>\n<thead><tr><th scope=\"col\">Indicator</th><th scope=\"col\" class=\"num\">Laatste "
             "waarde</th><th scope=\"col\" class=\"num\">Doel</th><th scope=\"col\" class=\"num\">Verwacht "
             "2030</th><th scope=\"col\" class=\"num\">Marge</th><th scope=\"col\">Status</th></tr></thead>\n<tbody>\n";
      for (const TargetRow& t : targets) {
        const auto& tr = t.trend;
        const std::string status = tr.status == "op_koers"        ? "✓ op koers"
                                   : tr.status == "niet_op_koers" ? "✗ niet op koers"
                                                                  : "? onzeker";
        html << "<tr><th scope=\"row\">" << Escape(t.title) << "</th><td class=\"num\">" << Display(tr.last_value)
             << " (" << tr.last_year << ")</td><td class=\"num\">" << Display(t.target) << (t.example ? "*" : "")
             << "</td><td class=\"num\">" << (tr.projected ? Display(*tr.projected) : "–") << "</td><td class=\"num\">"
             << (tr.lower ? Display(*tr.lower) + " – " + Display(*tr.upper) : "–") << "</td><td>" << status
             << "</td></tr>\n";
        ++file.targets;
      }
      html << "</tbody>\n</table>\n<p class=\"legend\">* voorbeelddoel: het bestuur stelt het doel nog vast."
           << (audience.kind == AudienceKind::kAnalyst ? ""
                                                       : " De verwachting is berekend uit de gepubliceerde "
                                                         "jaarcijfers; een niet getoond jaar telt niet mee.")
           << "</p>\n";
    }
  }
  html << "</main>\n<footer><p>Samenzicht is het data- en signaleringsplatform van SamenTwente (GGD Twente, Veilig "
          "Thuis Twente, OZJT, Kennispunt Twente). "
       << Escape(twente ? twente->name : "Twente")
       << " is het gebied van de 14 Twentse gemeenten.</p></footer>\n</body>\n</html>\n";
  if (summary) *summary = file;
  return html.str();
}

Status PrintToPdf(const std::string& program, const std::string& html_path, const std::string& pdf_path) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::path profile = fs::temp_directory_path(error) / ("sz-chromium-" + std::to_string(::getpid()));
  fs::create_directories(profile, error);
  const std::string log = (profile / "chromium.log").string();
  const std::string tmp = pdf_path + ".tmp";
  std::vector<std::string> args = {program,
                                   "--headless",
                                   "--no-sandbox",
                                   "--disable-gpu",
                                   "--no-first-run",
                                   "--disable-background-networking",
                                   "--disable-component-update",
                                   "--disable-sync",
                                   "--no-pdf-header-footer",
                                   "--user-data-dir=" + profile.string(),
                                   "--print-to-pdf=" + tmp,
                                   "file://" + fs::absolute(html_path).string()};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  auto cleanup = [&] { fs::remove_all(profile, error); };
  if (spawned != 0) {
    cleanup();
    return IoError("kan " + program + " niet starten om de PDF te maken (" + std::strerror(spawned) +
                   "); installeer Debian's chromium (scripts/setup.sh) of gebruik --zonder-pdf");
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  std::ifstream in(log);
  std::stringstream printed;
  printed << in.rdbuf();
  cleanup();
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !fs::exists(tmp) || fs::file_size(tmp, error) == 0) {
    fs::remove(tmp, error);
    std::string tail = printed.str();
    if (tail.size() > 600) tail = tail.substr(tail.size() - 600);
    return IoError(program + " maakte geen PDF van " + html_path + ": " + tail);
  }
  fs::rename(tmp, pdf_path, error);
  if (error) return IoError("kan " + pdf_path + " niet schrijven: " + error.message());
  return Status::Ok();
}

Result<std::vector<FactsheetFile>> WriteFactsheets(Workspace& workspace, const FactsheetRequest& request) {
  ASSIGN_OR_RETURN(const RegionTable* regions, workspace.Regions());
  std::vector<std::string> codes = request.gemeenten;
  if (request.all)
    for (const Region* r : regions->AtLevel(RegionLevel::kGemeente)) codes.push_back(r->code);
  if (codes.empty()) return InvalidArgumentError("geef een gemeente (--gemeente GMxxxx) of --alle");
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  if (request.out_dir.empty()) return InvalidArgumentError("geef een map voor de factsheets (--out MAP)");
  // Every sheet is made before any is written, so that an error leaves the folder as it was.
  std::vector<std::pair<FactsheetFile, std::string>> sheets;
  for (const std::string& code : codes) {
    FactsheetFile file;
    ASSIGN_OR_RETURN(std::string html, FactsheetHtml(workspace, code, request.audience, &file));
    sheets.emplace_back(std::move(file), std::move(html));
  }
  std::error_code error;
  std::filesystem::create_directories(request.out_dir, error);
  if (error) return IoError("kan de map " + request.out_dir + " niet maken: " + error.message());
  std::vector<FactsheetFile> files;
  for (auto& [file, html] : sheets) {
    const std::string base = (std::filesystem::path(request.out_dir) / ("factsheet-" + file.gemeente)).string();
    file.html = base + ".html";
    RETURN_IF_ERROR(WriteTextFile(html, file.html));
    RETURN_IF_ERROR(WriteProvenance(file.html, {.command = "report",
                                                .fields = {{"gemeente", file.gemeente},
                                                           {"doelgroep", file.audience},
                                                           {"indicatoren", std::to_string(file.indicators)},
                                                           {"niet_getoond", std::to_string(file.suppressed)}}}));
    if (request.pdf) {
      file.pdf = base + ".pdf";
      RETURN_IF_ERROR(PrintToPdf(request.chromium, file.html, file.pdf));
    }
    files.push_back(file);
  }
  return files;
}

}  // namespace sz::pipeline
