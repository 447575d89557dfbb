// The texts of the indicators module, in Dutch: what an analyst reads when linked involvements
// cannot be used for the cross-desk measures. One place, so that the command, the server and the
// dashboard show the same words. Messages name the registration (source, record id, betrokkene),
// never a pseudonym.
//
//   return DataError(msg::Involvement(where, msg::AppearsTwice()));
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace sz::indicators::msg {

std::string UnknownDeskSource(std::string_view source, std::string_view record_id);
std::string EmptyRecordId(std::string_view source);
// "SOURCE RECORD betrokkene N", the place of an involvement in the messages below.
std::string InvolvementPlace(std::string_view source, std::string_view record_id, int betrokkene_nr);
std::string EmptyPersonOrHousehold(std::string_view where);
std::string AppearsTwice(std::string_view where);
std::string EndBeforeEvent(std::string_view where, std::string_view end_date, std::string_view event_date);
std::string RegistrationFieldsDiffer(std::string_view where, int first_betrokkene_nr);

}  // namespace sz::indicators::msg
