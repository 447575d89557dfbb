#include "http/request_parser.h"

#include <algorithm>
#include <boost/asio/buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <cstdint>

#include "http/internal/beast_request.h"

namespace sz::http {

namespace beast = boost::beast;

Result<Request> ParseRequestForFuzzing(std::string_view raw, const Limits& limits) {
  beast::http::request_parser<beast::http::string_body> parser;
  parser.header_limit(static_cast<std::uint32_t>(std::min<size_t>(limits.max_header_bytes, UINT32_MAX)));
  parser.body_limit(static_cast<std::uint64_t>(limits.max_body_bytes));
  parser.eager(true);
  // All of the input is presented on every call. Beast's contract for need_more is "call again with
  // the unconsumed bytes *and more*": with no more to give, need_more means the request is
  // incomplete (presenting the same bytes again trips Beast's assertions; found by the fuzzer).
  beast::error_code error;
  size_t offset = 0;
  while (!parser.is_done() && !error) {
    size_t used = parser.put(boost::asio::buffer(raw.data() + offset, raw.size() - offset), error);
    offset += used;
    if (!error && used == 0) error = beast::http::error::need_more;
  }
  if (!parser.is_done()) {
    return InvalidArgumentError(internal::DescribeParseError(error, limits).message);
  }
  return internal::ToRequest(parser.release(), "");
}

}  // namespace sz::http
