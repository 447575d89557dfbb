// The HTTP API (server/api.h) over a real socket, on a small generated Twente that went through the
// whole pipeline (ingest, link, compute, signals, publish): every refusal first (no session, an expired
// session, CSRF, a gemeente reading another gemeente's wijken, a desk reading another desk, the
// public asking for wijken, the beheerder asking for figures, injection attempts in every parameter,
// ten wrong passwords), then what each role may read, and the audit entries the reads leave.
#include "server/api.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "http/http_server.h"
#include "http/raw_http_client.h"
#include "io/region_file.h"
#include "pipeline/accounts.h"
#include "pipeline/audit.h"
#include "pipeline/ingest.h"
#include "pipeline/run.h"
#include "store/sqlite/sqlite_store.h"
#include "support/synthetic_desks.h"

namespace sz::server {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kVtRate = "vt_meldingen_kindermishandeling_per_1000_minderjarigen";
constexpr const char* kWoningRate = "woningvervuiling_per_10000";
constexpr const char* kPassword = "een-goed-wachtwoord";

// A clock the test moves (sessions expire by it).
class MovableClock : public Clock {
 public:
  Date Today() const override { return Date::FromDayNumber(now_ / 86400); }
  int64_t NowUnixSeconds() const override { return now_; }
  void Advance(int64_t seconds) { now_ += seconds; }

 private:
  std::atomic<int64_t> now_{Date{2025, 1, 31}.DayNumber() * 86400};
};

std::string ConfigDir() { return std::string(SZ_SOURCE_DIR) + "/config"; }

struct Reply {
  int status = 0;
  json body;
  std::string raw;
  std::string set_cookie;
};

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(::testing::TempDir() + "/api-test-" + std::to_string(getpid()));
    fs::remove_all(*dir_);
    RegionTable regions = io::LoadRegionFile(ConfigDir() + "/regions/twente-synthetic-2024.csv").value();
    FixedClock fixed{Date{2025, 1, 31}};
    Status made = testing::GenerateAndPseudonymise(
        {.dir = *dir_, .seed = 11, .scale = 0.03, .first_year = 2022, .last_year = 2024}, regions, fixed, ConfigDir());
    ASSERT_TRUE(made.ok()) << made.ToString();
    const std::string db = *dir_ + "/api.db";
    {
      pipeline::Workspace ws =
          pipeline::Workspace::Open({.config_dir = ConfigDir(), .store_url = db, .clock = &fixed}).value();
      auto ingest = [&](const std::string& source, std::vector<std::string> files) {
        auto report = pipeline::Ingest(ws, {.source = source, .files = files});
        ASSERT_TRUE(report.ok()) << source << ": " << report.status().ToString();
      };
      for (const std::string& source : pipeline::DeskSources()) ingest(source, {*dir_ + "/" + source + ".csv"});
      ingest("bevolking", {*dir_ + "/desks/bevolking/bevolking.csv"});
      auto run = pipeline::RunAll(ws, {});
      ASSERT_TRUE(run.ok()) << run.status().ToString();
      const privacy::PasswordCost fast = privacy::PasswordCost::Minimal();
      for (const auto& [name, role] :
           std::vector<std::pair<std::string, std::string>>{{"beheer", "beheerder"},
                                                            {"ggd", "analist"},
                                                            {"vtt", "meldpunt:veilig_thuis"},
                                                            {"woning", "meldpunt:woningvervuiling"},
                                                            {"losser", "gemeente:GM0168"},
                                                            {"enschede", "gemeente:GM0153"}}) {
        ASSERT_TRUE(pipeline::AddAccount(ws, {.name = name, .role = role, .password = kPassword}, fast).ok());
      }
      // Two signals, one per desk, so that triage and its refusals have something to work on.
      store::Store& store = *ws.Store().value();
      store::Transaction tx = store.Begin().value();
      for (const char* source : {"veilig_thuis", "woningvervuiling"}) {
        store::StoredSignal s{.key = std::string("test/") + source,
                              .kind = "reeks",
                              .indicators = {source == std::string("veilig_thuis") ? kVtRate : kWoningRate},
                              .sources = {source},
                              .region = "GM0153",
                              .breakdown = "totaal",
                              .period_from = "2024-W40",
                              .period_to = "2024-W44",
                              .method = "earsC1",
                              .explanation = "test",
                              .status = "nieuw"};
        ASSERT_TRUE(store.signal_state().Add(s).ok());
      }
      ASSERT_TRUE(tx.Commit().ok());
    }
    // Wijk boundaries for Losser's wijken: one square each, side by side.
    json arcs = json::array(), geometries = json::array();
    for (const Region* wijk : regions.Children("GM0168")) {
      const int i = static_cast<int>(arcs.size());
      arcs.push_back(json::array({{6.9 + 0.01 * i, 52.25},
                                  {6.91 + 0.01 * i, 52.25},
                                  {6.91 + 0.01 * i, 52.26},
                                  {6.9 + 0.01 * i, 52.26},
                                  {6.9 + 0.01 * i, 52.25}}));
      geometries.push_back({{"type", "Polygon"}, {"properties", {{"statcode", wijk->code}}}, {"arcs", {{i}}}});
    }
    losser_wijken_ = static_cast<int>(geometries.size());
    const std::string boundaries = *dir_ + "/wijkgrenzen.topojson";
    std::ofstream(boundaries) << json{{"type", "Topology"},
                                      {"arcs", arcs},
                                      {"objects",
                                       {{"wijk_2024", {{"type", "GeometryCollection"}, {"geometries", geometries}}}}}}
                                     .dump();
    clock_ = new MovableClock();
    ApiOptions options{.workspace = {.config_dir = ConfigDir(), .store_url = db, .clock = clock_},
                       .session_idle_seconds = 600,
                       .password_cost = privacy::PasswordCost::Minimal(),
                       .wijk_boundaries = boundaries};
    api_ = Api::Create(options).value().release();
    server_ = http::Server::Start(
                  "127.0.0.1", 0, http::Limits{}, [](const http::Request& r) { return api_->Handle(r); }, nullptr)
                  .value()
                  .release();
  }
  static void TearDownTestSuite() {
    delete server_;
    delete api_;
    delete clock_;
    fs::remove_all(*dir_);
    delete dir_;
  }

  static Reply Send(const std::string& method, const std::string& target, const std::string& cookie = "",
                    const std::string& csrf = "", const std::string& body = "",
                    const std::string& content_type = "application/json") {
    http::testing::RawClient client(server_->port());
    std::string request = method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n";
    if (!cookie.empty()) request += "Cookie: sz_sessie=" + cookie + "\r\n";
    if (!csrf.empty()) request += "X-CSRF-Token: " + csrf + "\r\n";
    if (method == "POST") {
      request += "Content-Type: " + content_type + "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
    }
    request += "\r\n" + body;
    Reply reply;
    if (!client.Send(request)) return reply;
    std::optional<http::testing::RawResponse> response = client.ReadResponse();
    if (!response) return reply;
    reply.status = response->status;
    reply.raw = response->body;
    reply.set_cookie = response->Header("set-cookie");
    reply.body = json::parse(response->body, nullptr, false);
    return reply;
  }

  struct Login {
    std::string cookie, csrf;
  };
  static Login LogIn(const std::string& name, const std::string& password = kPassword) {
    Reply reply =
        Send("POST", "/api/inloggen", "", "", json{{"gebruikersnaam", name}, {"wachtwoord", password}}.dump());
    EXPECT_EQ(reply.status, 200) << reply.raw;
    Login login;
    const size_t start = reply.set_cookie.find("sz_sessie=");
    if (start != std::string::npos) login.cookie = reply.set_cookie.substr(start + 10, 64);
    if (reply.body.is_object() && reply.body.contains("csrf_token")) login.csrf = reply.body["csrf_token"];
    return login;
  }
  static Reply Get(const Login& as, const std::string& target) { return Send("GET", target, as.cookie); }

  static std::string Fout(const Reply& reply) {
    return reply.body.is_object() && reply.body.contains("fout") ? std::string(reply.body["fout"]) : "";
  }

  static inline std::string* dir_ = nullptr;
  static inline int losser_wijken_ = 0;
  static inline MovableClock* clock_ = nullptr;
  static inline Api* api_ = nullptr;
  static inline http::Server* server_ = nullptr;
};

TEST_F(ApiTest, WithoutASessionOnlyThePublicEndpointsAnswer) {
  for (const char* path :
       {"/api/ik", "/api/regios", "/api/indicatoren", "/api/waarden?indicator=eenzaam_pct", "/api/signalen",
        "/api/export?indicator=eenzaam_pct", "/api/audit", "/api/doelen", "/api/gebruikers", "/api/sleutels"}) {
    Reply reply = Send("GET", path);
    EXPECT_EQ(reply.status, 401) << path;
    EXPECT_NE(Fout(reply).find("niet ingelogd"), std::string::npos) << reply.raw;
  }
  EXPECT_EQ(Send("GET", "/api/ik", std::string(64, 'a')).status, 401);  // a made-up session
  EXPECT_EQ(Send("POST", "/api/uitloggen", "", "", "{}").status, 401);
  EXPECT_EQ(Send("POST", "/api/signalen/1/triage", "", "", "{}").status, 401);
  EXPECT_EQ(Send("GET", "/api/gezondheid").status, 200);
  EXPECT_EQ(Send("GET", "/api/publiek/indicatoren").status, 200);
  EXPECT_EQ(Send("GET", "/api/bestaat-niet").status, 404);
  EXPECT_EQ(Send("POST", "/api/gezondheid", "", "", "{}").status, 405);
}

TEST_F(ApiTest, TenWrongPasswordsAreRefusedAndThenEvenTheRightOneWaits) {
  std::vector<int> statuses;
  for (int i = 0; i < 10; ++i) {
    statuses.push_back(Send("POST", "/api/inloggen", "", "",
                            json{{"gebruikersnaam", "enschede"}, {"wachtwoord", "fout-" + std::to_string(i)}}.dump())
                           .status);
  }
  EXPECT_EQ(std::count(statuses.begin(), statuses.begin() + 5, 401), 5);
  EXPECT_EQ(std::count(statuses.begin() + 5, statuses.end(), 429), 5);
  Reply right =
      Send("POST", "/api/inloggen", "", "", json{{"gebruikersnaam", "enschede"}, {"wachtwoord", kPassword}}.dump());
  EXPECT_EQ(right.status, 429) << right.raw;
  EXPECT_NE(Fout(right).find("te veel mislukte pogingen"), std::string::npos);
  clock_->Advance(16 * 60);  // the window passes
  EXPECT_FALSE(LogIn("enschede").cookie.empty());
  // Not JSON, wrong types, no body: 400 or 415, never a crash.
  EXPECT_EQ(Send("POST", "/api/inloggen", "", "", "gebruikersnaam=ggd", "application/x-www-form-urlencoded").status,
            415);
  EXPECT_EQ(Send("POST", "/api/inloggen", "", "", "{\"gebruikersnaam\": 1, \"wachtwoord\": []}").status, 400);
  EXPECT_EQ(Send("POST", "/api/inloggen", "", "", "{").status, 400);
}

TEST_F(ApiTest, TheSessionCookieIsHttpOnlyAndStrictAndExpiresWhenIdle) {
  Reply reply =
      Send("POST", "/api/inloggen", "", "", json{{"gebruikersnaam", "ggd"}, {"wachtwoord", kPassword}}.dump());
  ASSERT_EQ(reply.status, 200);
  EXPECT_NE(reply.set_cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(reply.set_cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(reply.body["rol"], "analist");
  Login ggd = LogIn("ggd");
  EXPECT_EQ(Get(ggd, "/api/ik").status, 200);
  clock_->Advance(599);
  EXPECT_EQ(Get(ggd, "/api/ik").status, 200);  // activity keeps it alive
  clock_->Advance(601);
  EXPECT_EQ(Get(ggd, "/api/ik").status, 401);
}

TEST_F(ApiTest, StateChangesNeedTheCsrfTokenOfTheSession) {
  Login ggd = LogIn("ggd");
  Login other = LogIn("vtt");
  EXPECT_EQ(Send("POST", "/api/uitloggen", ggd.cookie, "", "{}").status, 403);
  EXPECT_EQ(Send("POST", "/api/uitloggen", ggd.cookie, other.csrf, "{}").status, 403);
  EXPECT_EQ(Send("POST", "/api/uitloggen", ggd.cookie, std::string(64, '0'), "{}").status, 403);
  EXPECT_EQ(Send("POST", "/api/signalen/1/triage", ggd.cookie, "", R"({"status":"besproken"})").status, 403);
  EXPECT_EQ(Get(ggd, "/api/ik").body["csrf_token"], ggd.csrf);
  EXPECT_EQ(Send("POST", "/api/uitloggen", ggd.cookie, ggd.csrf, "{}").status, 200);
  EXPECT_EQ(Get(ggd, "/api/ik").status, 401);
}

TEST_F(ApiTest, AGemeenteCannotReadAnotherGemeentesWijken) {
  Login losser = LogIn("losser");
  Reply enschede_wijk = Get(losser, std::string("/api/waarden?indicator=") + kVtRate + "&regio=WK015300");
  EXPECT_EQ(enschede_wijk.status, 403) << enschede_wijk.raw;
  EXPECT_NE(Fout(enschede_wijk).find("GM0153"), std::string::npos);
  EXPECT_EQ(Get(losser, std::string("/api/waarden?indicator=") + kVtRate + "&niveau=wijk&gemeente=GM0153").status, 403);
  EXPECT_EQ(Get(losser, std::string("/api/export?indicator=") + kVtRate + "&niveau=wijk&gemeente=GM0153").status, 403);
  // Every wijk: only its own come back; every gemeente at gemeente level.
  Reply wijken = Get(losser, std::string("/api/waarden?indicator=") + kVtRate + "&niveau=wijk");
  ASSERT_EQ(wijken.status, 200) << wijken.raw;
  ASSERT_GT(wijken.body["aantal"].get<int>(), 0);
  for (const json& cell : wijken.body["cellen"]) {
    EXPECT_EQ(cell["regio"].get<std::string>().substr(0, 6), "WK0168") << cell.dump();
    EXPECT_NE(cell["status"], "alleen_analist");
  }
  Reply gemeenten = Get(losser, std::string("/api/waarden?indicator=") + kVtRate + "&niveau=gemeente");
  ASSERT_EQ(gemeenten.status, 200);
  std::set<std::string> seen;
  for (const json& cell : gemeenten.body["cellen"]) seen.insert(cell["regio"]);
  EXPECT_EQ(seen.size(), 14u);
}

TEST_F(ApiTest, ADeskReadsItsOwnWijkenButNotAnotherDesks) {
  Login vtt = LogIn("vtt");
  Reply own = Get(vtt, std::string("/api/waarden?indicator=") + kVtRate + "&niveau=wijk");
  ASSERT_EQ(own.status, 200) << own.raw;
  EXPECT_GT(own.body["aantal"].get<int>(), 0);
  Reply other = Get(vtt, std::string("/api/waarden?indicator=") + kWoningRate + "&niveau=wijk");
  EXPECT_EQ(other.status, 403) << other.raw;
  EXPECT_EQ(Get(vtt, std::string("/api/waarden?indicator=") + kWoningRate + "&regio=WK015300").status, 403);
  EXPECT_EQ(Get(vtt, std::string("/api/waarden?indicator=") + kWoningRate + "&niveau=gemeente").status, 200);
  // Signals: its own only; triage of another desk's signal is refused.
  Reply signals = Get(vtt, "/api/signalen");
  ASSERT_EQ(signals.status, 200) << signals.raw;
  int64_t own_signal = 0, other_signal = 0;
  for (const json& s : signals.body) EXPECT_EQ(s["bronnen"][0], "veilig_thuis");
  Login ggd = LogIn("ggd");
  for (const json& s : Get(ggd, "/api/signalen").body) {
    (s["bronnen"][0] == "veilig_thuis" ? own_signal : other_signal) = s["id"].get<int64_t>();
  }
  ASSERT_GT(own_signal, 0);
  ASSERT_GT(other_signal, 0);
  Reply refused = Send("POST", "/api/signalen/" + std::to_string(other_signal) + "/triage", vtt.cookie, vtt.csrf,
                       R"({"status":"besproken"})");
  EXPECT_EQ(refused.status, 403) << refused.raw;
  Reply triaged = Send("POST", "/api/signalen/" + std::to_string(own_signal) + "/triage", vtt.cookie, vtt.csrf,
                       R"({"status":"besproken","notitie":"in het overleg van maandag"})");
  ASSERT_EQ(triaged.status, 200) << triaged.raw;
  EXPECT_EQ(triaged.body["status"], "besproken");
  EXPECT_EQ(triaged.body["notities"].back()["door"], "vtt");
  EXPECT_EQ(Send("POST", "/api/signalen/999999/triage", vtt.cookie, vtt.csrf, R"({"status":"besproken"})").status, 404);
  EXPECT_EQ(Send("POST", "/api/signalen/" + std::to_string(own_signal) + "/triage", vtt.cookie, vtt.csrf,
                 R"({"status":"weg"})")
                .status,
            400);
  EXPECT_EQ(Send("POST", "/api/signalen/" + std::to_string(own_signal) + "/triage", vtt.cookie, vtt.csrf,
                 R"({"status":"besproken","extra":1})")
                .status,
            400);
}

TEST_F(ApiTest, ThePublicSeesGemeentenAfterDisclosureControlAndNoWijken) {
  Reply wijken = Send("GET", std::string("/api/publiek/waarden?indicator=") + kVtRate + "&niveau=wijk");
  EXPECT_EQ(wijken.status, 403) << wijken.raw;
  EXPECT_EQ(Send("GET", std::string("/api/publiek/waarden?indicator=") + kVtRate + "&regio=WK015300").status, 403);
  Reply gemeenten = Send("GET", std::string("/api/publiek/waarden?indicator=") + kVtRate + "&niveau=gemeente");
  ASSERT_EQ(gemeenten.status, 200) << gemeenten.raw;
  ASSERT_GT(gemeenten.body["aantal"].get<int>(), 0);
  for (const json& cell : gemeenten.body["cellen"]) {
    const std::string status = cell["status"];
    EXPECT_NE(status, "alleen_analist");
    if (status.rfind("onderdrukt", 0) == 0) {
      EXPECT_EQ(cell["waarde"], ".");
      EXPECT_TRUE(cell["teller"].is_null());
      EXPECT_TRUE(cell["noemer"].is_null());
    }
  }
}

TEST_F(ApiTest, TheAnalistSeesTheComputedCellsAndTheBeheerderNone) {
  Login ggd = LogIn("ggd");
  Reply cells = Get(ggd, std::string("/api/waarden?indicator=") + kVtRate + "&regio=WK015300");
  ASSERT_EQ(cells.status, 200) << cells.raw;
  ASSERT_GT(cells.body["aantal"].get<int>(), 0);
  EXPECT_EQ(cells.body["cellen"][0]["status"], "alleen_analist");
  EXPECT_EQ(Get(ggd, "/api/audit").status, 403);
  Reply csv = Get(ggd, std::string("/api/export?indicator=") + kVtRate + "&formaat=csv&gemeente=GM0153");
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.raw.find("indicator;titel;thema;regio"), std::string::npos);

  Reply targets = Get(ggd, "/api/doelen?gemeente=GM0168");
  ASSERT_EQ(targets.status, 200) << targets.raw;
  ASSERT_GT(targets.body.size(), 0u);
  for (const json& t : targets.body) {
    EXPECT_TRUE(t["regio"] == "GM0168") << t.dump();
    EXPECT_TRUE(t["status"] == "op_koers" || t["status"] == "niet_op_koers" || t["status"] == "onzeker") << t.dump();
  }
  EXPECT_EQ(Get(ggd, "/api/doelen?gemeente=GM0168%27").status, 400);

  Login beheer = LogIn("beheer");
  EXPECT_EQ(Get(beheer, "/api/doelen").status, 403);
  Reply accounts = Get(beheer, "/api/gebruikers");
  ASSERT_EQ(accounts.status, 200) << accounts.raw;
  EXPECT_EQ(accounts.body.size(), 6u);
  EXPECT_EQ(accounts.raw.find("argon2"), std::string::npos);
  Reply keys = Get(beheer, "/api/sleutels");
  ASSERT_EQ(keys.status, 200) << keys.raw;
  ASSERT_TRUE(keys.body["koppelsleutel"].is_string()) << keys.raw;
  EXPECT_FALSE(keys.body["koppelsleutel"].get<std::string>().empty());
  ASSERT_EQ(keys.body["meldpunten"].size(), 6u) << keys.raw;  // one key for the six desks of the test
  for (const json& k : keys.body["meldpunten"]) EXPECT_EQ(k["vingerafdruk"], keys.body["koppelsleutel"]);
  EXPECT_EQ(Get(ggd, "/api/gebruikers").status, 403);
  EXPECT_EQ(Get(ggd, "/api/sleutels").status, 403);
  Reply figures = Get(beheer, std::string("/api/waarden?indicator=") + kVtRate);
  EXPECT_EQ(figures.status, 403) << figures.raw;
  EXPECT_EQ(Get(beheer, "/api/signalen").status, 403);
  Login losser = LogIn("losser");
  EXPECT_EQ(Get(losser, "/api/signalen").status, 403);
  EXPECT_EQ(Get(losser, "/api/audit").status, 403);
}

TEST_F(ApiTest, EveryRoleWithFiguresGetsTheTargetsFromWhatItMaySee) {
  // Losser's targets are projected from the cells published to Losser: each latest value is the
  // published one (a suppressed year has none and is left out). Enschede's, which Losser sees at
  // gemeente level: at this small scale Losser's own yearly figures are all suppressed.
  Login losser = LogIn("losser");
  Reply targets = Get(losser, "/api/doelen?gemeente=GM0153");
  ASSERT_EQ(targets.status, 200) << targets.raw;
  ASSERT_GT(targets.body.size(), 0u);
  for (const json& t : targets.body) {
    SCOPED_TRACE(t.dump());
    EXPECT_EQ(t["regio"], "GM0153");
    Reply cell =
        Get(losser, "/api/waarden?indicator=" + t["indicator"].get<std::string>() +
                        "&regio=GM0153&uitsplitsing=totaal&periode=" + std::to_string(t["laatste_jaar"].get<int>()));
    ASSERT_EQ(cell.status, 200) << cell.raw;
    ASSERT_EQ(cell.body["aantal"], 1) << cell.raw;
    const json& published = cell.body["cellen"][0];
    EXPECT_NE(published["status"], "alleen_analist");
    ASSERT_TRUE(published["waarde"].is_number()) << "a suppressed year is no latest value";
    EXPECT_DOUBLE_EQ(t["laatste_waarde"].get<double>(), published["waarde"].get<double>());
  }
  // Without a gemeente: Twente and every gemeente, as published to Losser.
  Reply all = Get(losser, "/api/doelen");
  ASSERT_EQ(all.status, 200) << all.raw;
  std::set<std::string> regions;
  for (const json& t : all.body) regions.insert(t["regio"].get<std::string>());
  EXPECT_TRUE(regions.count("CR23"));
  EXPECT_TRUE(regions.count("GM0153"));
  EXPECT_EQ(Get(LogIn("vtt"), "/api/doelen?gemeente=GM0153").status, 200);
}

TEST_F(ApiTest, AnOverlongBodyIsRefusedWith413) {
  Reply reply = Send("POST", "/api/inloggen", "", "", std::string(70 * 1024, 'x'));
  EXPECT_EQ(reply.status, 413) << reply.raw;
  EXPECT_FALSE(Fout(reply).empty());
}

TEST_F(ApiTest, InjectionAttemptsInEveryParameterAreBadParameters) {
  Login ggd = LogIn("ggd");
  const std::string base = std::string("/api/waarden?indicator=") + kVtRate;
  for (const std::string& attempt : std::vector<std::string>{
           "/api/waarden?indicator=x%27%20OR%201%3D1--", "/api/waarden?indicator=..%2F..%2Fetc%2Fpasswd",
           "/api/waarden?indicator=eenzaam_pct%00", "/api/waarden?indicator=%C0%AF", base + "&regio=GM0153%27--",
           base + "&regio=..%2F..", base + "&niveau=wijk%3B%20DROP%20TABLE", base + "&periode=2024%27%20OR%20%271",
           base + "&uitsplitsing=totaal%27%3B--", base + "&uitsplitsing=%ED%A0%80", base + "&onbekend=1",
           base + "&regio=GM0153&regio=GM0168", "/api/waarden?regio=GM0153"}) {
    Reply reply = Get(ggd, attempt);
    EXPECT_EQ(reply.status, 400) << attempt << " → " << reply.raw;
    EXPECT_FALSE(Fout(reply).empty()) << attempt;
  }
  EXPECT_EQ(Get(ggd, "/api/waarden?indicator=bestaat_niet").status, 404);
  EXPECT_EQ(Get(ggd, base + "&regio=GM9999").status, 404);
  EXPECT_NE(Fout(Get(ggd, base + "&onbekend=1")).find("'onbekend'"), std::string::npos);
  // The store is unharmed.
  EXPECT_EQ(Get(ggd, base + "&regio=GM0153").status, 200);
}

TEST_F(ApiTest, EveryReadOfFiguresIsAuditedAndTheChainHolds) {
  Login losser = LogIn("losser");
  Reply cells = Get(losser, std::string("/api/waarden?indicator=") + kVtRate + "&niveau=gemeente");
  ASSERT_EQ(cells.status, 200);
  Get(losser, std::string("/api/waarden?indicator=") + kVtRate + "&regio=WK015300");  // refused, audited too
  Login beheer = LogIn("beheer");
  Reply audit = Get(beheer, "/api/audit?gebruiker=losser");
  ASSERT_EQ(audit.status, 200) << audit.raw;
  bool read = false, refused = false;
  for (const json& e : audit.body) {
    if (e["handeling"] == "GET /api/waarden" && e["uitkomst"] == "200" && e["cellen"] == cells.body["aantal"] &&
        e["parameters"]["niveau"] == "gemeente")
      read = true;
    if (e["handeling"] == "GET /api/waarden" && e["uitkomst"] == "403") refused = true;
    EXPECT_EQ(e.dump().find(kPassword), std::string::npos);
  }
  EXPECT_TRUE(read) << audit.raw;
  EXPECT_TRUE(refused) << audit.raw;
  pipeline::Workspace ws =
      pipeline::Workspace::Open({.config_dir = ConfigDir(), .store_url = *dir_ + "/api.db"}).value();
  pipeline::AuditVerification check = pipeline::VerifyAuditLog(ws).value();
  EXPECT_TRUE(check.intact) << check.problem;
  EXPECT_GT(check.entries, 5);
}

// The server keeps /api/waarden answers per version of the figures (server/response_cache.h): a
// repeated read is answered the same and audited again, and a new publication is read at once.
TEST_F(ApiTest, ARepeatedReadIsAuditedAndANewPublicationIsReadAtOnce) {
  const std::string target = std::string("/api/publiek/waarden?indicator=") + kVtRate + "&niveau=gemeente";
  Reply first = Send("GET", target);
  ASSERT_EQ(first.status, 200) << first.raw;
  Reply again = Send("GET", target);
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(again.raw, first.raw);

  pipeline::Workspace ws =
      pipeline::Workspace::Open({.config_dir = ConfigDir(), .store_url = *dir_ + "/api.db"}).value();
  store::Store& store = *ws.Store().value();
  int answered = 0;
  const std::vector<store::AuditEntry> entries = store.audit_log().Entries({}).value();
  for (const store::AuditEntry& e : entries)
    answered += e.action == "GET /api/publiek/waarden" && e.outcome == "200" &&
                e.cells == first.body["aantal"].get<int64_t>() && e.parameters.find("gemeente") != std::string::npos;
  EXPECT_GE(answered, 2);

  // A new publication in which one published cell of the answer has another value.
  const store::PublicationRun before = store.publications().Latest().value().value();
  const std::vector<store::PublishedCell> cells = store.publications().Cells({}).value();
  std::vector<store::PublishedCell> changed = cells;
  std::string region;
  for (store::PublishedCell& cell : changed) {
    if (cell.indicator != kVtRate || cell.level != RegionLevel::kGemeente ||
        cell.status != store::CellStatus::kPublished)
      continue;
    cell.value = *cell.value + 1000;
    region = cell.region + "/" + cell.period + "/" + cell.breakdown;
    break;
  }
  ASSERT_FALSE(region.empty());
  auto publish = [&](const std::vector<store::PublishedCell>& published) {
    store::Transaction tx = store.Begin().value();
    ASSERT_TRUE(store.publications().Replace(before, published).ok());
    ASSERT_TRUE(tx.Commit().ok());
  };
  publish(changed);
  Reply after = Send("GET", target);
  ASSERT_EQ(after.status, 200);
  int moved = 0;
  for (size_t i = 0; i < after.body["cellen"].size(); ++i) {
    const json& now = after.body["cellen"][i];
    const json& then = first.body["cellen"][i];
    if (now["waarde"] != then["waarde"]) {
      ++moved;
      EXPECT_EQ(now["regio"].get<std::string>() + "/" + now["periode"].get<std::string>() + "/" +
                    now["uitsplitsing"].get<std::string>(),
                region);
      EXPECT_NEAR(now["waarde"].get<double>(), then["waarde"].get<double>() + 1000, 1e-6);
    }
  }
  EXPECT_EQ(moved, 1) << after.raw;
  publish(cells);  // as it was, for the other tests
  EXPECT_EQ(Send("GET", target).raw, first.raw);
}

TEST_F(ApiTest, RegionsAndIndicatorsDescribeTwente) {
  Login losser = LogIn("losser");
  Reply regions = Get(losser, "/api/regios");
  ASSERT_EQ(regions.status, 200);
  int gemeenten = 0;
  for (const json& r : regions.body) gemeenten += r["niveau"] == "gemeente";
  EXPECT_EQ(gemeenten, 14);
  Reply indicators = Get(losser, "/api/indicatoren?thema=opgroeien");
  ASSERT_EQ(indicators.status, 200);
  ASSERT_GT(indicators.body.size(), 0u);
  for (const json& i : indicators.body) EXPECT_EQ(i["thema"], "opgroeien");
  for (const json& i : Send("GET", "/api/publiek/indicatoren").body)
    for (const json& level : i["niveaus"]) EXPECT_NE(level, "wijk");
}

TEST_F(ApiTest, WijkBoundariesAreForEveryRoleWithASession) {
  EXPECT_EQ(Send("GET", "/api/wijkgrenzen").status, 401);
  ASSERT_GT(losser_wijken_, 0);
  for (const char* name : {"losser", "vtt", "ggd", "beheer"}) {
    Reply reply = Get(LogIn(name), "/api/wijkgrenzen");
    ASSERT_EQ(reply.status, 200) << name << ": " << reply.raw;
    EXPECT_EQ(reply.body["type"], "Topology");
    const json& geometries = reply.body["objects"]["wijken"]["geometries"];
    ASSERT_EQ(static_cast<int>(geometries.size()), losser_wijken_);
    EXPECT_EQ(geometries[0]["properties"]["gemeente"], "GM0168");
  }
  ASSERT_NE(api_->wijk_boundaries(), nullptr);
  EXPECT_EQ(api_->wijk_boundaries()->matched, losser_wijken_);
  const Login ggd = LogIn("ggd");
  EXPECT_EQ(Send("POST", "/api/wijkgrenzen", ggd.cookie, ggd.csrf, "{}").status, 405);
}

TEST_F(ApiTest, WithoutWijkBoundariesTheTopologyIsEmptyAndABadFileStopsTheStart) {
  ApiOptions options{.workspace = {.config_dir = ConfigDir(), .store_url = *dir_ + "/api.db", .clock = clock_},
                     .password_cost = privacy::PasswordCost::Minimal()};
  std::unique_ptr<Api> without = Api::Create(options).value();
  EXPECT_EQ(without->wijk_boundaries(), nullptr);
  // Sessions are each Api's own: log in on this one.
  http::Request login{.method = "POST", .path = "/api/inloggen", .raw_target = "/api/inloggen"};
  login.headers = {{"content-type", "application/json"}};
  login.body = json{{"gebruikersnaam", "ggd"}, {"wachtwoord", kPassword}}.dump();
  login.client_address = "127.0.0.1";
  http::Response logged_in = without->Handle(login);
  ASSERT_EQ(logged_in.status, 200) << logged_in.body;
  std::string cookie;
  for (const auto& [name, value] : logged_in.headers)
    if (name == "Set-Cookie") cookie = value.substr(0, value.find(';'));
  ASSERT_EQ(cookie.rfind("sz_sessie=", 0), 0u) << cookie;
  http::Request request{.method = "GET", .path = "/api/wijkgrenzen", .raw_target = "/api/wijkgrenzen"};
  request.headers = {{"cookie", cookie}};
  http::Response response = without->Handle(request);
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(json::parse(response.body)["objects"]["wijken"]["geometries"].size(), 0u);

  options.wijk_boundaries = *dir_ + "/bestaat-niet.topojson";
  Result<std::unique_ptr<Api>> bad = Api::Create(options);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("bestaat-niet.topojson: het bestand met wijkgrenzen is niet te lezen"),
            std::string::npos);
}

}  // namespace
}  // namespace sz::server
