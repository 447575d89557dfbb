#include "server/api.h"

#include <unistd.h>

#include <atomic>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <vector>

#include "http/static_files.h"
#include "indicators/catalog.h"
#include "pipeline/accounts.h"
#include "pipeline/audience.h"
#include "pipeline/audit.h"
#include "pipeline/catalog.h"
#include "pipeline/export.h"
#include "pipeline/signals.h"
#include "pipeline/targets.h"
#include "server/messages.h"
#include "server/response_cache.h"
#include "server/sessions.h"
#include "store/settings.h"

namespace sz::server {
namespace {

using nlohmann::json;
constexpr const char* kCookie = "sz_sessie";

http::Response Json(int status, const json& body) {
  http::Response response;
  response.status = status;
  response.body = body.dump();
  return response;
}

http::Response Error(int status, const std::string& message) { return http::JsonError(status, message); }

// The HTTP status for a stage's refusal.
int StatusFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kAlreadyExists:
    case StatusCode::kFailedPrecondition: return 409;
    case StatusCode::kDataError: return 422;
    default: return 500;
  }
}

http::Response FromStatus(const Status& status) {
  const int code = StatusFor(status);
  // An internal error's text may name files or SQL: the client gets a general message.
  return Error(code, code == 500 ? msg::InternalError() : status.message());
}

// --- Parameters -------------------------------------------------------------------------------

bool AllOf(std::string_view text, bool (*allowed)(char)) {
  for (char c : text)
    if (!allowed(c)) return false;
  return true;
}
bool IdChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }
bool CodeChar(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool PeriodChar(char c) { return (c >= '0' && c <= '9') || c == '-' || c == 'W' || c == 'Q' || c == 'K'; }
bool BreakdownChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '=' ||
         c == ',' || c == ';' || c == ':' || c == '.' || c == '-' || c == ' ' || c == '+';
}

// The query parameters of one request, checked against the names the endpoint knows.
class Params {
 public:
  static Result<Params> Of(const http::Request& request, std::initializer_list<std::string_view> known) {
    Params params;
    for (const auto& [name, value] : request.query) {
      bool is_known = false;
      for (std::string_view k : known) is_known = is_known || k == name;
      if (!is_known) return InvalidArgumentError(msg::UnknownParameter(name, known));
      if (params.values_.count(name)) return InvalidArgumentError(msg::RepeatedParameter(name));
      params.values_[name] = value;
    }
    return params;
  }
  std::string Get(const std::string& name) const {
    auto it = values_.find(name);
    return it == values_.end() ? "" : it->second;
  }
  bool Has(const std::string& name) const { return values_.count(name) > 0; }

 private:
  std::map<std::string, std::string> values_;
};

Status CheckShape(const std::string& name, const std::string& value, bool (*allowed)(char), size_t max_length,
                  const char* example) {
  if (value.empty() || value.size() > max_length || !AllOf(value, allowed))
    return InvalidArgumentError(msg::BadParameter(name, example));
  return Status::Ok();
}

Result<std::optional<RegionLevel>> ParseLevel(const std::string& text) {
  if (text.empty()) return std::optional<RegionLevel>();
  if (text == "twente") return std::optional<RegionLevel>(RegionLevel::kRegio);
  if (text == "gemeente") return std::optional<RegionLevel>(RegionLevel::kGemeente);
  if (text == "wijk") return std::optional<RegionLevel>(RegionLevel::kWijk);
  return InvalidArgumentError(msg::BadParameter("niveau", "twente, gemeente of wijk"));
}

std::string CookieValue(const http::Request& request, std::string_view name) {
  const std::string header = request.Header("cookie");
  size_t start = 0;
  while (start < header.size()) {
    size_t end = header.find(';', start);
    if (end == std::string::npos) end = header.size();
    std::string_view part(header.data() + start, end - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.size() > name.size() && part.substr(0, name.size()) == name && part[name.size()] == '=')
      return std::string(part.substr(name.size() + 1));
    start = end + 1;
  }
  return "";
}

std::optional<store::Account> AccountNamed(pipeline::Workspace& ws, const std::string& name) {
  Result<store::Store*> store = ws.Store();
  if (!store.ok()) return std::nullopt;
  Result<std::optional<store::Account>> account = (*store)->accounts().Get(name);
  if (!account.ok()) return std::nullopt;
  return *account;
}

json ParametersJson(const http::Request& request) {
  json parameters = json::object();
  for (const auto& [name, value] : request.query) parameters[name] = value;
  return parameters;
}

json CellJson(const pipeline::ExportedCell& cell) {
  const std::vector<std::string>& columns = pipeline::ExportColumns();
  json out = json::object();
  for (size_t i = 0; i < columns.size(); ++i) {
    if (cell.number[i]) {
      out[columns[i]] = *cell.number[i];
    } else if (cell.text[i].empty()) {
      out[columns[i]] = nullptr;
    } else {
      out[columns[i]] = cell.text[i];
    }
  }
  return out;
}

json IndicatorJson(const indicators::Indicator& ind) {
  json levels = json::array();
  for (RegionLevel level : ind.levels) levels.push_back(std::string(indicators::CatalogLevelName(level)));
  json out = {{"id", ind.id},
              {"titel", ind.title},
              {"definitie", ind.definition},
              {"thema", std::string(indicators::ThemeName(ind.theme))},
              {"soort", std::string(indicators::IndicatorKindName(ind.kind))},
              {"eenheid", ind.unit},
              {"richting", std::string(indicators::DirectionName(ind.direction))},
              {"bronnen", ind.sources},
              {"niveaus", levels},
              {"uitsplitsingen", ind.breakdowns},
              {"doel_2030", ind.target_2030 ? json(ind.target_2030->value) : json(nullptr)}};
  return out;
}

}  // namespace

// --- The API --------------------------------------------------------------------------------

// GET /api/wijkgrenzen without --wijkgrenzen: a topology without wijken (the dashboard draws bars).
constexpr std::string_view kNoBoundaries =
    R"({"type":"Topology","arcs":[],"objects":{"wijken":{"type":"GeometryCollection","geometries":[]}}})";

struct Api::Impl {
  ApiOptions options;
  std::unique_ptr<pipeline::Workspace> meta;  // regions and catalogue, read-only after Create
  const RegionTable* regions = nullptr;
  indicators::Catalog catalog;
  Sessions sessions;
  LoginThrottle throttle;

  std::mutex pool_mutex;
  std::vector<std::unique_ptr<pipeline::Workspace>> pool;
  // Audit entries are appended one at a time: the io threads queue here instead of in SQLite's busy
  // handler, which sleeps for milliseconds between its tries.
  std::mutex audit_mutex;
  ResponseCache answers;                     // of /api/waarden and /api/publiek/waarden
  std::optional<WijkBoundaries> boundaries;  // read-only after Create

  Impl(const ApiOptions& o)
      : options(o), sessions(o.session_idle_seconds), throttle(o.max_login_failures, o.login_window_seconds) {}

  const Clock& clock() const { return meta->clock(); }
  int64_t Now() const { return clock().NowUnixSeconds(); }

  // A workspace for one request, back to the pool when the lease ends.
  class Lease {
   public:
    Lease(Impl* impl, std::unique_ptr<pipeline::Workspace> ws) : impl_(impl), ws_(std::move(ws)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (!ws_) return;
      std::lock_guard lock(impl_->pool_mutex);
      impl_->pool.push_back(std::move(ws_));
    }
    pipeline::Workspace& operator*() { return *ws_; }

   private:
    Impl* impl_;
    std::unique_ptr<pipeline::Workspace> ws_;
  };

  Result<Lease> Take() {
    {
      std::lock_guard lock(pool_mutex);
      if (!pool.empty()) {
        std::unique_ptr<pipeline::Workspace> ws = std::move(pool.back());
        pool.pop_back();
        return Lease(this, std::move(ws));
      }
    }
    ASSIGN_OR_RETURN(pipeline::Workspace ws, pipeline::Workspace::Open(options.workspace));
    ASSIGN_OR_RETURN(store::Store * store, ws.Store());
    (void)store;
    return Lease(this, std::make_unique<pipeline::Workspace>(std::move(ws)));
  }

  // Appends an audit entry; a failure to audit fails the request (no unaudited read).
  Status Audit(pipeline::Workspace& ws, const std::string& user, const http::Request& request, int64_t cells,
               int outcome, json parameters) {
    std::lock_guard lock(audit_mutex);
    return pipeline::RecordAudit(ws, {.user = user.empty() ? "-" : user,
                                      .action = request.method + " " + request.path,
                                      .parameters = parameters.dump(),
                                      .cells = cells,
                                      .outcome = std::to_string(outcome)})
        .status();
  }

  // A response, audited; an audit failure turns it into a 500.
  http::Response Audited(pipeline::Workspace& ws, const std::string& user, const http::Request& request,
                         http::Response response, int64_t cells, json parameters) {
    Status audited = Audit(ws, user, request, cells, response.status, std::move(parameters));
    if (!audited.ok()) return Error(500, msg::AuditFailed());
    return response;
  }

  http::Response Handle(const http::Request& request);
  http::Response Route(const http::Request& request);

  // Endpoints.
  http::Response Health();
  http::Response Login(const http::Request& request);
  http::Response Logout(const http::Request& request, const Session& session);
  http::Response Me(const Session& session);
  http::Response Regions(const http::Request& request);
  http::Response Indicators(const http::Request& request, bool public_only);
  http::Response Values(const http::Request& request, const std::string& user, const pipeline::Audience& audience,
                        bool export_file);
  http::Response SignalList(const http::Request& request, const Session& session, const pipeline::Role& role);
  http::Response Triage(const http::Request& request, const Session& session, const pipeline::Role& role, int64_t id);
  http::Response AuditList(const http::Request& request, const Session& session);
  http::Response Targets(const http::Request& request, const Session& session, const pipeline::Role& role);
  http::Response Accounts(const http::Request& request, const Session& session);
  http::Response Keys(const http::Request& request, const Session& session);

  // The session of the request, checked against its account (still there, same role, password not
  // changed since the login).
  std::optional<Session> SessionOf(const http::Request& request, pipeline::Workspace& ws);
  // Whether `audience` may read what the request names; a Dutch refusal otherwise.
  std::optional<std::string> Refusal(const pipeline::Audience& audience, const indicators::Indicator* indicator,
                                     const std::string& region, std::optional<RegionLevel> level,
                                     const std::string& gemeente);
};

std::optional<Session> Api::Impl::SessionOf(const http::Request& request, pipeline::Workspace& ws) {
  const std::string token = CookieValue(request, kCookie);
  if (token.empty()) return std::nullopt;
  std::optional<Session> session = sessions.Touch(token, Now());
  if (!session) return std::nullopt;
  Result<store::Store*> store = ws.Store();
  if (!store.ok()) return std::nullopt;
  Result<std::optional<store::Account>> account = (*store)->accounts().Get(session->user);
  if (!account.ok() || !account->has_value() || (*account)->role != session->role ||
      (*account)->password_hash != session->credential) {
    sessions.Remove(token);
    return std::nullopt;
  }
  return session;
}

std::optional<std::string> Api::Impl::Refusal(const pipeline::Audience& audience,
                                              const indicators::Indicator* indicator, const std::string& region,
                                              std::optional<RegionLevel> level, const std::string& gemeente) {
  using pipeline::AudienceKind;
  if (audience.kind == AudienceKind::kAnalyst) return std::nullopt;
  const Region* named = region.empty() ? nullptr : regions->Find(region);
  const bool wijk_named = (named != nullptr && named->level == RegionLevel::kWijk);
  const bool wijk_asked = wijk_named || level == RegionLevel::kWijk;
  if (!wijk_asked) return std::nullopt;
  switch (audience.kind) {
    case AudienceKind::kPublic: return msg::PublicSeesNoWijken();
    case AudienceKind::kGemeente: {
      const std::string asked = wijk_named ? ImpliedParentCode(region) : gemeente;
      if (asked.empty()) return std::nullopt;  // every wijk asked: filtered to its own below
      if (asked != audience.code) return msg::OtherGemeentesWijken(asked);
      return std::nullopt;
    }
    case AudienceKind::kDesk:
      if (indicator != nullptr && !pipeline::ReadsOnlyDesk(indicator->sources, audience.code))
        return msg::OtherDesksWijken(indicator->id);
      return std::nullopt;
    case AudienceKind::kAnalyst: return std::nullopt;
  }
  return std::nullopt;
}

http::Response Api::Impl::Health() {
  Result<Lease> lease = Take();
  if (!lease.ok()) return Error(503, msg::StoreUnavailable());
  return Json(200, {{"status", "ok"}});
}

http::Response Api::Impl::Login(const http::Request& request) {
  if (request.Header("content-type").rfind("application/json", 0) != 0) return Error(415, msg::JsonBodyNeeded());
  json body = json::parse(request.body, nullptr, false);
  if (body.is_discarded() || !body.is_object() || !body.contains("gebruikersnaam") || !body.contains("wachtwoord") ||
      !body["gebruikersnaam"].is_string() || !body["wachtwoord"].is_string())
    return Error(400, msg::LoginBody());
  const std::string name = body["gebruikersnaam"];
  const std::string password = body["wachtwoord"];
  const std::string account_key = "konto:" + name, address_key = "adres:" + request.client_address;
  const int64_t now = Now();
  if (!throttle.Allowed(account_key, now) || !throttle.Allowed(address_key, now)) {
    http::Response refused = Error(429, msg::TooManyAttempts(options.login_window_seconds / 60));
    refused.headers.push_back({"Retry-After", std::to_string(options.login_window_seconds)});
    return refused;
  }
  Result<Lease> lease = Take();
  if (!lease.ok()) return Error(503, msg::StoreUnavailable());
  pipeline::Workspace& ws = **lease;
  const bool valid_name = pipeline::CheckAccountName(name).ok();
  Result<std::optional<pipeline::SignedIn>> who =
      valid_name ? pipeline::Authenticate(ws, name, password, options.password_cost)
                 : Result<std::optional<pipeline::SignedIn>>(std::optional<pipeline::SignedIn>());
  if (!valid_name) privacy::VerifyPasswordOfNobody(password, options.password_cost);
  if (!who.ok()) return FromStatus(who.status());
  if (!who->has_value()) {
    throttle.Failure(account_key, now);
    throttle.Failure(address_key, now);
    // The attempted name is audited only when it is an account (a name field can hold a password).
    std::optional<store::Account> account = valid_name ? AccountNamed(ws, name) : std::nullopt;
    return Audited(ws, account ? name : "-", request, Error(401, msg::WrongLogin()), 0, json::object());
  }
  throttle.Clear(account_key);
  std::optional<store::Account> account = AccountNamed(ws, name);
  if (!account) return Error(401, msg::WrongLogin());  // removed in between
  Result<Session> session = sessions.Create((*who)->name, (*who)->role.ToString(), account->password_hash, now);
  if (!session.ok()) return FromStatus(session.status());
  http::Response response = Json(200, {{"csrf_token", session->csrf},
                                       {"gebruikersnaam", session->user},
                                       {"rol", session->role},
                                       {"sessie_verloopt_na_seconden", options.session_idle_seconds}});
  response.headers.push_back({"Set-Cookie", std::string(kCookie) + "=" + session->token +
                                                "; Path=/; HttpOnly; SameSite=Strict" +
                                                (options.secure_cookies ? "; Secure" : "")});
  return Audited(ws, session->user, request, response, 0, json::object());
}

http::Response Api::Impl::Logout(const http::Request& request, const Session& session) {
  sessions.Remove(session.token);
  http::Response response = Json(200, {{"uitgelogd", true}});
  response.headers.push_back({"Set-Cookie", std::string(kCookie) + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" +
                                                (options.secure_cookies ? "; Secure" : "")});
  Result<Lease> lease = Take();
  if (!lease.ok()) return Error(503, msg::StoreUnavailable());
  return Audited(**lease, session.user, request, response, 0, json::object());
}

http::Response Api::Impl::Me(const Session& session) {
  return Json(200, {{"gebruikersnaam", session.user},
                    {"rol", session.role},
                    {"csrf_token", session.csrf},
                    {"sessie_verloopt_na_seconden", options.session_idle_seconds}});
}

http::Response Api::Impl::Regions(const http::Request& request) {
  Result<Params> params = Params::Of(request, {});
  if (!params.ok()) return FromStatus(params.status());
  json list = json::array();
  for (RegionLevel level : {RegionLevel::kRegio, RegionLevel::kGemeente, RegionLevel::kWijk}) {
    for (const Region* region : regions->AtLevel(level)) {
      if (level == RegionLevel::kRegio && region->code == "NL01") continue;
      list.push_back({{"code", region->code},
                      {"naam", region->name},
                      {"niveau", std::string(indicators::CatalogLevelName(level))},
                      {"ouder", region->parent_code}});
    }
  }
  return Json(200, list);
}

http::Response Api::Impl::Indicators(const http::Request& request, bool public_only) {
  Result<Params> params = Params::Of(request, {"thema"});
  if (!params.ok()) return FromStatus(params.status());
  const std::string theme = params->Get("thema");
  json list = json::array();
  for (const indicators::Indicator& ind : catalog.indicators) {
    if (!theme.empty() && indicators::ThemeName(ind.theme) != theme) continue;
    json item = IndicatorJson(ind);
    if (public_only) {
      json levels = json::array();
      for (const auto& level : item["niveaus"])
        if (level != "wijk") levels.push_back(level);
      item["niveaus"] = levels;
    }
    list.push_back(item);
  }
  return Json(200, list);
}

http::Response Api::Impl::Values(const http::Request& request, const std::string& user,
                                 const pipeline::Audience& audience, bool export_file) {
  Result<Lease> lease = Take();
  if (!lease.ok()) return Error(503, msg::StoreUnavailable());
  pipeline::Workspace& ws = **lease;
  const json parameters = ParametersJson(request);
  auto refuse = [&](http::Response response) { return Audited(ws, user, request, response, 0, parameters); };

  Result<Params> params =
      export_file ? Params::Of(request, {"indicator", "gemeente", "niveau", "formaat", "dialect"})
                  : Params::Of(request, {"indicator", "regio", "niveau", "periode", "uitsplitsing", "gemeente"});
  if (!params.ok()) return refuse(FromStatus(params.status()));
  const std::string id = params->Get("indicator");
  if (!params->Has("indicator")) return refuse(Error(400, msg::MissingParameter("indicator")));
  if (Status s = CheckShape("indicator", id, IdChar, 64, "vt_meldingen_per_1000"); !s.ok())
    return refuse(FromStatus(s));
  const indicators::Indicator* indicator = indicators::FindIndicator(catalog, id);
  if (indicator == nullptr) return refuse(Error(404, msg::UnknownIndicator(id)));
  const std::string region = params->Get("regio"), gemeente = params->Get("gemeente");
  for (const auto& [name, value] : {std::pair{"regio", region}, std::pair{"gemeente", gemeente}}) {
    if (!params->Has(name)) continue;
    if (Status s = CheckShape(name, value, CodeChar, 12, "GM0153"); !s.ok()) return refuse(FromStatus(s));
    const Region* found = regions->Find(value);
    if (found == nullptr || (std::string_view(name) == "gemeente" && found->level != RegionLevel::kGemeente))
      return refuse(Error(404, msg::UnknownRegion(name, value)));
  }
  Result<std::optional<RegionLevel>> level = ParseLevel(params->Get("niveau"));
  if (params->Has("niveau") && params->Get("niveau").empty()) level = ParseLevel("?");
  if (!level.ok()) return refuse(FromStatus(level.status()));
  if (params->Has("periode")) {
    if (Status s = CheckShape("periode", params->Get("periode"), PeriodChar, 16, "2024, 2024-03 of 2024-W07"); !s.ok())
      return refuse(FromStatus(s));
  }
  if (params->Has("uitsplitsing")) {
    if (Status s = CheckShape("uitsplitsing", params->Get("uitsplitsing"), BreakdownChar, 128, "totaal"); !s.ok())
      return refuse(FromStatus(s));
  }
  if (std::optional<std::string> no = Refusal(audience, indicator, region, *level, gemeente))
    return refuse(Error(403, *no));

  if (export_file) {
    const std::string format = params->Has("formaat") ? params->Get("formaat") : "csv";
    if (format != "csv" && format != "xlsx") return refuse(Error(400, msg::BadParameter("formaat", "csv of xlsx")));
    const std::string dialect = params->Has("dialect") ? params->Get("dialect") : "dutch";
    if (dialect != "dutch" && dialect != "plain")
      return refuse(Error(400, msg::BadParameter("dialect", "dutch of plain")));
    static std::atomic<int> counter{0};
    const std::filesystem::path path =
        std::filesystem::temp_directory_path() /
        ("sz-export-" + std::to_string(getpid()) + "-" + std::to_string(++counter) + "." + format);
    Result<pipeline::ExportReport> report = pipeline::ExportCells(ws, {.out = path.string(),
                                                                       .indicators = {id},
                                                                       .gemeente = gemeente,
                                                                       .level = *level,
                                                                       .format = format,
                                                                       .dialect = dialect,
                                                                       .audience = audience.ToString()});
    http::Response response;
    if (report.ok()) {
      std::ifstream in(path, std::ios::binary);
      std::stringstream bytes;
      bytes << in.rdbuf();
      response.body = bytes.str();
      response.content_type = format == "csv" ? "text/csv; charset=utf-8"
                                              : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
      response.headers.push_back(
          {"Content-Disposition", "attachment; filename=\"samenzicht-" + id + "." + format + "\""});
    }
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
    std::filesystem::remove(path.string() + ".json", ignored);
    if (!report.ok()) return refuse(FromStatus(report.status()));
    return Audited(ws, user, request, response, report->rows, parameters);
  }

  // The answer depends on the selection, the audience and the version of the figures only, so an
  // equal request under an equal version is answered from the cache (and still audited).
  Result<std::string> version = pipeline::CellsVersion(ws);
  if (!version.ok()) return refuse(FromStatus(version.status()));
  std::string key = audience.ToString();
  for (const std::string& part : {id, gemeente, std::string(level->has_value() ? RegionLevelName(**level) : "*"),
                                  region, params->Get("periode"), params->Get("uitsplitsing")})
    key += '\x1f' + part;  // a byte no checked parameter may hold
  if (std::optional<CachedAnswer> hit = answers.Find(*version, key)) {
    http::Response response;
    response.body = std::move(hit->body);
    return Audited(ws, user, request, std::move(response), hit->cells, parameters);
  }
  Result<std::vector<pipeline::ExportedCell>> cells = pipeline::SelectCells(ws,
                                                                            {.indicators = {id},
                                                                             .gemeente = gemeente,
                                                                             .level = *level,
                                                                             .region = region,
                                                                             .period = params->Get("periode"),
                                                                             .breakdown = params->Get("uitsplitsing"),
                                                                             .audience = audience.ToString(),
                                                                             .catalog = &catalog},
                                                                            false);
  if (!cells.ok()) return refuse(FromStatus(cells.status()));
  json list = json::array();
  for (const pipeline::ExportedCell& cell : *cells) list.push_back(CellJson(cell));
  const int64_t count = static_cast<int64_t>(cells->size());
  http::Response response = Json(200, {{"aantal", count}, {"cellen", list}});
  answers.Put(*version, key, {.body = response.body, .cells = count});
  return Audited(ws, user, request, std::move(response), count, parameters);
}

http::Response Api::Impl::SignalList(const http::Request& request, const Session& session, const pipeline::Role& role) {
  Result<Lease> lease = Take();
  if (!lease.ok()) return Error(503, msg::StoreUnavailable());
  pipeline::Workspace& ws = **lease;
  const json parameters = ParametersJson(request);
  auto refuse = [&](http::Response r) { return Audited(ws, session.user, request, r, 0, parameters); };
  if (role.kind != pipeline::RoleKind::kAnalyst && role.kind != pipeline::RoleKind::kDesk)
    return refuse(Error(403, msg::NoSignalsForRole()));
  Result<Params> params = Params::Of(request, {"status"});
  if (!params.ok()) return refuse(FromStatus(params.status()));
  std::optional<std::string> status;
  if (params->Has("status")) status = params->Get("status");
  Result<std::vector<store::StoredSignal>> list = pipeline::ListSignals(ws, status);
  if (!list.ok()) return refuse(FromStatus(list.status()));
  std::vector<store::StoredSignal> visible;
  for (store::StoredSignal& s : *list) {
    if (role.kind == pipeline::RoleKind::kDesk &&
        std::find(s.sources.begin(), s.sources.end(), role.code) == s.sources.end())
      continue;
    visible.push_back(std::move(s));
  }
  http::Response response;
  response.body = pipeline::SignalsJson(visible);
  return Audited(ws, session.user, request, response, static_cast<int64_t>(visible.size()), parameters);
}

http::Response Api::Impl::Triage(const http::Request& request, const Session& session, const pipeline::Role& role,
                                 int64_t id) {
  Result<Lease> lease = Take();
  if (!lease.ok()) return Error(503, msg::StoreUnavailable());
  pipeline::Workspace& ws = **lease;
  json parameters = {{"id", id}};
  auto refuse = [&](http::Response r) { return Audited(ws, session.user, request, r, 0, parameters); };
  if (role.kind != pipeline::RoleKind::kAnalyst && role.kind != pipeline::RoleKind::kDesk)
    return refuse(Error(403, msg::NoSignalsForRole()));
  json body = json::parse(request.body, nullptr, false);
  if (body.is_discarded() || !body.is_object() || !body.contains("status") || !body["status"].is_string() ||
      (body.contains("notitie") && !body["notitie"].is_string()))
    return refuse(Error(400, msg::TriageBody()));
  for (const auto& [key, value] : body.items()) {
    if (key != "status" && key != "notitie") return refuse(Error(400, msg::UnknownField(key)));
  }
  const std::string status = body["status"];
  const std::string note = body.value("notitie", "");
  if (note.size() > 4000) return refuse(Error(400, msg::NoteTooLong(4000)));
  parameters["status"] = status;
  Result<store::StoredSignal> signal = pipeline::ShowSignal(ws, id);
  if (!signal.ok()) return refuse(FromStatus(signal.status()));
  if (role.kind == pipeline::RoleKind::kDesk &&
      std::find(signal->sources.begin(), signal->sources.end(), role.code) == signal->sources.end())
    return refuse(Error(403, msg::OtherDesksSignal()));
  Result<store::StoredSignal> after =
      pipeline::TriageSignal(ws, {.id = id, .status = status, .note = note, .by = session.user});
  if (!after.ok()) return refuse(FromStatus(after.status()));
  json list = json::parse(pipeline::SignalsJson({*after}));
  return Audited(ws, session.user, request, Json(200, list.at(0)), 1, parameters);
}

http::Response Api::Impl::AuditList(const http::Request& request, const Session& session) {
  Result<Lease> lease = Take();
  if (!lease.ok()) return Error(503, msg::StoreUnavailable());
  pipeline::Workspace& ws = **lease;
  const json parameters = ParametersJson(request);
  Result<Params> params = Params::Of(request, {"van", "gebruiker"});
  if (!params.ok()) return Audited(ws, session.user, request, FromStatus(params.status()), 0, parameters);
  Result<std::vector<store::AuditEntry>> entries =
      pipeline::ListAudit(ws, params->Get("van"), params->Get("gebruiker"));
  if (!entries.ok()) return Audited(ws, session.user, request, FromStatus(entries.status()), 0, parameters);
  json list = json::array();
  for (const store::AuditEntry& e : *entries) {
    list.push_back(
        {{"nr", e.seq},
         {"tijd", e.at},
         {"gebruiker", e.user},
         {"handeling", e.action},
         {"parameters",
          json::parse(e.parameters, nullptr, false).is_discarded() ? json(e.parameters) : json::parse(e.parameters)},
         {"cellen", e.cells},
         {"uitkomst", e.outcome},
         {"hash", e.hash}});
  }
  return Audited(ws, session.user, request, Json(200, list), static_cast<int64_t>(entries->size()), parameters);
}

http::Response Api::Impl::Targets(const http::Request& request, const Session& session, const pipeline::Role& role) {
  Result<Lease> lease = Take();
  if (!lease.ok()) return Error(503, msg::StoreUnavailable());
  pipeline::Workspace& ws = **lease;
  const json parameters = ParametersJson(request);
  auto answer = [&](http::Response r, int64_t cells) {
    return Audited(ws, session.user, request, r, cells, parameters);
  };
  // The analysts' projections are made from the computed cells, every other role's from the cells
  // published to its audience (pipeline/targets.h); the beheerder reads no figures.
  const std::optional<pipeline::Audience> audience = role.FigureAudience();
  if (!audience) return answer(Error(403, msg::AdminSeesNoFigures()), 0);
  Result<Params> params = Params::Of(request, {"gemeente"});
  if (!params.ok()) return answer(FromStatus(params.status()), 0);
  const std::string gemeente = params->Get("gemeente");
  if (params->Has("gemeente")) {
    if (Status s = CheckShape("gemeente", gemeente, CodeChar, 12, "GM0153"); !s.ok()) return answer(FromStatus(s), 0);
  }
  Result<std::vector<pipeline::TargetRow>> rows =
      pipeline::ComputeTargets(ws, {.gemeente = gemeente, .audience = audience->ToString()});
  if (!rows.ok()) return answer(FromStatus(rows.status()), 0);
  auto optional = [](const std::optional<double>& v) { return v ? json(*v) : json(nullptr); };
  json list = json::array();
  for (const pipeline::TargetRow& r : *rows) {
    list.push_back({{"indicator", r.indicator},
                    {"titel", r.title},
                    {"regio", r.region},
                    {"regio_naam", r.region_name},
                    {"niveau", r.level},
                    {"doel", r.target},
                    {"doel_is_voorbeeld", r.example},
                    {"landelijke_referentie", optional(r.national_reference)},
                    {"basisjaar", r.trend.first_year},
                    {"basiswaarde", r.trend.first_value},
                    {"laatste_jaar", r.trend.last_year},
                    {"laatste_waarde", r.trend.last_value},
                    {"trend_per_jaar", optional(r.trend.slope)},
                    {"verwacht_2030", optional(r.trend.projected)},
                    {"ondergrens_2030", optional(r.trend.lower)},
                    {"bovengrens_2030", optional(r.trend.upper)},
                    {"status", r.trend.status}});
  }
  return answer(Json(200, list), static_cast<int64_t>(rows->size()));
}

http::Response Api::Impl::Accounts(const http::Request& request, const Session& session) {
  Result<Lease> lease = Take();
  if (!lease.ok()) return Error(503, msg::StoreUnavailable());
  pipeline::Workspace& ws = **lease;
  Result<Params> params = Params::Of(request, {});
  if (!params.ok()) return Audited(ws, session.user, request, FromStatus(params.status()), 0, ParametersJson(request));
  Result<std::vector<store::Account>> accounts = pipeline::ListAccounts(ws);
  if (!accounts.ok()) return FromStatus(accounts.status());
  json list = json::array();
  for (const store::Account& a : *accounts) {
    list.push_back(
        {{"naam", a.name}, {"rol", a.role}, {"aangemaakt", a.created_at}, {"wachtwoord_gewijzigd", a.changed_at}});
  }
  return Audited(ws, session.user, request, Json(200, list), static_cast<int64_t>(accounts->size()), json::object());
}

http::Response Api::Impl::Keys(const http::Request& request, const Session& session) {
  Result<Lease> lease = Take();
  if (!lease.ok()) return Error(503, msg::StoreUnavailable());
  pipeline::Workspace& ws = **lease;
  Result<Params> params = Params::Of(request, {});
  if (!params.ok()) return Audited(ws, session.user, request, FromStatus(params.status()), 0, ParametersJson(request));
  Result<store::Store*> store = ws.Store();
  if (!store.ok()) return Error(503, msg::StoreUnavailable());
  Result<std::optional<std::string>> linkage = (*store)->settings().Get(store::kLinkageKeyFingerprintSetting);
  Result<std::vector<store::IngestedFile>> files = (*store)->ingest_log().Files();
  if (!linkage.ok() || !files.ok()) return Error(500, msg::InternalError());
  // Per source and key: how many extracts were made with it, and the latest.
  std::map<std::pair<std::string, std::string>, std::pair<int64_t, std::string>> keys;
  for (const store::IngestedFile& f : *files) {
    if (f.key_fingerprint.empty()) continue;
    auto& [count, latest] = keys[{f.source, f.key_fingerprint}];
    ++count;
    latest = std::max(latest, f.ingested_at);
  }
  json list = json::array();
  for (const auto& [key, use] : keys) {
    list.push_back({{"bron", key.first},
                    {"vingerafdruk", key.second},
                    {"extracten", use.first},
                    {"laatst_ingelezen", use.second}});
  }
  json body = {{"koppelsleutel", *linkage ? json(**linkage) : json(nullptr)}, {"meldpunten", list}};
  return Audited(ws, session.user, request, Json(200, body), 0, json::object());
}

http::Response Api::Impl::Route(const http::Request& request) {
  const std::string& path = request.path;
  const std::string& method = request.method;
  auto only = [&](const char* allowed) -> std::optional<http::Response> {
    if (method == allowed) return std::nullopt;
    http::Response r = Error(405, msg::MethodNotAllowed(allowed));
    r.headers.push_back({"Allow", allowed});
    return r;
  };

  // Without a session.
  if (path == "/api/gezondheid") {
    if (auto r = only("GET")) return *r;
    return Health();
  }
  if (path == "/api/inloggen") {
    if (auto r = only("POST")) return *r;
    return Login(request);
  }
  if (path == "/api/publiek/indicatoren") {
    if (auto r = only("GET")) return *r;
    return Indicators(request, true);
  }
  if (path == "/api/publiek/waarden") {
    if (auto r = only("GET")) return *r;
    return Values(request, "-", pipeline::Audience{pipeline::AudienceKind::kPublic, ""}, false);
  }

  // The endpoints that need a session; anything else is unknown.
  static const std::set<std::string> kSessionPaths = {
      "/api/uitloggen", "/api/ik",    "/api/regios", "/api/indicatoren", "/api/waarden",  "/api/signalen",
      "/api/export",    "/api/audit", "/api/doelen", "/api/gebruikers",  "/api/sleutels", "/api/wijkgrenzen"};
  std::optional<int64_t> triage_id;
  if (path.rfind("/api/signalen/", 0) == 0 && path.size() > 21 && path.substr(path.size() - 7) == "/triage") {
    const std::string id = path.substr(14, path.size() - 21);
    if (!id.empty() && id.size() <= 18 && AllOf(id, [](char c) { return c >= '0' && c <= '9'; }))
      triage_id = std::stoll(id);
  }
  if (!kSessionPaths.count(path) && !triage_id) return Error(404, msg::UnknownPath());

  Result<Lease> lease = Take();
  if (!lease.ok()) return Error(503, msg::StoreUnavailable());
  std::optional<Session> session = SessionOf(request, **lease);
  if (!session) return Error(401, msg::NotLoggedIn());
  if (method == "POST") {
    if (!SecretsEqual(request.Header("x-csrf-token"), session->csrf) || session->csrf.empty())
      return Error(403, msg::CsrfMissing());
  }
  Result<pipeline::Role> role = pipeline::ParseRole(session->role, *regions);
  if (!role.ok()) return Error(403, msg::RoleGone());
  // Return the lease before the endpoint takes its own.
  { Lease done = std::move(*lease); }

  if (path == "/api/uitloggen") {
    if (auto r = only("POST")) return *r;
    return Logout(request, *session);
  }
  if (path == "/api/ik") {
    if (auto r = only("GET")) return *r;
    return Me(*session);
  }
  if (path == "/api/regios") {
    if (auto r = only("GET")) return *r;
    return Regions(request);
  }
  if (path == "/api/indicatoren") {
    if (auto r = only("GET")) return *r;
    return Indicators(request, false);
  }
  if (path == "/api/wijkgrenzen") {  // geography, no figures: every role, not audited
    if (auto r = only("GET")) return *r;
    http::Response r;
    r.body = boundaries ? boundaries->topojson : std::string(kNoBoundaries);
    return r;
  }
  if (triage_id) {
    if (auto r = only("POST")) return *r;
    if (request.Header("content-type").rfind("application/json", 0) != 0) return Error(415, msg::JsonBodyNeeded());
    return Triage(request, *session, *role, *triage_id);
  }
  if (path == "/api/signalen") {
    if (auto r = only("GET")) return *r;
    return SignalList(request, *session, *role);
  }
  if (path == "/api/doelen") {
    if (auto r = only("GET")) return *r;
    return Targets(request, *session, *role);
  }
  if (path == "/api/gebruikers" || path == "/api/sleutels") {
    if (auto r = only("GET")) return *r;
    if (role->kind != pipeline::RoleKind::kAdmin) return Error(403, msg::ForAdminOnly());
    return path == "/api/gebruikers" ? Accounts(request, *session) : Keys(request, *session);
  }
  if (path == "/api/audit") {
    if (auto r = only("GET")) return *r;
    if (role->kind != pipeline::RoleKind::kAdmin) return Error(403, msg::AuditForAdminOnly());
    return AuditList(request, *session);
  }
  // Figures: /api/waarden and /api/export.
  if (auto r = only("GET")) return *r;
  std::optional<pipeline::Audience> audience = role->FigureAudience();
  if (!audience) {
    Result<Lease> audit_lease = Take();
    if (!audit_lease.ok()) return Error(503, msg::StoreUnavailable());
    return Audited(**audit_lease, session->user, request, Error(403, msg::AdminSeesNoFigures()), 0,
                   ParametersJson(request));
  }
  return Values(request, session->user, *audience, path == "/api/export");
}

http::Response Api::Impl::Handle(const http::Request& request) {
  if (request.path.rfind("/api/", 0) != 0) {
    if (options.static_root.empty() || (request.method != "GET" && request.method != "HEAD"))
      return Error(404, msg::UnknownPath());
    return http::ServeStaticFile(options.static_root, request.path);
  }
  return Route(request);
}

Result<std::unique_ptr<Api>> Api::Create(const ApiOptions& options) {
  auto impl = std::make_unique<Impl>(options);
  ASSIGN_OR_RETURN(pipeline::Workspace meta, pipeline::Workspace::Open(options.workspace));
  impl->meta = std::make_unique<pipeline::Workspace>(std::move(meta));
  ASSIGN_OR_RETURN(impl->regions, impl->meta->Regions());
  ASSIGN_OR_RETURN(impl->catalog, pipeline::LoadIndicatorCatalog(*impl->meta));
  if (!options.wijk_boundaries.empty()) {
    ASSIGN_OR_RETURN(impl->boundaries, LoadWijkBoundaries(options.wijk_boundaries, *impl->regions));
  }
  ASSIGN_OR_RETURN(store::Store * store, impl->meta->Store());  // migrates a new store once, up front
  (void)store;
  return std::unique_ptr<Api>(new Api(std::move(impl)));
}

Api::Api(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Api::~Api() = default;
http::Response Api::Handle(const http::Request& request) { return impl_->Handle(request); }
const WijkBoundaries* Api::wijk_boundaries() const { return impl_->boundaries ? &*impl_->boundaries : nullptr; }

}  // namespace sz::server
