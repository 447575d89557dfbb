// The transport (http/http_server.h) over real sockets: a server on 127.0.0.1, port 0, and the raw
// client of raw_http_client.h writing bytes and reading them back. No assertion depends on timing:
// where a test needs an order of events it waits for the event itself (a handler entered, the port
// refusing connections).
#include "http/http_server.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <atomic>
#include <future>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>

#include "http/raw_http_client.h"

namespace sz::http {
namespace {

using testing::RawClient;
using testing::RawResponse;
using namespace std::chrono_literals;

// Echoes what the Handler saw, one fact a line.
Response Echo(const Request& request) {
  Response response;
  response.content_type = "text/plain; charset=utf-8";
  response.body = "method=" + request.method + "\npath=" + request.path + "\ntarget=" + request.raw_target + "\n";
  for (const auto& [name, value] : request.query) response.body += "query " + name + "=" + value + "\n";
  response.body += "x-test=" + request.Header("x-test") + "\nbody=" + request.body + "\n";
  response.body += "client=" + request.client_address + "\n";
  return response;
}

std::unique_ptr<Server> StartServer(Handler handler, Limits limits = Limits{}, std::ostream* log = nullptr) {
  Result<std::unique_ptr<Server>> server = Server::Start("127.0.0.1", 0, limits, std::move(handler), log);
  EXPECT_TRUE(server.ok()) << server.status().ToString();
  return server.ok() ? std::move(server).value() : nullptr;
}

std::string Get(std::string_view target, std::string_view extra_headers = "") {
  return "GET " + std::string(target) + " HTTP/1.1\r\nHost: test\r\n" + std::string(extra_headers) + "\r\n";
}

std::string Gunzip(const std::string& compressed) {
  z_stream stream{};
  EXPECT_EQ(inflateInit2(&stream, 15 + 16), Z_OK);
  std::string out(1 << 20, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  int result = inflate(&stream, Z_FINISH);
  EXPECT_EQ(result, Z_STREAM_END);
  out.resize(stream.total_out);
  inflateEnd(&stream);
  return out;
}

void ExpectSecurityHeaders(const RawResponse& response) {
  EXPECT_EQ(response.Header("x-content-type-options"), "nosniff") << response.status_line;
  EXPECT_EQ(response.Header("referrer-policy"), "no-referrer") << response.status_line;
  EXPECT_EQ(response.Header("x-frame-options"), "DENY") << response.status_line;
  EXPECT_EQ(response.Header("content-security-policy"), "default-src 'self'; frame-ancestors 'none'");
  EXPECT_EQ(response.Count("x-content-type-options"), 1);
  EXPECT_TRUE(response.Has("cache-control")) << response.status_line;
  EXPECT_TRUE(response.Has("content-length")) << response.status_line;
}

TEST(HttpServer, PortZeroGivesARealPort) {
  auto server = StartServer(Echo);
  ASSERT_TRUE(server);
  EXPECT_NE(server->port(), 0);
  RawClient client(server->port());
  EXPECT_TRUE(client.connected());
}

TEST(HttpServer, GetRoundTrip) {
  auto server = StartServer(Echo);
  ASSERT_TRUE(server);
  RawClient client(server->port());
  ASSERT_TRUE(client.Send(Get("/api/gemeente/Hof%20van%20Twente?wijk=WK1735&q=a+b", "X-Test: ja\r\n")));
  std::optional<RawResponse> response = client.ReadResponse();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->Header("content-type"), "text/plain; charset=utf-8");
  EXPECT_EQ(response->Header("content-length"), std::to_string(response->body.size()));
  EXPECT_EQ(response->body,
            "method=GET\npath=/api/gemeente/Hof van Twente\ntarget=/api/gemeente/Hof%20van%20Twente?wijk=WK1735&q=a+b\n"
            "query wijk=WK1735\nquery q=a b\nx-test=ja\nbody=\nclient=127.0.0.1\n");
  ExpectSecurityHeaders(*response);
  EXPECT_EQ(response->Header("cache-control"), "no-store");
}

TEST(HttpServer, KeepAliveServesTwoRequestsOnOneConnection) {
  auto server = StartServer(Echo);
  ASSERT_TRUE(server);
  RawClient client(server->port());
  ASSERT_TRUE(client.Send(Get("/een")));
  std::optional<RawResponse> first = client.ReadResponse();
  ASSERT_TRUE(first);
  EXPECT_NE(first->body.find("path=/een\n"), std::string::npos);
  EXPECT_NE(first->Header("connection"), "close");
  ASSERT_TRUE(client.Send(Get("/twee")));
  std::optional<RawResponse> second = client.ReadResponse();
  ASSERT_TRUE(second);
  EXPECT_NE(second->body.find("path=/twee\n"), std::string::npos);
}

TEST(HttpServer, PipelinedRequestsAreAnsweredInOrder) {
  auto server = StartServer(Echo);
  ASSERT_TRUE(server);
  RawClient client(server->port());
  ASSERT_TRUE(client.Send(Get("/een") + Get("/twee") + Get("/drie", "Connection: close\r\n")));
  for (std::string_view path : {"/een", "/twee", "/drie"}) {
    std::optional<RawResponse> response = client.ReadResponse();
    ASSERT_TRUE(response) << path;
    EXPECT_NE(response->body.find("path=" + std::string(path) + "\n"), std::string::npos) << response->body;
  }
  EXPECT_TRUE(client.ReadsEof());  // "Connection: close" is honoured
}

TEST(HttpServer, PostBodiesReachTheHandler) {
  auto server = StartServer(Echo);
  ASSERT_TRUE(server);
  RawClient client(server->port());
  ASSERT_TRUE(client.Send("POST /in HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nhallo"));
  std::optional<RawResponse> sized = client.ReadResponse();
  ASSERT_TRUE(sized);
  EXPECT_NE(sized->body.find("method=POST\n"), std::string::npos);
  EXPECT_NE(sized->body.find("body=hallo\n"), std::string::npos);
  ASSERT_TRUE(client.Send(
      "POST /in HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"));
  std::optional<RawResponse> chunked = client.ReadResponse();
  ASSERT_TRUE(chunked);
  EXPECT_NE(chunked->body.find("body=abcde\n"), std::string::npos) << chunked->body;
}

TEST(HttpServer, ExpectContinueIsAnswered) {
  auto server = StartServer(Echo);
  ASSERT_TRUE(server);
  RawClient client(server->port());
  ASSERT_TRUE(client.Send("POST /in HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n"));
  std::optional<RawResponse> interim = client.ReadResponse();
  ASSERT_TRUE(interim);
  EXPECT_EQ(interim->status, 100);
  ASSERT_TRUE(client.Send("data"));
  std::optional<RawResponse> response = client.ReadResponse();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_NE(response->body.find("body=data\n"), std::string::npos);
}

TEST(HttpServer, BodyOverTheLimitIs413) {
  Limits limits;
  limits.max_body_bytes = 100;
  auto server = StartServer(Echo, limits);
  ASSERT_TRUE(server);
  {
    RawClient client(server->port());
    ASSERT_TRUE(client.Send("POST /in HTTP/1.1\r\nHost: t\r\nContent-Length: 101\r\n\r\n" + std::string(101, 'x')));
    std::optional<RawResponse> response = client.ReadResponse();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 413);
    EXPECT_EQ(response->Header("content-type"), "application/json; charset=utf-8");
    EXPECT_EQ(response->body, R"j({"fout": "de inhoud van het verzoek is te groot (hoogstens 100 bytes)"})j");
    ExpectSecurityHeaders(*response);
    EXPECT_TRUE(client.ReadsEof());
  }
  {
    // A chunked body that grows past the limit.
    RawClient client(server->port());
    std::string request = "POST /in HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int chunk_idx = 0; chunk_idx < 5; ++chunk_idx) request += "20\r\n" + std::string(32, 'y') + "\r\n";
    ASSERT_TRUE(client.Send(request + "0\r\n\r\n"));
    std::optional<RawResponse> response = client.ReadResponse();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 413);
    EXPECT_TRUE(client.ReadsEof());
  }
  {
    // At the limit is fine.
    RawClient client(server->port());
    ASSERT_TRUE(client.Send("POST /in HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\n" + std::string(100, 'x')));
    std::optional<RawResponse> response = client.ReadResponse();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
  }
}

TEST(HttpServer, HeaderOverTheLimitIs431) {
  Limits limits;
  limits.max_header_bytes = 1024;
  auto server = StartServer(Echo, limits);
  ASSERT_TRUE(server);
  RawClient client(server->port());
  ASSERT_TRUE(client.Send(Get("/", "X-Long: " + std::string(2000, 'a') + "\r\n")));
  std::optional<RawResponse> response = client.ReadResponse();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 431);
  EXPECT_NE(response->body.find("kopregels van het verzoek zijn te groot (hoogstens 1024 bytes)"), std::string::npos);
  ExpectSecurityHeaders(*response);
  EXPECT_TRUE(client.ReadsEof());
}

TEST(HttpServer, MalformedRequestIs400AndCloses) {
  auto server = StartServer(Echo);
  ASSERT_TRUE(server);
  for (std::string_view garbage :
       {"GARBAGE\r\n\r\n", "GET / HTTP/1.1\r\nBad Header\r\n\r\n",
        "GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", "GET /a b HTTP/1.1\r\n\r\n"}) {
    RawClient client(server->port());
    ASSERT_TRUE(client.Send(garbage));
    std::optional<RawResponse> response = client.ReadResponse();
    ASSERT_TRUE(response) << garbage;
    EXPECT_EQ(response->status, 400) << garbage;
    EXPECT_EQ(response->body, R"({"fout": "ongeldig verzoek"})");
    ExpectSecurityHeaders(*response);
    EXPECT_TRUE(client.ReadsEof()) << garbage;
  }
}

TEST(HttpServer, UndecodableTargetIs400WithTheReason) {
  std::atomic<int> calls = 0;
  auto server = StartServer([&](const Request& request) {
    ++calls;
    return Echo(request);
  });
  ASSERT_TRUE(server);
  RawClient client(server->port());
  ASSERT_TRUE(client.Send(Get("/x?naam=%C0%AF")));
  std::optional<RawResponse> response = client.ReadResponse();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 400);
  EXPECT_EQ(response->body, R"({"fout": "queryparameter 'naam' is na decodering geen geldige UTF-8"})");
  ASSERT_TRUE(client.Send(Get("/x%00")));
  response = client.ReadResponse();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 400);
  EXPECT_EQ(response->body, R"({"fout": "het pad bevat een NUL-teken"})");
  ASSERT_TRUE(client.Send(Get("http://elders/x")));  // absolute-form targets are refused
  response = client.ReadResponse();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 400);
  EXPECT_EQ(calls, 0);
  ASSERT_TRUE(client.Send(Get("/goed")));  // the request was whole: the connection stays usable
  response = client.ReadResponse();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
}

Response Large(const Request& request) {
  Response response;
  response.content_type = request.path == "/png" ? "image/png" : "application/json; charset=utf-8";
  response.body = "[";
  for (int row_idx = 0; row_idx < 500; ++row_idx) response.body += "{\"gemeente\": \"GM0153\", \"waarde\": 1},";
  response.body += "{}]";
  if (request.path == "/klein") response.body = "[1, 2, 3]";
  return response;
}

TEST(HttpServer, GzipWhenTheClientAcceptsIt) {
  auto server = StartServer(Large);
  ASSERT_TRUE(server);
  std::string expected = Large(Request{}).body;
  RawClient client(server->port());
  ASSERT_TRUE(client.Send(Get("/groot", "Accept-Encoding: deflate, gzip;q=0.8, br\r\n")));
  std::optional<RawResponse> zipped = client.ReadResponse();
  ASSERT_TRUE(zipped);
  EXPECT_EQ(zipped->Header("content-encoding"), "gzip");
  EXPECT_EQ(zipped->Header("vary"), "Accept-Encoding");
  EXPECT_LT(zipped->body.size(), expected.size());
  EXPECT_EQ(zipped->Header("content-length"), std::to_string(zipped->body.size()));
  EXPECT_EQ(Gunzip(zipped->body), expected);

  for (std::string_view refusal : {"", "Accept-Encoding: br, deflate\r\n", "Accept-Encoding: gzip;q=0\r\n"}) {
    ASSERT_TRUE(client.Send(Get("/groot", refusal)));
    std::optional<RawResponse> plain = client.ReadResponse();
    ASSERT_TRUE(plain) << refusal;
    EXPECT_FALSE(plain->Has("content-encoding")) << refusal;
    EXPECT_EQ(plain->Header("vary"), "Accept-Encoding") << refusal;
    EXPECT_EQ(plain->body, expected) << refusal;
  }
  ASSERT_TRUE(client.Send(Get("/klein", "Accept-Encoding: gzip\r\n")));  // below gzip_min_bytes
  std::optional<RawResponse> small = client.ReadResponse();
  ASSERT_TRUE(small);
  EXPECT_FALSE(small->Has("content-encoding"));
  EXPECT_EQ(small->body, "[1, 2, 3]");
  ASSERT_TRUE(client.Send(Get("/png", "Accept-Encoding: gzip\r\n")));  // not a compressible type
  std::optional<RawResponse> png = client.ReadResponse();
  ASSERT_TRUE(png);
  EXPECT_FALSE(png->Has("content-encoding"));
  EXPECT_EQ(png->body, expected);
}

TEST(HttpServer, HeadHasTheHeadersOfGetWithoutTheBody) {
  auto server = StartServer(Large);
  ASSERT_TRUE(server);
  RawClient client(server->port());
  ASSERT_TRUE(client.Send("HEAD /groot HTTP/1.1\r\nHost: t\r\n\r\n"));
  std::optional<RawResponse> head = client.ReadResponse(/*head=*/true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->Header("content-length"), std::to_string(Large(Request{}).body.size()));
  ExpectSecurityHeaders(*head);
  // Had a body been sent, it would now be read as the next response's status line.
  ASSERT_TRUE(client.Send(Get("/klein")));
  std::optional<RawResponse> next = client.ReadResponse();
  ASSERT_TRUE(next);
  EXPECT_EQ(next->status, 200);
  EXPECT_EQ(next->body, "[1, 2, 3]");
}

TEST(HttpServer, HandlerExceptionIs500AndTheServerGoesOn) {
  auto server = StartServer([](const Request& request) -> Response {
    if (request.path == "/stuk") throw std::runtime_error("kapot");
    if (request.path == "/raar") throw 42;
    return Echo(request);
  });
  ASSERT_TRUE(server);
  RawClient client(server->port());
  for (std::string_view path : {"/stuk", "/raar"}) {
    ASSERT_TRUE(client.Send(Get(path)));
    std::optional<RawResponse> failed = client.ReadResponse();
    ASSERT_TRUE(failed);
    EXPECT_EQ(failed->status, 500);
    EXPECT_EQ(failed->body, R"({"fout": "interne fout in de server; probeer het later opnieuw"})");
    EXPECT_EQ(failed->body.find("kapot"), std::string::npos);
    ExpectSecurityHeaders(*failed);
  }
  ASSERT_TRUE(client.Send(Get("/heel")));
  std::optional<RawResponse> next = client.ReadResponse();
  ASSERT_TRUE(next);
  EXPECT_EQ(next->status, 200);
  RawClient other(server->port());
  ASSERT_TRUE(other.Send(Get("/heel")));
  EXPECT_EQ(other.ReadResponse()->status, 200);
}

TEST(HttpServer, UnsendableHandlerResponseIs500) {
  auto server = StartServer([](const Request& request) {
    Response response;
    if (request.path == "/splitsen") response.headers.emplace_back("X-Naam", "a\r\nSet-Cookie: sessie=gestolen");
    if (request.path == "/naam") response.headers.emplace_back("Slechte Naam", "x");
    if (request.path == "/status") response.status = 99;
    if (request.path == "/type") response.content_type = "text/plain\r\nX-Evil: 1";
    return response;
  });
  ASSERT_TRUE(server);
  RawClient client(server->port());
  for (std::string_view path : {"/splitsen", "/naam", "/status", "/type"}) {
    ASSERT_TRUE(client.Send(Get(path)));
    std::optional<RawResponse> response = client.ReadResponse();
    ASSERT_TRUE(response) << path;
    EXPECT_EQ(response->status, 500) << path;
    EXPECT_FALSE(response->Has("set-cookie")) << path;
    EXPECT_FALSE(response->Has("x-evil")) << path;
  }
}

TEST(HttpServer, HandlerHeadersAreKeptAndItsCachePolicyWins) {
  auto server = StartServer([](const Request&) {
    Response response;
    response.body = "{}";
    response.headers = {{"Set-Cookie", "a=1; HttpOnly"},
                        {"Set-Cookie", "b=2; HttpOnly"},
                        {"Cache-Control", "public, max-age=60"},
                        {"Content-Security-Policy", "default-src 'none'"},
                        {"Content-Length", "999"},
                        {"X-Content-Type-Options", "sniff-away"}};
    return response;
  });
  ASSERT_TRUE(server);
  RawClient client(server->port());
  ASSERT_TRUE(client.Send(Get("/")));
  std::optional<RawResponse> response = client.ReadResponse();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->Count("set-cookie"), 2);
  EXPECT_EQ(response->Header("cache-control"), "public, max-age=60");
  EXPECT_EQ(response->Count("cache-control"), 1);
  EXPECT_EQ(response->Header("content-security-policy"), "default-src 'none'");
  EXPECT_EQ(response->Count("content-security-policy"), 1);
  EXPECT_EQ(response->Header("content-length"), "2");  // the transport frames the message
  EXPECT_EQ(response->Header("x-content-type-options"), "nosniff");
  EXPECT_EQ(response->body, "{}");
}

TEST(HttpServer, NoContentHasNoBody) {
  auto server = StartServer([](const Request&) {
    Response response;
    response.status = 204;
    response.body = "genegeerd";
    return response;
  });
  ASSERT_TRUE(server);
  RawClient client(server->port());
  ASSERT_TRUE(client.Send(Get("/") + Get("/")));
  for (int round = 0; round < 2; ++round) {
    std::optional<RawResponse> response = client.ReadResponse();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 204);
  }
}

TEST(HttpServer, AccessLogHasThePathButNoQueryAndNoAddress) {
  std::ostringstream log;
  auto server = StartServer(Echo, Limits{}, &log);
  ASSERT_TRUE(server);
  {
    RawClient client(server->port());
    ASSERT_TRUE(client.Send(Get("/api/persoon?bsn=123456782&naam=Jansen")));
    ASSERT_TRUE(client.ReadResponse());
    ASSERT_TRUE(client.Send("GARBAGE\r\n\r\n"));
    ASSERT_TRUE(client.ReadResponse());
  }
  server->Stop();
  std::string text = log.str();
  EXPECT_NE(text.find(" GET /api/persoon 200 "), std::string::npos) << text;
  EXPECT_NE(text.find(" - - 400 "), std::string::npos) << text;
  EXPECT_EQ(text.find("bsn"), std::string::npos) << text;
  EXPECT_EQ(text.find("123456782"), std::string::npos) << text;
  EXPECT_EQ(text.find("Jansen"), std::string::npos) << text;
  EXPECT_EQ(text.find("127.0.0.1"), std::string::npos) << text;
  // "2024-05-01T12:00:00.123Z GET /api/persoon 200 N Dms"
  std::string first_line = text.substr(0, text.find('\n'));
  ASSERT_GE(first_line.size(), 24u);
  EXPECT_EQ(first_line[10], 'T');
  EXPECT_EQ(first_line[23], 'Z');
  EXPECT_TRUE(first_line.ends_with("ms")) << first_line;
}

TEST(HttpServer, StopWhileASlowHandlerRunsStillDeliversItsWholeResponse) {
  std::promise<void> entered;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  const std::string big(200 * 1024, 'z');
  Limits limits;
  limits.threads = 2;
  auto server = StartServer(
      [&](const Request&) {
        entered.set_value();
        released.wait();
        Response response;
        response.content_type = "application/octet-stream";
        response.body = big;
        return response;
      },
      limits);
  ASSERT_TRUE(server);
  uint16_t port = server->port();
  RawClient client(port);
  RawClient idle(port);  // a keep-alive connection without a request: closed by Stop
  ASSERT_TRUE(client.Send(Get("/traag")));
  entered.get_future().wait();

  std::thread stopper([&] { server->Stop(10s); });
  // Wait until Stop has closed the listening socket, then let the handler finish.
  for (int attempt = 0; attempt < 1000; ++attempt) {
    RawClient probe(port);
    if (!probe.connected()) break;
    std::this_thread::sleep_for(10ms);
  }
  EXPECT_FALSE(RawClient(port).connected()) << "Stop() closes the listening socket";
  EXPECT_TRUE(idle.ReadsEof());
  release.set_value();

  std::optional<RawResponse> response = client.ReadResponse();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->Header("connection"), "close");
  EXPECT_EQ(response->body.size(), big.size());
  EXPECT_EQ(response->body, big);
  EXPECT_TRUE(client.ReadsEof());
  stopper.join();
  server->Stop();  // idempotent
}

TEST(HttpServer, WaitReturnsOnceStopped) {
  auto server = StartServer(Echo);
  ASSERT_TRUE(server);
  std::thread waiter([&] { server->Wait(/*watch_signals=*/false); });
  server->Stop();
  waiter.join();
  server->Wait(false);  // already stopped: returns at once
}

TEST(HttpServer, IdleKeepAliveConnectionIsClosed) {
  Limits limits;
  limits.idle_timeout = 100ms;
  auto server = StartServer(Echo, limits);
  ASSERT_TRUE(server);
  RawClient silent(server->port());
  EXPECT_TRUE(silent.ReadsEof());
  RawClient after_request(server->port());
  ASSERT_TRUE(after_request.Send(Get("/")));
  ASSERT_TRUE(after_request.ReadResponse());
  EXPECT_TRUE(after_request.ReadsEof());
}

TEST(HttpServer, HalfSentRequestIsClosedAfterTheReadTimeout) {
  Limits limits;
  limits.read_timeout = 100ms;
  auto server = StartServer(Echo, limits);
  ASSERT_TRUE(server);
  RawClient slow(server->port());
  ASSERT_TRUE(slow.Send("GET / HTTP/1.1\r\nHost: t\r\n"));  // never finished
  EXPECT_TRUE(slow.ReadsEof());
}

TEST(HttpServer, BindingATakenPortFails) {
  auto first = StartServer(Echo);
  ASSERT_TRUE(first);
  Result<std::unique_ptr<Server>> second = Server::Start("127.0.0.1", first->port(), Limits{}, Echo, nullptr);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), StatusCode::kIoError);
  EXPECT_NE(second.status().message().find("kan niet luisteren op 127.0.0.1 poort " + std::to_string(first->port())),
            std::string::npos)
      << second.status().message();
}

TEST(HttpServer, BadHostOrLimitsAreInvalidArguments) {
  for (std::string_view host : {"", "geen-adres", "999.1.1.1", "127.0.0.1:80"}) {
    Result<std::unique_ptr<Server>> server = Server::Start(std::string(host), 0, Limits{}, Echo, nullptr);
    ASSERT_FALSE(server.ok()) << host;
    EXPECT_EQ(server.status().code(), StatusCode::kInvalidArgument) << host;
  }
  Limits no_threads;
  no_threads.threads = 0;
  EXPECT_EQ(Server::Start("127.0.0.1", 0, no_threads, Echo, nullptr).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Server::Start("127.0.0.1", 0, Limits{}, Handler(), nullptr).status().code(), StatusCode::kInvalidArgument);
  Result<std::unique_ptr<Server>> local = Server::Start("localhost", 0, Limits{}, Echo, nullptr);
  EXPECT_TRUE(local.ok()) << local.status().ToString();
}

TEST(HttpServer, ConcurrentClientsAreServed) {
  auto server = StartServer(Echo);
  ASSERT_TRUE(server);
  std::vector<std::thread> clients;
  std::atomic<int> ok = 0;
  for (int client_idx = 0; client_idx < 8; ++client_idx) {
    clients.emplace_back([&, client_idx] {
      RawClient client(server->port());
      for (int request_idx = 0; request_idx < 20; ++request_idx) {
        std::string path = "/c" + std::to_string(client_idx) + "/" + std::to_string(request_idx);
        if (!client.Send(Get(path))) return;
        std::optional<RawResponse> response = client.ReadResponse();
        if (response && response->body.find("path=" + path + "\n") != std::string::npos) ++ok;
      }
    });
  }
  for (std::thread& client : clients) client.join();
  EXPECT_EQ(ok, 8 * 20);
}

}  // namespace
}  // namespace sz::http
