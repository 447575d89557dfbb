// Periods: ISO-8601 weeks, months, quarters and years, and mapping between them.
//
// A Period is a half-open range of days [first, last]. Text forms (used in the store, the API and
// CSV files): "2024-W01", "2024-03", "2024-Q1", "2024".
//
// ISO weeks start on Monday; week 1 is the week containing the year's first Thursday, so
// 2024-12-30 is in 2025-W01 and 2021-01-03 is in 2020-W53.
//
//   IsoWeek w = IsoWeek::FromDate(Date{2024, 12, 30});   // {2025, 1}
//   Period p = Period::Quarter(2024, 1);                   // 2024-01-01 … 2024-03-31
//   p.Contains(Date{2024, 2, 29});                         // true
//
// Mapping a week to a month or quarter uses the week's Thursday (the ISO convention: a week
// belongs to the year, month and quarter that hold its Thursday).
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/status.h"

namespace sz {

struct IsoWeek {
  int year = 1970;  // the ISO week-year (may differ from the calendar year around 1 January)
  int week = 1;     // 1..52 or 53

  static IsoWeek FromDate(Date date);
  Date Monday() const;
  Date Thursday() const { return Monday().AddDays(3); }
  IsoWeek Next() const;
  IsoWeek Previous() const;
  // Index that increases by one per week: usable for differences between weeks.
  int64_t Ordinal() const { return Monday().DayNumber() / 7; }
  std::string ToString() const;  // "2024-W01"

  auto operator<=>(const IsoWeek&) const = default;
};

// Number of ISO weeks (52 or 53) in an ISO week-year.
int IsoWeeksInYear(int year);

enum class PeriodKind { kWeek, kMonth, kQuarter, kYear };

std::string_view PeriodKindName(PeriodKind kind);  // "week", "maand", "kwartaal", "jaar"

class Period {
 public:
  static Period Week(IsoWeek week);
  static Period Month(int year, int month);
  static Period Quarter(int year, int quarter);
  static Period Year(int year);
  // The period of the given kind that contains `date` (for weeks: the ISO week of the date).
  static Period Containing(PeriodKind kind, Date date);
  // Parses "2024-W01", "2024-03", "2024-Q1" or "2024".
  static Result<Period> Parse(std::string_view text);

  PeriodKind kind() const { return kind_; }
  int year() const { return year_; }     // ISO week-year for weeks
  int number() const { return number_; }  // week, month or quarter number; 0 for years
  Date first_day() const { return first_; }
  Date last_day() const { return last_; }
  bool Contains(Date date) const { return first_ <= date && date <= last_; }
  int64_t Days() const { return last_.DayNumber() - first_.DayNumber() + 1; }

  // The enclosing period of a coarser kind. For a week, the month/quarter/year of its Thursday.
  // Requires `kind` coarser than or equal to this period's kind.
  Period CoarsenTo(PeriodKind kind) const;
  Period Next() const;
  Period Previous() const;
  std::string ToString() const;

  bool operator==(const Period& other) const { return kind_ == other.kind_ && first_ == other.first_; }
  auto operator<=>(const Period& other) const {
    if (auto c = kind_ <=> other.kind_; c != 0) return c;
    return first_ <=> other.first_;
  }

 private:
  Period(PeriodKind kind, int year, int number, Date first, Date last)
      : kind_(kind), year_(year), number_(number), first_(first), last_(last) {}
  PeriodKind kind_;
  int year_;
  int number_;
  Date first_;
  Date last_;
};

}  // namespace sz
