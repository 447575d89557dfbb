// The transport's request parsing as one pure function, for fuzzing (tests/http/fuzz/) and for tests:
// Beast's request parser with the header and body limits of `limits`, then the same decoding of the
// target and headers as the server does (http_server.h) before a Handler sees a request.
//
//   Result<Request> request = ParseRequestForFuzzing("GET /a?b=1 HTTP/1.1\r\nHost: x\r\n\r\n", Limits{});
//
// Contract: `raw` must hold exactly one complete request (bytes after it are ignored). Errors, all
// kInvalidArgument with the Dutch message the server would send: malformed or incomplete request,
// headers over max_header_bytes, body over max_body_bytes, a target that is not origin-form or fails
// PercentDecodePath/ParseQuery. The Request's client_address is "".
// Thread safety: pure function.
#pragma once

#include <string_view>

#include "core/status.h"
#include "http/http_server.h"

namespace sz::http {

Result<Request> ParseRequestForFuzzing(std::string_view raw, const Limits& limits);

}  // namespace sz::http
