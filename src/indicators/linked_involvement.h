// LinkedInvolvement: the input of every cross-desk measure (issue 7, part 3) — one row per person per
// desk registration, with the person and household that linkage assigned to it.
//
// The lead fills this table from the store (one LinkedInvolvement per stored extract row, with the
// linkage's person and household id); the synthetic-Twente validation fills it from the generator's
// truth (truth_comparison.h; pipeline/truth.h reads it). The measures (vt_classification.h, desk_overlap.h,
// organisations_per_family.h, placements.h, time_to_next_report.h; all at once: cross_desk_measures.h) are pure
// functions of it.
//
//   std::vector<LinkedInvolvement> rows = ...;
//   RETURN_IF_ERROR(ValidateInvolvements(rows));   // the measures call it too
//
// Contract:
// - `source` is one of the six desk sources of the contracts (kDeskSources). Other sources are an error.
// - The registration fields (event_date, end_date, soort, uithuisplaatsing, aanbieder, gemeente) are
//   the same on every involvement of one registration (source, record_id); a difference is kDataError.
// - (source, record_id, betrokkene_nr) is unique; person_id and household_id are not empty.
// - end_date, where present, is on or after event_date.
// Thread safety: plain values.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/status.h"

namespace sz::indicators {

// The desk sources (src/sources/contracts.cc), in a fixed order used for matrices and output.
inline constexpr std::array<std::string_view, 6> kDeskSources = {
    "veilig_thuis", "zorgwekkend_gedrag", "woningvervuiling", "wonen_verblijf", "jeugdhulp", "wmo"};
inline constexpr int kVeiligThuisDesk = 0;
inline constexpr int kJeugdhulpDesk = 4;

// Index of `source` in kDeskSources, or -1.
int DeskIndex(std::string_view source);
// True for the sources whose registrations last (VT case: ontvangen_op … afgesloten_op; jeugdhulp and
// Wmo: startdatum … einddatum). The other desks' reports are single days.
bool DeskHasDuration(int desk);

struct LinkedInvolvement {
  std::string source;             // contract name, e.g. "veilig_thuis"
  std::string record_id;          // melding_id / aanvraag_id / traject_id / voorziening_id
  int betrokkene_nr = 0;          // the person's number within the registration
  std::string rol;                // the contract role (veilig_thuis: slachtoffer, pleger, kind, ouder, overig;
                                  // jeugdhulp: jeugdige, ouder; …); jeugdhulp needs it to know the child
  Date event_date;                // ontvangen_op (reports) or startdatum (trajectories, provisions)
  std::optional<Date> end_date;   // afgesloten_op / einddatum; empty = VT still involved / still running.
                                  // Ignored for the single-day desks.
  std::string soort;              // veilig_thuis: "advies" or "melding"; wmo: soort voorziening; else ""
  bool uithuisplaatsing = false;  // jeugdhulp: uithuisplaatsing = ja
  std::string aanbieder;          // jeugdhulp, wmo: provider code; else ""
  std::string gemeente;           // GM code of the registration (its `gemeente` column)
  std::string wijk;               // WK code of the person's address; "" when unknown
  std::string person_id;          // from linkage (or the truth): equal ids = the same person
  std::string household_id;       // from linkage (or the truth): equal ids = the same household
};

// Checks the contract above. kInvalidArgument for an unknown source; kDataError (naming the record)
// for inconsistent registration fields, a duplicate row, an empty id or an end before the start.
Status ValidateInvolvements(std::span<const LinkedInvolvement> involvements);

}  // namespace sz::indicators
