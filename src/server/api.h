// The JSON API under /api/ (issue 16, docs/api.md): login, sessions and CSRF, authorisation per role
// on every endpoint, and an audit entry for every read of figures and every change.
//
//   ASSIGN_OR_RETURN(std::unique_ptr<Api> api, Api::Create({.workspace = {.store_url = "var/samenzicht.db"}}));
//   ASSIGN_OR_RETURN(auto server, http::Server::Start("127.0.0.1", 8080, {},
//                                                     [&](const http::Request& r) { return api->Handle(r); }, &log));
//
// Endpoints (docs/api.md has each one's parameters, answers and refusals):
//   without a session   GET /api/gezondheid, POST /api/inloggen, GET /api/publiek/indicatoren,
//                       GET /api/publiek/waarden
//   with a session      POST /api/uitloggen, GET /api/ik, GET /api/regios, GET /api/indicatoren,
//                       GET /api/waarden, GET /api/signalen, POST /api/signalen/{id}/triage,
//                       GET /api/export, GET /api/doelen, GET /api/audit, GET /api/gebruikers,
//                       GET /api/sleutels, GET /api/wijkgrenzen
// Other paths are the dashboard's static files when `static_root` is set (http/static_files.h).
//
// The rules: a session is the HttpOnly, SameSite=Strict cookie `sz_sessie` (Secure when
// `secure_cookies`), ended after `session_idle_seconds` without a request, and also when its account is
// removed or its password changed; every POST but the login needs the header X-CSRF-Token with the
// token the login (or GET /api/ik) gave, and a JSON body. Figures are read as the role's audience
// (pipeline/accounts.h): the analist the computed cells, every other role only the published cells
// its audience may see; a request that names what the role may not see is refused (403), not
// silently emptied. Errors are {"fout": "<Dutch message>"} with 400 (a bad parameter, named), 401, 403,
// 404, 405, 409 (nothing computed or published yet), 429 (too many failed logins, with Retry-After).
// Thread safety: Handle may be called from several threads at once (a pool of workspaces, one per
// request in flight).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>

#include "core/status.h"
#include "http/http_server.h"
#include "pipeline/workspace.h"
#include "privacy/password.h"
#include "server/wijk_boundaries.h"

namespace sz::server {

struct ApiOptions {
  pipeline::WorkspaceOptions workspace;  // the store (a file: every request opens its own connection)
  int64_t session_idle_seconds = 30 * 60;
  int max_login_failures = 5;  // per account and per client address, within the window
  int64_t login_window_seconds = 15 * 60;
  bool secure_cookies = false;  // set when served over TLS (behind a proxy that terminates it)
  privacy::PasswordCost password_cost = privacy::PasswordCost::Interactive();  // for unknown names
  std::filesystem::path static_root;                                           // "" for no static files
  std::filesystem::path wijk_boundaries;  // TopoJSON of the real wijken (server/wijk_boundaries.h), "" for none
};

class Api {
 public:
  // Opens the store once to check it and loads the region table and the indicator catalogue.
  static Result<std::unique_ptr<Api>> Create(const ApiOptions& options);
  ~Api();
  http::Response Handle(const http::Request& request);
  // The wijk boundaries loaded from ApiOptions::wijk_boundaries; nullptr when none were given.
  const WijkBoundaries* wijk_boundaries() const;

 private:
  struct Impl;
  explicit Api(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sz::server
