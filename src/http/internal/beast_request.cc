#include "http/internal/beast_request.h"

#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>
#include <cctype>
#include <string_view>

#include "http/messages.h"
#include "http/query.h"

namespace sz::http::internal {

namespace beast = boost::beast;

Result<Request> ToRequest(BeastRequest&& message, std::string client_address) {
  Request request;
  request.method = message.method() == beast::http::verb::head ? "GET" : std::string(message.method_string());
  std::string_view target(message.target().data(), message.target().size());
  request.raw_target = std::string(target);
  if (target.empty() || target.front() != '/') return InvalidArgumentError(msg::TargetNotAPath());
  size_t question = target.find('?');
  std::string_view raw_path = target.substr(0, question);
  ASSIGN_OR_RETURN(request.path, PercentDecodePath(raw_path));
  if (question != std::string_view::npos) {
    ASSIGN_OR_RETURN(request.query, ParseQuery(target.substr(question + 1)));
  }
  for (const auto& field : message) {
    std::string name(field.name_string().data(), field.name_string().size());
    for (char& letter : name) letter = static_cast<char>(std::tolower(static_cast<unsigned char>(letter)));
    request.headers.emplace_back(std::move(name), std::string(field.value().data(), field.value().size()));
  }
  request.body = std::move(message.body());
  request.client_address = std::move(client_address);
  return request;
}

ParseFailure DescribeParseError(const beast::error_code& error, const Limits& limits) {
  if (error == beast::http::error::header_limit) return {431, msg::HeaderTooLarge(limits.max_header_bytes)};
  if (error == beast::http::error::body_limit) return {413, msg::BodyTooLarge(limits.max_body_bytes)};
  if (error == beast::error::timeout) return {408, msg::RequestTimeout()};
  if (error == beast::http::error::partial_message || error == beast::http::error::need_more) {
    return {400, msg::IncompleteRequest()};
  }
  return {400, msg::BadRequest()};
}

}  // namespace sz::http::internal
