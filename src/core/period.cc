#include "core/period.h"

#include <cstdio>

#include "core/digits.h"
#include "core/messages.h"

namespace sz {

IsoWeek IsoWeek::FromDate(Date date) {
  // The week belongs to the ISO year of its Thursday.
  Date thursday = date.AddDays(4 - date.IsoWeekday());
  int week = (thursday.DayOfYear() - 1) / 7 + 1;
  return IsoWeek{thursday.year, week};
}

Date IsoWeek::Monday() const {
  // 4 January is always in week 1.
  Date jan4{year, 1, 4};
  Date week1_monday = jan4.AddDays(1 - jan4.IsoWeekday());
  return week1_monday.AddDays(static_cast<int64_t>(week - 1) * 7);
}

IsoWeek IsoWeek::Next() const { return FromDate(Monday().AddDays(7)); }
IsoWeek IsoWeek::Previous() const { return FromDate(Monday().AddDays(-7)); }

std::string IsoWeek::ToString() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", year, week);
  return buf;
}

int IsoWeeksInYear(int year) { return IsoWeek::FromDate(Date{year, 12, 28}).week; }

std::string_view PeriodKindName(PeriodKind kind) {
  switch (kind) {
    case PeriodKind::kWeek: return "week";
    case PeriodKind::kMonth: return "maand";
    case PeriodKind::kQuarter: return "kwartaal";
    case PeriodKind::kYear: return "jaar";
  }
  return "?";
}

Period Period::Week(IsoWeek week) {
  Date monday = week.Monday();
  return Period(PeriodKind::kWeek, week.year, week.week, monday, monday.AddDays(6));
}

Period Period::Month(int year, int month) {
  return Period(PeriodKind::kMonth, year, month, Date{year, month, 1}, Date{year, month, DaysInMonth(year, month)});
}

Period Period::Quarter(int year, int quarter) {
  int first_month = (quarter - 1) * 3 + 1;
  int last_month = first_month + 2;
  return Period(PeriodKind::kQuarter, year, quarter, Date{year, first_month, 1},
                Date{year, last_month, DaysInMonth(year, last_month)});
}

Period Period::Year(int year) { return Period(PeriodKind::kYear, year, 0, Date{year, 1, 1}, Date{year, 12, 31}); }

Period Period::Containing(PeriodKind kind, Date date) {
  switch (kind) {
    case PeriodKind::kWeek: return Week(IsoWeek::FromDate(date));
    case PeriodKind::kMonth: return Month(date.year, date.month);
    case PeriodKind::kQuarter: return Quarter(date.year, (date.month - 1) / 3 + 1);
    case PeriodKind::kYear: return Year(date.year);
  }
  return Year(date.year);
}

Result<Period> Period::Parse(std::string_view text) {
  auto bad = [&](std::string why) { return DataError(msg::NotAPeriod(text, why)); };
  int year = 0;
  if (text.size() < 4 || !ParseDigits(text.substr(0, 4), year)) return bad("geen jaar");
  if (text.size() == 4) return Year(year);
  if (text.size() < 6 || text[4] != '-') return bad("onbekende vorm");
  std::string_view rest = text.substr(5);
  int number = 0;
  if (rest[0] == 'W' || rest[0] == 'w') {
    if (!ParseDigits(rest.substr(1), number)) return bad("weeknummer ontbreekt");
    if (number < 1 || number > IsoWeeksInYear(year)) {
      return bad(std::to_string(year) + " heeft " + std::to_string(IsoWeeksInYear(year)) + " ISO-weken");
    }
    return Week(IsoWeek{year, number});
  }
  if (rest[0] == 'Q' || rest[0] == 'q' || rest[0] == 'K' || rest[0] == 'k') {
    if (!ParseDigits(rest.substr(1), number) || number < 1 || number > 4) return bad("kwartaal moet 1..4 zijn");
    return Quarter(year, number);
  }
  if (!ParseDigits(rest, number) || number < 1 || number > 12) return bad("maand moet 01..12 zijn");
  return Month(year, number);
}

Period Period::CoarsenTo(PeriodKind kind) const {
  if (kind == kind_) return *this;
  Date anchor = kind_ == PeriodKind::kWeek ? first_.AddDays(3) : first_;
  return Containing(kind, anchor);
}

Period Period::Next() const {
  if (kind_ == PeriodKind::kWeek) return Week(IsoWeek{year_, number_}.Next());
  return Containing(kind_, last_.AddDays(1));
}

Period Period::Previous() const {
  if (kind_ == PeriodKind::kWeek) return Week(IsoWeek{year_, number_}.Previous());
  return Containing(kind_, first_.AddDays(-1));
}

std::string Period::ToString() const {
  char buf[16];
  switch (kind_) {
    case PeriodKind::kWeek: std::snprintf(buf, sizeof buf, "%04d-W%02d", year_, number_); break;
    case PeriodKind::kMonth: std::snprintf(buf, sizeof buf, "%04d-%02d", year_, number_); break;
    case PeriodKind::kQuarter: std::snprintf(buf, sizeof buf, "%04d-Q%d", year_, number_); break;
    case PeriodKind::kYear: std::snprintf(buf, sizeof buf, "%04d", year_); break;
  }
  return buf;
}

}  // namespace sz
