// Test helper: short constructors for hand-made linked involvements.
#pragma once

#include <optional>
#include <string>

#include "core/date.h"
#include "indicators/linked_involvement.h"

namespace sz::indicators::testing {

inline Date D(const std::string& iso) { return *ParseDate(iso); }

struct Row {
  LinkedInvolvement involvement;

  Row(std::string source, std::string record_id, std::string date, std::string person, std::string household) {
    involvement.source = std::move(source);
    involvement.record_id = std::move(record_id);
    involvement.betrokkene_nr = 1;
    involvement.event_date = D(date);
    involvement.person_id = std::move(person);
    involvement.household_id = std::move(household);
    involvement.gemeente = "GM0153";
    involvement.wijk = "WK015301";
  }
  Row& Nr(int nr) {
    involvement.betrokkene_nr = nr;
    return *this;
  }
  Row& End(const std::string& date) {
    involvement.end_date = D(date);
    return *this;
  }
  Row& Soort(std::string soort) {
    involvement.soort = std::move(soort);
    return *this;
  }
  Row& Rol(std::string rol) {
    involvement.rol = std::move(rol);
    return *this;
  }
  Row& Placement() {
    involvement.uithuisplaatsing = true;
    return *this;
  }
  Row& Aanbieder(std::string code) {
    involvement.aanbieder = std::move(code);
    return *this;
  }
  Row& Gemeente(std::string code) {
    involvement.gemeente = std::move(code);
    return *this;
  }
  Row& Wijk(std::string code) {
    involvement.wijk = std::move(code);
    return *this;
  }
  operator LinkedInvolvement() const { return involvement; }  // NOLINT: implicit for brace lists
};

// A VT melding (soort = melding) of one person; `end` "" = VT still involved.
inline Row Melding(std::string id, std::string date, std::string end, std::string person, std::string household) {
  Row row("veilig_thuis", std::move(id), std::move(date), std::move(person), std::move(household));
  row.Soort("melding");
  if (!end.empty()) row.End(end);
  return row;
}

inline Row Advies(std::string id, std::string date, std::string end, std::string person, std::string household) {
  Row row = Melding(std::move(id), std::move(date), std::move(end), std::move(person), std::move(household));
  row.Soort("advies");
  return row;
}

}  // namespace sz::indicators::testing
