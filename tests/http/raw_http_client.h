// Test helper for tests/http: a deliberately plain HTTP/1.1 client over a POSIX socket, so that the
// server is checked against bytes on the wire (not against a second HTTP library's idea of them).
// Reads time out after 10 s so that a broken server fails a test instead of hanging it.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sz::http::testing {

struct RawResponse {
  int status = 0;
  std::string status_line;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;

  std::string Header(std::string_view lower_name) const {
    for (const auto& [name, value] : headers) {
      if (name == lower_name) return value;
    }
    return "";
  }
  bool Has(std::string_view lower_name) const { return Count(lower_name) > 0; }
  int Count(std::string_view lower_name) const {
    int count = 0;
    for (const auto& header : headers) count += header.first == lower_name;
    return count;
  }
};

class RawClient {
 public:
  explicit RawClient(uint16_t port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) return;
    timeval timeout{.tv_sec = 10, .tv_usec = 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
    ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof(timeout));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }
  ~RawClient() {
    if (fd_ >= 0) ::close(fd_);
  }
  RawClient(const RawClient&) = delete;
  RawClient& operator=(const RawClient&) = delete;

  bool connected() const { return fd_ >= 0; }

  // True when every byte was sent.
  bool Send(std::string_view data) {
    while (!data.empty()) {
      ssize_t sent = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (sent <= 0) {
        if (sent < 0 && errno == EINTR) continue;
        return false;
      }
      data.remove_prefix(static_cast<size_t>(sent));
    }
    return true;
  }

  // One response; `head`: the request was HEAD, so no body follows whatever Content-Length says.
  std::optional<RawResponse> ReadResponse(bool head = false) {
    size_t end;
    while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (!Fill()) return std::nullopt;
    }
    RawResponse response;
    std::string_view header_block(buffer_.data(), end);
    size_t line_end = header_block.find("\r\n");
    response.status_line = std::string(header_block.substr(0, line_end));
    if (response.status_line.size() < 12 || !response.status_line.starts_with("HTTP/1.")) return std::nullopt;
    response.status = std::atoi(response.status_line.c_str() + 9);
    while (line_end != std::string_view::npos) {
      size_t start = line_end + 2;
      line_end = header_block.find("\r\n", start);
      std::string_view line =
          header_block.substr(start, line_end == std::string_view::npos ? std::string_view::npos : line_end - start);
      size_t colon = line.find(':');
      if (colon == std::string_view::npos) return std::nullopt;
      std::string name(line.substr(0, colon));
      for (char& letter : name) letter = static_cast<char>(std::tolower(static_cast<unsigned char>(letter)));
      std::string_view value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      response.headers.emplace_back(std::move(name), std::string(value));
    }
    buffer_.erase(0, end + 4);
    bool no_body = head || response.status < 200 || response.status == 204 || response.status == 304;
    if (no_body) return response;
    if (response.Has("content-length")) {
      size_t length = std::strtoul(response.Header("content-length").c_str(), nullptr, 10);
      while (buffer_.size() < length) {
        if (!Fill()) return std::nullopt;
      }
      response.body = buffer_.substr(0, length);
      buffer_.erase(0, length);
    } else {
      while (Fill()) {
      }
      response.body = std::move(buffer_);
      buffer_.clear();
    }
    return response;
  }

  // True when the server closes the connection (orderly EOF, or a reset) before sending anything more;
  // false when bytes arrive or the read times out.
  bool ReadsEof() {
    if (!buffer_.empty()) return false;
    char byte;
    ssize_t got = ::recv(fd_, &byte, 1, 0);
    if (got == 0) return true;
    if (got < 0 && errno == ECONNRESET) return true;
    return false;
  }

 private:
  bool Fill() {
    char chunk[4096];
    ssize_t got = ::recv(fd_, chunk, sizeof(chunk), 0);
    if (got < 0 && errno == EINTR) return true;
    if (got <= 0) return false;
    buffer_.append(chunk, static_cast<size_t>(got));
    return true;
  }

  int fd_ = -1;
  std::string buffer_;
};

}  // namespace sz::http::testing
