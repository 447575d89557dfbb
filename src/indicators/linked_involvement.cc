#include "indicators/linked_involvement.h"

#include <map>
#include <set>
#include <tuple>

#include "indicators/messages.h"

namespace sz::indicators {

int DeskIndex(std::string_view source) {
  for (size_t desk = 0; desk < kDeskSources.size(); ++desk) {
    if (kDeskSources[desk] == source) return static_cast<int>(desk);
  }
  return -1;
}

bool DeskHasDuration(int desk) {
  return desk == DeskIndex("veilig_thuis") || desk == DeskIndex("jeugdhulp") || desk == DeskIndex("wmo");
}

Status ValidateInvolvements(std::span<const LinkedInvolvement> involvements) {
  std::map<std::pair<std::string_view, std::string_view>, const LinkedInvolvement*> first_row;
  std::set<std::tuple<std::string_view, std::string_view, int>> seen;
  for (const LinkedInvolvement& row : involvements) {
    int desk = DeskIndex(row.source);
    if (desk < 0) {
      return InvalidArgumentError(msg::UnknownDeskSource(row.source, row.record_id));
    }
    std::string where = msg::InvolvementPlace(row.source, row.record_id, row.betrokkene_nr);
    if (row.record_id.empty()) return DataError(msg::EmptyRecordId(row.source));
    if (row.person_id.empty() || row.household_id.empty()) {
      return DataError(msg::EmptyPersonOrHousehold(where));
    }
    if (!seen.emplace(row.source, row.record_id, row.betrokkene_nr).second) {
      return DataError(msg::AppearsTwice(where));
    }
    if (DeskHasDuration(desk) && row.end_date && *row.end_date < row.event_date) {
      return DataError(msg::EndBeforeEvent(where, row.end_date->ToIso(), row.event_date.ToIso()));
    }
    auto [it, inserted] =
        first_row.emplace(std::make_pair(std::string_view(row.source), std::string_view(row.record_id)), &row);
    if (inserted) continue;
    const LinkedInvolvement& first = *it->second;
    bool same = first.event_date == row.event_date && first.end_date == row.end_date && first.soort == row.soort &&
                first.uithuisplaatsing == row.uithuisplaatsing && first.aanbieder == row.aanbieder &&
                first.gemeente == row.gemeente;
    if (!same) {
      return DataError(msg::RegistrationFieldsDiffer(where, first.betrokkene_nr));
    }
  }
  return Status::Ok();
}

}  // namespace sz::indicators
