// The server's texts, in Dutch: the `fout` of every refusal the API gives (server/api.h).
// Texts may name a parameter and repeat a value that passed its shape check; never a password.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace sz::server::msg {

std::string UnknownPath();
std::string MethodNotAllowed(std::string_view allowed);
std::string NotLoggedIn();
std::string CsrfMissing();
std::string RoleGone();
std::string JsonBodyNeeded();
std::string LoginBody();
std::string WrongLogin();
std::string TooManyAttempts(int64_t minutes);
std::string StoreUnavailable();
std::string InternalError();
std::string AuditFailed();

std::string UnknownParameter(std::string_view name, std::initializer_list<std::string_view> known);
std::string RepeatedParameter(std::string_view name);
std::string MissingParameter(std::string_view name);
std::string BadParameter(std::string_view name, std::string_view example);
std::string UnknownIndicator(std::string_view id);
std::string UnknownRegion(std::string_view parameter, std::string_view code);
std::string UnknownField(std::string_view name);
std::string NoteTooLong(size_t max_bytes);
std::string TriageBody();

std::string AdminSeesNoFigures();
std::string AuditForAdminOnly();
std::string ForAdminOnly();
std::string NoSignalsForRole();
std::string OtherDesksSignal();
std::string PublicSeesNoWijken();
std::string OtherGemeentesWijken(std::string_view gemeente);
std::string OtherDesksWijken(std::string_view indicator);

// Loading the wijk boundaries (server/wijk_boundaries.h); each names the file.
std::string BoundariesUnreadable(std::string_view file);
std::string BoundariesNotJson(std::string_view file, size_t byte);
std::string BoundariesNotTopology(std::string_view file);
std::string BoundariesBadGeometry(std::string_view file);
std::string BoundariesArcOutOfRange(std::string_view file, int64_t index);
std::string BoundariesNoWijk(std::string_view file);

}  // namespace sz::server::msg
