#include "http/http_server.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <cctype>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <future>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include "http/internal/beast_request.h"
#include "http/json_text.h"
#include "http/messages.h"

namespace sz::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

std::string Request::Header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return value;
  }
  return "";
}

Response JsonError(int status, std::string_view dutch_message) {
  Response response;
  response.status = status;
  response.content_type = "application/json; charset=utf-8";
  response.body = "{\"fout\": " + JsonQuote(dutch_message) + "}";
  return response;
}

namespace {

constexpr char kContentSecurityPolicy[] = "default-src 'self'; frame-ancestors 'none'";
constexpr size_t kMaxLingeringBytes = 1024 * 1024;            // read and dropped before closing
constexpr std::chrono::milliseconds kMaxLingeringTime{2000};  // after an error response
constexpr std::chrono::milliseconds kAcceptRetryDelay{50};    // after a failed accept (EMFILE)
constexpr std::chrono::milliseconds kForcedCloseWait{1000};   // Stop, after the grace period

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& letter : out) letter = static_cast<char>(std::tolower(static_cast<unsigned char>(letter)));
  return out;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// True when an Accept-Encoding value lists gzip with a non-zero q (RFC 9110 §12.5.3).
bool AcceptsGzip(std::string_view accept_encoding) {
  size_t start = 0;
  while (start <= accept_encoding.size()) {
    size_t end = accept_encoding.find(',', start);
    if (end == std::string_view::npos) end = accept_encoding.size();
    std::string_view item = accept_encoding.substr(start, end - start);
    start = end + 1;
    size_t semicolon = item.find(';');
    if (Lower(Trim(item.substr(0, semicolon))) != "gzip") continue;
    if (semicolon == std::string_view::npos) return true;
    std::string parameter = Lower(Trim(item.substr(semicolon + 1)));
    if (!parameter.starts_with("q=")) return true;
    return std::strtod(parameter.c_str() + 2, nullptr) > 0;
  }
  return false;
}

// JSON, CSV, text, JavaScript, CSS, SVG: the types worth compressing.
bool IsCompressible(std::string_view content_type) {
  std::string type = Lower(Trim(content_type.substr(0, content_type.find(';'))));
  return type.starts_with("text/") || type == "application/json" || type.ends_with("+json") ||
         type == "application/javascript" || type == "image/svg+xml" || type == "application/csv";
}

// The gzip member (RFC 1952) of `input`, nullopt when zlib fails.
std::optional<std::string> Gzip(std::string_view input) {
  if (input.size() > UINT32_MAX / 2) return std::nullopt;
  z_stream stream{};
  if (deflateInit2(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return std::nullopt;
  std::string out(deflateBound(&stream, static_cast<uLong>(input.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
  stream.avail_in = static_cast<uInt>(input.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  int result = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (result != Z_STREAM_END) return std::nullopt;
  return out;
}

// RFC 9110 token characters.
bool IsTokenChar(unsigned char letter) {
  return std::isalnum(letter) ||
         std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(letter)) != std::string_view::npos;
}
bool IsValidHeaderName(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) { return IsTokenChar(c); });
}
bool IsValidHeaderValue(std::string_view value) {
  return std::none_of(value.begin(), value.end(), [](char c) { return c == '\r' || c == '\n' || c == '\0'; });
}

// A Handler's response the transport can send as it is (else it sends a 500).
bool IsSendable(const Response& response) {
  if (response.status < 200 || response.status > 599) return false;
  if (!IsValidHeaderValue(response.content_type)) return false;
  return std::all_of(response.headers.begin(), response.headers.end(), [](const auto& header) {
    return IsValidHeaderName(header.first) && IsValidHeaderValue(header.second);
  });
}

std::string UtcTimestamp(std::chrono::system_clock::time_point when) {
  auto since_epoch = std::chrono::duration_cast<std::chrono::milliseconds>(when.time_since_epoch());
  std::time_t seconds = static_cast<std::time_t>(since_epoch.count() / 1000);
  int millis = static_cast<int>(since_epoch.count() % 1000);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char text[64];
  std::snprintf(text, sizeof(text), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.tm_year + 1900, parts.tm_mon + 1,
                parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec, millis);
  return text;
}

}  // namespace

namespace internal {

class Session;

// The server's state, shared by its sessions (Server::Impl is this; a name outside Server so that
// Session may use it).
class ServerCore {
 public:
  ServerCore(const Limits& limits, Handler handler, std::ostream* access_log)
      : limits_(limits), handler_(std::move(handler)), access_log_(access_log), acceptor_(asio::make_strand(ioc_)) {}

  Status Listen(const asio::ip::address& address, uint16_t port, const std::string& host);
  void Run();
  void Stop(std::chrono::milliseconds grace);
  void Wait(bool watch_signals);
  uint16_t port() const { return port_; }

  // For the sessions.
  const Limits& limits() const { return limits_; }
  const Handler& handler() const { return handler_; }
  bool stopping() const { return stopping_.load(); }
  void Register(const std::shared_ptr<Session>& session);
  void Unregister(Session* session);
  void Log(std::string_view method, std::string_view path, int status, size_t bytes, Clock::duration duration);

 private:
  void Accept();
  void OnAccept(const beast::error_code& error, tcp::socket socket);
  std::vector<std::shared_ptr<Session>> Sessions();
  bool WaitForSessions(Clock::time_point deadline);

  const Limits limits_;
  const Handler handler_;
  std::ostream* const access_log_;
  std::mutex log_mutex_;
  std::atomic<bool> stopping_{false};

  std::mutex sessions_mutex_;
  std::condition_variable sessions_done_;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions_;

  std::mutex stop_mutex_;  // held for the whole of Stop(): concurrent calls wait for the one stop
  bool stopped_ = false;   // under stop_mutex_

  std::mutex wait_mutex_;
  std::condition_variable wait_changed_;
  bool stop_requested_ = false;  // a signal arrived (under wait_mutex_)
  bool stop_done_ = false;       // Stop() finished (under wait_mutex_)

  // Destroyed before the members above: abandoned handlers release their sessions, which Unregister.
  asio::io_context ioc_;
  tcp::acceptor acceptor_;  // on its own strand
  std::optional<asio::steady_timer> accept_retry_;
  std::optional<asio::signal_set> signals_;
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work_;
  std::vector<std::thread> threads_;
  uint16_t port_ = 0;
};

// One connection: reads requests one at a time, calls the Handler, writes the response. All its
// handlers run on the connection's strand (the socket's executor).
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(ServerCore& server, tcp::socket socket) : server_(server), stream_(std::move(socket)) {
    beast::error_code error;
    tcp::endpoint peer = stream_.socket().remote_endpoint(error);
    if (!error) client_address_ = peer.address().to_string();
    stream_.socket().set_option(tcp::no_delay(true), error);
  }
  ~Session() { server_.Unregister(this); }

  asio::any_io_executor executor() { return stream_.get_executor(); }

  void Start() {
    asio::post(executor(), [self = shared_from_this()] { self->WaitForRequest(); });
  }

  // On the strand, when the server stops: a connection waiting for its next request closes now; one
  // busy with a request finishes it (its response says "Connection: close").
  void OnStop() {
    if (state_ == State::kIdle) Close();
  }
  // On the strand, after the grace period.
  void ForceClose() { Close(); }
  // From the stopping thread once the io threads are joined (nothing else touches the session).
  void CloseFromOutside() { Close(); }

 private:
  enum class State { kIdle, kReading, kHandling, kWriting, kClosing };

  void WaitForRequest() {
    state_ = State::kIdle;
    if (server_.stopping()) return Close();
    if (buffer_.size() > 0) return ReadHeader();  // a pipelined request is already here
    stream_.expires_after(server_.limits().idle_timeout);
    stream_.async_read_some(buffer_.prepare(4096),
                            [self = shared_from_this()](const beast::error_code& error, size_t bytes) {
                              self->buffer_.commit(bytes);
                              if (error) return self->Close();  // end of stream, idle timeout, stop
                              self->ReadHeader();
                            });
  }

  void ReadHeader() {
    state_ = State::kReading;
    started_ = Clock::now();
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(std::min<size_t>(server_.limits().max_header_bytes, UINT32_MAX)));
    parser_->body_limit(static_cast<std::uint64_t>(server_.limits().max_body_bytes));
    stream_.expires_after(server_.limits().read_timeout);  // for the whole request, body included
    bhttp::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](const beast::error_code& error, size_t) { self->OnHeader(error); });
  }

  void OnHeader(const beast::error_code& error) {
    if (error) return OnReadError(error);
    if (parser_->is_done()) return Handle();
    const auto& header = parser_->get();
    auto expect = header[bhttp::field::expect];
    if (header.version() >= 11 && beast::iequals(expect, "100-continue")) {
      static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      return asio::async_write(stream_, asio::buffer(kContinue.data(), kContinue.size()),
                               [self = shared_from_this()](const beast::error_code& write_error, size_t) {
                                 if (write_error) return self->Close();
                                 self->ReadBody();
                               });
    }
    ReadBody();
  }

  void ReadBody() {
    bhttp::async_read(stream_, buffer_, *parser_, [self = shared_from_this()](const beast::error_code& error, size_t) {
      if (error) return self->OnReadError(error);
      self->Handle();
    });
  }

  void OnReadError(const beast::error_code& error) {
    if (error == bhttp::error::end_of_stream || error == asio::error::operation_aborted ||
        error == asio::error::connection_reset || error == beast::error::timeout || !stream_.socket().is_open()) {
      // The client went away, or the read timed out (Beast closed the socket then), or we stop.
      return Close();
    }
    internal::ParseFailure failure = internal::DescribeParseError(error, server_.limits());
    std::string method = parser_ && parser_->is_header_done() ? std::string(parser_->get().method_string()) : "-";
    Send(JsonError(failure.status, failure.message), {.version = 11, .keep_alive = false, .log_method = method},
         /*after_error=*/true);
  }

  void Handle() {
    state_ = State::kHandling;
    const auto& header = parser_->get();
    SendOptions options;
    options.version = header.version();
    options.keep_alive = header.keep_alive();
    options.head = header.method() == bhttp::verb::head;
    options.gzip = AcceptsGzip(
        std::string_view(header[bhttp::field::accept_encoding].data(), header[bhttp::field::accept_encoding].size()));
    options.log_method = std::string(header.method_string());
    Result<Request> request = internal::ToRequest(parser_->release(), client_address_);
    parser_.reset();
    if (!request.ok()) return Send(JsonError(400, request.status().message()), std::move(options));
    options.log_path = request->path;
    Response response;
    try {
      response = server_.handler()(*request);
      if (!IsSendable(response)) response = JsonError(500, msg::InternalError());
    } catch (...) {
      response = JsonError(500, msg::InternalError());
    }
    Send(std::move(response), std::move(options));
  }

  struct SendOptions {
    unsigned version = 11;
    bool keep_alive = false;
    bool head = false;
    bool gzip = false;  // the client accepts gzip
    std::string log_method = "-";
    std::string log_path = "-";
  };

  void Send(Response response, SendOptions options, bool after_error = false) {
    state_ = State::kWriting;
    auto message = std::make_unique<bhttp::response<bhttp::string_body>>();
    message->version(options.version);
    message->result(static_cast<unsigned>(response.status));
    for (const auto& [name, value] : response.headers) message->insert(name, value);
    // The transport frames the message itself.
    for (bhttp::field field : {bhttp::field::content_length, bhttp::field::transfer_encoding, bhttp::field::connection,
                               bhttp::field::keep_alive, bhttp::field::content_type}) {
      message->erase(field);
    }
    message->set(bhttp::field::content_type, response.content_type);
    message->set("X-Content-Type-Options", "nosniff");
    message->set("Referrer-Policy", "no-referrer");
    message->set(bhttp::field::x_frame_options, "DENY");
    if (message->find(bhttp::field::cache_control) == message->end()) {
      message->set(bhttp::field::cache_control, "no-store");
    }
    if (message->find("Content-Security-Policy") == message->end()) {
      message->set("Content-Security-Policy", kContentSecurityPolicy);
    }
    bool no_body = response.status == 204 || response.status == 304;
    if (no_body) response.body.clear();
    if (!no_body && IsCompressible(response.content_type) && response.body.size() >= server_.limits().gzip_min_bytes &&
        message->find(bhttp::field::content_encoding) == message->end()) {
      message->insert(bhttp::field::vary, "Accept-Encoding");
      if (options.gzip) {
        if (std::optional<std::string> compressed = Gzip(response.body)) {
          response.body = std::move(*compressed);
          message->set(bhttp::field::content_encoding, "gzip");
        }
      }
    }
    message->keep_alive(options.keep_alive && !server_.stopping());
    if (!no_body) message->content_length(response.body.size());
    if (!options.head) message->body() = std::move(response.body);
    bool close = !message->keep_alive();
    size_t body_bytes = message->body().size();
    response_ = std::move(message);
    stream_.expires_after(server_.limits().idle_timeout);
    bhttp::async_write(stream_, *response_,
                       [self = shared_from_this(), status = response.status, body_bytes, close, after_error,
                        options = std::move(options)](const beast::error_code& error, size_t) {
                         self->server_.Log(options.log_method, options.log_path, status, body_bytes,
                                           Clock::now() - self->started_);
                         self->response_.reset();
                         if (error) return self->Close();
                         if (after_error) return self->LingeringClose();
                         if (close || self->server_.stopping()) {
                           beast::error_code ignored;
                           self->stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
                           return self->Close();
                         }
                         self->WaitForRequest();
                       });
  }

  // After an error response the rest of the request may still be arriving: closing with unread data
  // would reset the connection and the client might lose the response. So: stop sending, read and
  // drop what comes (bounded in bytes and time), then close.
  void LingeringClose() {
    state_ = State::kClosing;
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    buffer_.consume(buffer_.size());
    stream_.expires_after(kMaxLingeringTime);
    Drain();
  }
  void Drain() {
    stream_.async_read_some(asio::buffer(drain_),
                            [self = shared_from_this()](const beast::error_code& error, size_t bytes) {
                              self->drained_ += bytes;
                              if (error || self->drained_ > kMaxLingeringBytes) return self->Close();
                              self->Drain();
                            });
  }

  void Close() {
    state_ = State::kClosing;
    stream_.close();  // cancels pending operations; never throws
  }

  ServerCore& server_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::unique_ptr<bhttp::response<bhttp::string_body>> response_;
  std::string client_address_;
  State state_ = State::kIdle;
  Clock::time_point started_ = Clock::now();
  std::array<char, 4096> drain_{};
  size_t drained_ = 0;
};

Status ServerCore::Listen(const asio::ip::address& address, uint16_t port, const std::string& host) {
  tcp::endpoint endpoint(address, port);
  beast::error_code error;
  acceptor_.open(endpoint.protocol(), error);
  if (!error) acceptor_.set_option(asio::socket_base::reuse_address(true), error);
  if (!error) acceptor_.bind(endpoint, error);
  if (!error) acceptor_.listen(asio::socket_base::max_listen_connections, error);
  if (error) return IoError(msg::CannotListen(host, port, error.message()));
  port_ = acceptor_.local_endpoint(error).port();
  if (error) return IoError(msg::CannotListen(host, port, error.message()));
  return Status::Ok();
}

void ServerCore::Run() {
  work_.emplace(ioc_.get_executor());
  asio::post(acceptor_.get_executor(), [this] { Accept(); });
  threads_.reserve(static_cast<size_t>(limits_.threads));
  for (int thread_idx = 0; thread_idx < limits_.threads; ++thread_idx) {
    threads_.emplace_back([this] { ioc_.run(); });
  }
}

void ServerCore::Accept() {
  acceptor_.async_accept(asio::make_strand(ioc_), [this](const beast::error_code& error, tcp::socket socket) {
    OnAccept(error, std::move(socket));
  });
}

void ServerCore::OnAccept(const beast::error_code& error, tcp::socket socket) {
  if (stopping_ || !acceptor_.is_open() || error == asio::error::operation_aborted) return;
  if (error) {
    // Out of file descriptors, say: try again a little later rather than spin.
    accept_retry_.emplace(acceptor_.get_executor(), kAcceptRetryDelay);
    accept_retry_->async_wait([this](const beast::error_code& wait_error) {
      if (!wait_error) Accept();
    });
    return;
  }
  auto session = std::make_shared<Session>(*this, std::move(socket));
  Register(session);
  session->Start();
  Accept();
}

void ServerCore::Register(const std::shared_ptr<Session>& session) {
  std::lock_guard lock(sessions_mutex_);
  sessions_.emplace(session.get(), session);
}

void ServerCore::Unregister(Session* session) {
  std::lock_guard lock(sessions_mutex_);
  sessions_.erase(session);
  if (sessions_.empty()) sessions_done_.notify_all();
}

std::vector<std::shared_ptr<Session>> ServerCore::Sessions() {
  std::vector<std::shared_ptr<Session>> out;
  std::lock_guard lock(sessions_mutex_);
  for (const auto& [pointer, weak] : sessions_) {
    if (std::shared_ptr<Session> session = weak.lock()) out.push_back(std::move(session));
  }
  return out;
}

bool ServerCore::WaitForSessions(Clock::time_point deadline) {
  std::unique_lock lock(sessions_mutex_);
  return sessions_done_.wait_until(lock, deadline, [this] { return sessions_.empty(); });
}

void ServerCore::Log(std::string_view method, std::string_view path, int status, size_t bytes,
                     Clock::duration duration) {
  if (access_log_ == nullptr) return;
  // PERSONAL DATA RULE (http_server.h): the path only, never the query string or the client address.
  std::string line = UtcTimestamp(std::chrono::system_clock::now());
  line += ' ';
  line += method;
  line += ' ';
  line += path;
  line += ' ' + std::to_string(status) + ' ' + std::to_string(bytes) + ' ' +
          std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(duration).count()) + "ms\n";
  std::lock_guard lock(log_mutex_);
  *access_log_ << line << std::flush;
}

void ServerCore::Stop(std::chrono::milliseconds grace) {
  std::lock_guard stop_lock(stop_mutex_);
  if (stopped_) return;
  Clock::time_point deadline = Clock::now() + grace;
  stopping_ = true;

  // 1. No new connections.
  std::promise<void> acceptor_closed;
  asio::post(acceptor_.get_executor(), [this, &acceptor_closed] {
    beast::error_code ignored;
    acceptor_.close(ignored);
    if (accept_retry_) accept_retry_->cancel();
    acceptor_closed.set_value();
  });
  acceptor_closed.get_future().wait();

  // 2. Idle connections close now; requests in flight finish, up to the deadline.
  for (const std::shared_ptr<Session>& session : Sessions()) {
    asio::post(session->executor(), [session] { session->OnStop(); });
  }
  if (!WaitForSessions(deadline)) {
    // 3. Past the grace period: close what is left (after a running Handler returns).
    for (const std::shared_ptr<Session>& session : Sessions()) {
      asio::post(session->executor(), [session] { session->ForceClose(); });
    }
    WaitForSessions(Clock::now() + kForcedCloseWait);
  }

  // 4. Stop the io threads; close whatever a blocked handler kept from closing above.
  work_.reset();
  ioc_.stop();
  for (std::thread& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
  for (const std::shared_ptr<Session>& session : Sessions()) session->CloseFromOutside();
  ioc_.restart();
  ioc_.poll();  // the cancelled operations complete; their sessions are released

  stopped_ = true;
  {
    std::lock_guard lock(wait_mutex_);
    stop_done_ = true;
  }
  wait_changed_.notify_all();
}

void ServerCore::Wait(bool watch_signals) {
  std::unique_lock lock(wait_mutex_);
  if (watch_signals && !stop_done_ && !signals_) {
    signals_.emplace(ioc_, SIGTERM, SIGINT);
    signals_->async_wait([this](const beast::error_code& error, int) {
      if (error) return;
      {
        std::lock_guard signal_lock(wait_mutex_);
        stop_requested_ = true;
      }
      wait_changed_.notify_all();
    });
  }
  wait_changed_.wait(lock, [this] { return stop_requested_ || stop_done_; });
  if (!stop_done_) {
    lock.unlock();
    Stop(std::chrono::milliseconds(5000));
    lock.lock();
  }
  wait_changed_.wait(lock, [this] { return stop_done_; });
  signals_.reset();  // the io threads are joined: the default signal actions return
}

}  // namespace internal

class Server::Impl : public internal::ServerCore {
 public:
  using ServerCore::ServerCore;
};

Result<std::unique_ptr<Server>> Server::Start(const std::string& host, uint16_t port, const Limits& limits,
                                              Handler handler, std::ostream* access_log) {
  if (limits.threads < 1 || limits.threads > 256) return InvalidArgumentError(msg::BadThreadCount(limits.threads));
  if (limits.max_header_bytes == 0 || limits.max_header_bytes > UINT32_MAX) {
    return InvalidArgumentError(msg::BadLimit("max_header_bytes"));
  }
  if (limits.read_timeout.count() <= 0) return InvalidArgumentError(msg::BadLimit("read_timeout"));
  if (limits.idle_timeout.count() <= 0) return InvalidArgumentError(msg::BadLimit("idle_timeout"));
  if (!handler) return InvalidArgumentError(msg::BadLimit("handler"));
  beast::error_code error;
  asio::ip::address address = asio::ip::make_address(host == "localhost" ? "127.0.0.1" : host, error);
  if (error) return InvalidArgumentError(msg::BadHost(host));

  auto impl = std::make_unique<Impl>(limits, std::move(handler), access_log);
  RETURN_IF_ERROR(impl->Listen(address, port, host));
  impl->Run();
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() { Stop(); }

uint16_t Server::port() const { return impl_->port(); }

void Server::Stop(std::chrono::milliseconds grace) { impl_->Stop(grace); }

void Server::Wait(bool watch_signals) { impl_->Wait(watch_signals); }

}  // namespace sz::http
