// Private to http: the one conversion of a parsed Beast request into a Request (decoded target,
// lower-cased headers), and the one mapping of Beast's parse errors to an error response. The server
// (http_server.cc) and ParseRequestForFuzzing (request_parser.cc) both use these.
#pragma once

#include <boost/beast/core/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <string>

#include "core/status.h"
#include "http/http_server.h"

namespace sz::http::internal {

using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;

// The Request for a parsed message: kInvalidArgument (Dutch message) when the target is not
// origin-form or its path or query does not decode. HEAD becomes "GET".
Result<Request> ToRequest(BeastRequest&& message, std::string client_address);

// The HTTP status and Dutch message for a failed read of a request: 431 (header_limit), 413
// (body_limit), 408 (timeout), else 400.
struct ParseFailure {
  int status = 400;
  std::string message;
};
ParseFailure DescribeParseError(const boost::beast::error_code& error, const Limits& limits);

}  // namespace sz::http::internal
