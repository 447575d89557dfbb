// The HTTP/1.1 server transport: a listening socket, keep-alive connections, hardened limits, and a
// Handler that turns a decoded Request into a Response. It knows nothing about the API: the server
// module routes on top of it. Boost.Beast does the parsing and lives only in http_server.cc.
//
//   ASSIGN_OR_RETURN(std::unique_ptr<http::Server> server,
//                    http::Server::Start("127.0.0.1", 8080, http::Limits{}, Route, &std::clog));
//   server->Wait(/*watch_signals=*/true);   // until SIGTERM/SIGINT, then a graceful stop
//
// Contract of the transport:
// - Requests: HTTP/1.1 (and 1.0) with keep-alive. The target must be origin-form ("/path?query");
//   its path is percent-decoded (PercentDecodePath) and its query parsed (ParseQuery) before the
//   Handler is called; a target that fails either is answered 400 by the transport. Header names
//   reach the Handler lower-cased, in the order received.
// - Limits: request line + headers at most max_header_bytes (else 431), body at most max_body_bytes
//   whether announced by Content-Length or grown by chunks (else 413). Malformed requests get 400.
//   After any of these the connection is closed. A request must arrive whole within read_timeout of
//   its first byte, else the connection is closed without a response (a slow client cannot hold it);
//   a keep-alive connection without a new request for idle_timeout is closed; a response must be
//   written within idle_timeout. "Expect: 100-continue" is honoured.
// - HEAD is handled as GET: the Handler sees method "GET", the client gets the GET response's
//   headers (Content-Length included) without its body.
// - Every response carries Content-Length (except 204 and 304, which have no body),
//   X-Content-Type-Options: nosniff, Referrer-Policy: no-referrer, X-Frame-Options: DENY,
//   Cache-Control: no-store and Content-Security-Policy: default-src 'self'; frame-ancestors 'none'
//   (these two only when the Handler did not set them). Responses are gzipped (Content-Encoding:
//   gzip, Vary: Accept-Encoding) when the request's Accept-Encoding allows gzip, the body has at
//   least gzip_min_bytes and its type is JSON, CSV, text, JavaScript, CSS or SVG, unless the Handler
//   set a Content-Encoding itself.
// - A Handler that throws, returns a status outside 200–599, or a header name or value with CR, LF
//   or NUL gets the client a 500; the server keeps running.
// - Error bodies written by the transport are JSON {"fout": "<Dutch message>"} (JsonError).
// - Access log (when `access_log` is given): one line per response,
//   "2024-05-01T12:00:00.123Z GET /api/indicatoren 200 1532 4ms" (UTC time, method, path, status,
//   body bytes sent, duration). PERSONAL DATA RULE: the line holds the decoded PATH ONLY, never the
//   query string (it may carry personal data) and never the client's address; requests the
//   transport could not decode are logged with "-" for method and path. Lines are written whole
//   under a mutex, so one stream can be shared.
// - Stop(grace): stops accepting, closes idle keep-alive connections, lets requests in flight
//   (being read, handled or written) finish, their responses carrying "Connection: close", for at
//   most `grace`; then closes every connection and joins the io threads. A Handler still running at
//   the deadline cannot be interrupted: Stop returns when it has returned. Idempotent; concurrent
//   calls wait for the one stop. Must not be called from inside a Handler (it joins their threads).
// Thread safety: the Handler is called on the io threads, concurrently for different connections
// (one request at a time per connection); it must be thread-safe. Server's methods may be called
// from any thread other than the io threads.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace sz::http {

struct Request {
  std::string method;                                        // "GET", "POST", ... ("GET" for HEAD)
  std::string path;                                          // percent-decoded path, without the query string
  std::string raw_target;                                    // as received
  std::vector<std::pair<std::string, std::string>> query;    // decoded, in order (from ParseQuery)
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  std::string client_address;  // peer IP as text ("" when unknown). Personal data: never log it.
  // The value of the first header named `lower_name` (lower case), "" when absent.
  std::string Header(std::string_view lower_name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers, e.g. Set-Cookie (may repeat)
};

// Called on worker threads, concurrently.
using Handler = std::function<Response(const Request&)>;

struct Limits {
  size_t max_header_bytes = 8 * 1024;
  size_t max_body_bytes = 64 * 1024;
  std::chrono::milliseconds read_timeout{10'000};  // a request (headers+body) must arrive within this
  std::chrono::milliseconds idle_timeout{30'000};  // keep-alive connection with no request closes
  int threads = 2;                                 // io threads
  // gzip bodies at least this large when the client accepts gzip and content type is
  // JSON/CSV/text/JS/CSS/SVG.
  size_t gzip_min_bytes = 1024;
};

// {"fout": "<dutch_message>"} with `status`, properly JSON-escaped (json_text.h JsonQuote).
Response JsonError(int status, std::string_view dutch_message);

class Server {
 public:
  // Binds `host` (an IPv4 or IPv6 address; "localhost" means 127.0.0.1) and `port` (0 = any free
  // port, see port()), and starts listening with `limits.threads` io threads. Errors:
  // kInvalidArgument for a bad host or limits (threads outside 1–256, a zero size or timeout);
  // kIoError when it cannot bind or listen (Dutch message naming host, port and the system's reason).
  // `access_log` (nullable) must outlive the Server.
  static Result<std::unique_ptr<Server>> Start(const std::string& host, uint16_t port, const Limits& limits,
                                               Handler handler, std::ostream* access_log);

  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;
  ~Server();  // Stop()

  // The port listened on (the chosen one when Start was given 0).
  uint16_t port() const;

  // Graceful stop (see the contract above). Idempotent, thread-safe.
  void Stop(std::chrono::milliseconds grace = std::chrono::milliseconds(5000));

  // Blocks until Stop() is called (from another thread) or, when watch_signals, SIGTERM or SIGINT
  // arrives (then it calls Stop() itself), and the shutdown is done.
  void Wait(bool watch_signals);

 private:
  class Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sz::http
