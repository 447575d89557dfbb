#include "indicators/messages.h"

#include <string>

namespace sz::indicators::msg {

std::string UnknownDeskSource(std::string_view source, std::string_view record_id) {
  return "onbekende meldpuntbron '" + std::string(source) + "' (registratie " + std::string(record_id) +
         "); verwacht een van veilig_thuis, zorgwekkend_gedrag, woningvervuiling, wonen_verblijf, jeugdhulp, wmo";
}
std::string EmptyRecordId(std::string_view source) {
  return std::string(source) + ": een betrokkenheid heeft een leeg registratienummer";
}
std::string InvolvementPlace(std::string_view source, std::string_view record_id, int betrokkene_nr) {
  return std::string(source) + " " + std::string(record_id) + " betrokkene " + std::to_string(betrokkene_nr);
}
std::string EmptyPersonOrHousehold(std::string_view where) {
  return std::string(where) +
         ": persoon of huishouden ontbreekt (elke betrokkenheid krijgt beide van de koppeling; koppel eerst)";
}
std::string AppearsTwice(std::string_view where) { return std::string(where) + ": komt twee keer voor"; }
std::string EndBeforeEvent(std::string_view where, std::string_view end_date, std::string_view event_date) {
  return std::string(where) + ": einddatum " + std::string(end_date) + " ligt voor de datum van de melding " +
         std::string(event_date);
}
std::string RegistrationFieldsDiffer(std::string_view where, int first_betrokkene_nr) {
  return std::string(where) +
         ": velden van de registratie (datum, einddatum, soort, uithuisplaatsing, aanbieder, gemeente) verschillen "
         "van die bij betrokkene " +
         std::to_string(first_betrokkene_nr) + " van dezelfde registratie";
}

}  // namespace sz::indicators::msg
