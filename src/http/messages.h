// The texts of the http module, in Dutch: the error bodies a browser, the dashboard or a script
// receives from the transport ({"fout": "…"}), and the errors of starting the server. One place, so
// that the transport, the static files and the server show the same words.
//
// Messages name a query parameter by its (valid, decoded) name, shortened (core/messages.h
// QuoteValue), or by its position when the name itself cannot be decoded; they never repeat a value:
// a query value may carry personal data.
//
//   return InvalidArgumentError(msg::BadPercentEscape(msg::QueryParameter("wijk")));
//   return JsonError(413, msg::BodyTooLarge(limits.max_body_bytes));
//
// Thread safety: pure functions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace sz::http::msg {

// Where a decoding problem is: "queryparameter 'wijk'", "queryparameter nr. 3", "het pad".
std::string QueryParameter(std::string_view decoded_name);
std::string QueryParameterAt(size_t position);  // 1-based
std::string Path();

// Decoding (query.h). `where` is one of the three above.
std::string BadPercentEscape(std::string_view where);
std::string NulByte(std::string_view where);
std::string ControlCharacter(std::string_view where);
std::string NotUtf8(std::string_view where);
std::string TooManyParameters(size_t maximum);
std::string ParameterWithoutName(size_t position);
std::string NameTooLong(size_t position, size_t maximum);
std::string ValueTooLong(std::string_view where, size_t maximum);

// The transport (http_server.h): error responses.
std::string BadRequest();
std::string BadRequest(std::string_view reason);  // "ongeldig verzoek: REASON"
std::string TargetNotAPath();
std::string IncompleteRequest();
std::string HeaderTooLarge(size_t maximum);
std::string BodyTooLarge(size_t maximum);
std::string RequestTimeout();
std::string InternalError();
std::string ShuttingDown();

// Starting the server. `detail` is the operating system's reason.
std::string BadHost(std::string_view host);
std::string CannotListen(std::string_view host, uint16_t port, std::string_view detail);
std::string BadThreadCount(int threads);
std::string BadLimit(std::string_view name);

// Static files (static_files.h).
std::string NotFound();
std::string BadStaticPath();
std::string CannotReadFile();

}  // namespace sz::http::msg
