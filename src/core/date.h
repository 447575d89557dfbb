// Date: a proleptic Gregorian calendar date without time zone, and its parsing.
//
// Dates in Samenzicht are civil dates (a report's received date, a birth date). They are stored
// as ISO text (YYYY-MM-DD) and computed with as day numbers (days since 1970-01-01).
//
//   ASSIGN_OR_RETURN(Date d, ParseDate("31-12-2024"));   // Dutch dd-mm-jjjj
//   d.ToIso();                                            // "2024-12-31"
//
// Thread safety: values only.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace sz {

struct Date {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31

  // Days since 1970-01-01 (negative before).
  int64_t DayNumber() const;
  static Date FromDayNumber(int64_t days);
  // ISO weekday: 1 = Monday … 7 = Sunday.
  int IsoWeekday() const;
  int DayOfYear() const;  // 1..366
  Date AddDays(int64_t days) const { return FromDayNumber(DayNumber() + days); }
  std::string ToIso() const;  // YYYY-MM-DD
  // The same ten characters into `out` (no terminator), for years 0..9999: no allocation.
  void WriteIso(char* out) const;

  auto operator<=>(const Date&) const = default;
};

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);
// True if year/month/day names a real calendar day (so 31-02-2024 is false).
bool IsValidDate(int year, int month, int day);

// The date formats Samenzicht recognises.
enum class DateFormat {
  kIso,      // 2024-02-29
  kDutch,    // 29-02-2024 (also 29/02/2024, 29.02.2024 and one-digit day/month: 1-2-2024)
  kCompact,  // 20240229
};

// Parses one date in any of the formats above (detected from its shape). Errors say which part
// is wrong, e.g. "31-02-2024 is not a date: February 2024 has 29 days".
Result<Date> ParseDate(std::string_view text);
// Parses only the given format.
Result<Date> ParseDate(std::string_view text, DateFormat format);

// The calendar of "today", behind an interface so tests can fix it.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual Date Today() const = 0;
  virtual int64_t NowUnixSeconds() const = 0;
};

// The system clock (local time zone's date).
const Clock& SystemClock();

class FixedClock : public Clock {
 public:
  explicit FixedClock(Date today) : today_(today) {}
  Date Today() const override { return today_; }
  int64_t NowUnixSeconds() const override { return today_.DayNumber() * 86400; }

 private:
  Date today_;
};

}  // namespace sz
