// samenzicht serve [--db URL] [--host 127.0.0.1] [--port 8080] [--static DIR] [--wijkgrenzen FILE]: the
// HTTP API (and the dashboard's static files, and the real wijk boundaries when given) until SIGTERM or SIGINT;
// requests in flight finish first (server/api.h, http/http_server.h, docs/api.md).
//
// The access log goes to standard error: time, method, path, status, bytes and duration; never the
// query string or the client's address.
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "http/http_server.h"
#include "server/api.h"

namespace sz::cli {
namespace {

struct ServeOptions {
  pipeline::WorkspaceOptions workspace;
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string static_root;
  std::string wijk_boundaries;
  int session_minutes = 30;
  bool secure_cookies = false;
};

Status RunServe(const ServeOptions& options) {
  server::ApiOptions api_options{.workspace = options.workspace,
                                 .session_idle_seconds = int64_t{options.session_minutes} * 60,
                                 .secure_cookies = options.secure_cookies,
                                 .static_root = options.static_root,
                                 .wijk_boundaries = options.wijk_boundaries};
  ASSIGN_OR_RETURN(std::unique_ptr<server::Api> api, server::Api::Create(api_options));
  if (const server::WijkBoundaries* b = api->wijk_boundaries()) {
    std::cout << "Wijkgrenzen: " << b->matched << " wijken met een grens, " << b->missing.size() << " zonder";
    if (b->ignored > 0)
      std::cout << "; " << b->ignored << " grenzen in het bestand horen niet bij een wijk van de regio";
    std::cout << "." << std::endl;
  }
  ASSIGN_OR_RETURN(std::unique_ptr<http::Server> server,
                   http::Server::Start(
                       options.host, static_cast<uint16_t>(options.port), http::Limits{},
                       [&api](const http::Request& request) { return api->Handle(request); }, &std::cerr));
  std::cout << "Samenzicht luistert op http://" << options.host << ":" << server->port()
            << "/ (stoppen: Ctrl-C of SIGTERM)" << std::endl;
  server->Wait(/*watch_signals=*/true);
  std::cout << "Samenzicht is gestopt; lopende verzoeken zijn afgemaakt." << std::endl;
  return Status::Ok();
}

void AddServeCommand(Commands& commands) {
  auto options = std::make_shared<ServeOptions>();
  Command cmd = commands.Add("serve", "Start de HTTP-API (en het dashboard) op deze machine");
  cmd.AddWorkspaceOptions(options->workspace, WorkspaceUse::kStoreAndRegions);
  cmd.Add("--host", options->host, "Het adres om op te luisteren").ShowDefault();
  cmd.Add("--port", options->port, "De poort").Range(0, 65535).ShowDefault();
  cmd.Add("--static", options->static_root, "Map met de gebouwde bestanden van het dashboard (web/dist)");
  cmd.Add("--wijkgrenzen", options->wijk_boundaries,
          "TopoJSON-bestand met de echte wijkgrenzen (CBS, property statcode WKxxxxxx) voor de wijkkaarten");
  cmd.Add("--sessie-minuten", options->session_minutes, "Minuten zonder verzoek waarna een sessie verloopt")
      .Range(1, 24 * 60)
      .ShowDefault();
  cmd.Flag("--veilige-cookies", options->secure_cookies,
           "Zet Secure op de sessiecookie (als een proxy ervoor HTTPS afhandelt)");
  cmd.Run([options] { return RunServe(*options); });
}
SZ_REGISTER_COMMAND(AddServeCommand);

}  // namespace
}  // namespace sz::cli
