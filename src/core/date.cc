#include "core/date.h"

#include <chrono>
#include <cstdio>
#include <ctime>

#include "core/digits.h"
#include "core/messages.h"

namespace sz {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms,
// http://howardhinnant.github.io/date_algorithms.html).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

Result<Date> Validate(std::string_view text, int y, int m, int d) {
  if (m < 1 || m > 12) {
    return DataError(msg::MonthDoesNotExist(text, m));
  }
  if (d < 1 || d > DaysInMonth(y, m)) {
    return DataError(msg::DayDoesNotExist(text, y, m, DaysInMonth(y, m)));
  }
  if (y < 1800 || y > 2200) {
    return DataError(msg::ImplausibleYear(text, y));
  }
  return Date{y, m, d};
}

}  // namespace

int64_t Date::DayNumber() const {
  return DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

Date Date::FromDayNumber(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

int Date::IsoWeekday() const {
  // 1970-01-01 was a Thursday (ISO 4).
  int64_t n = DayNumber();
  int64_t wd = ((n % 7) + 7 + 3) % 7;  // 0 = Monday
  return static_cast<int>(wd) + 1;
}

int Date::DayOfYear() const { return static_cast<int>(DayNumber() - Date{year, 1, 1}.DayNumber()) + 1; }

void Date::WriteIso(char* out) const {
  auto digits = [](char* at, int value, int width) {
    for (int i = width - 1; i >= 0; --i, value /= 10) at[i] = static_cast<char>('0' + value % 10);
  };
  digits(out, year, 4);
  out[4] = '-';
  digits(out + 5, month, 2);
  out[7] = '-';
  digits(out + 8, day, 2);
}

std::string Date::ToIso() const {
  if (year < 0 || year > 9999) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
  }
  std::string out(10, '0');
  WriteIso(out.data());
  return out;
}

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[month - 1];
}

bool IsValidDate(int year, int month, int day) {
  return month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(year, month);
}

Result<Date> ParseDate(std::string_view text, DateFormat format) {
  auto bad = [&](const char* expected) { return DataError(msg::NotADateInForm(text, expected)); };
  int y = 0, m = 0, d = 0;
  switch (format) {
    case DateFormat::kIso: {
      if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad("JJJJ-MM-DD");
      if (!ParseDigits(text.substr(0, 4), y) || !ParseDigits(text.substr(5, 2), m) ||
          !ParseDigits(text.substr(8, 2), d)) {
        return bad("JJJJ-MM-DD");
      }
      break;
    }
    case DateFormat::kCompact: {
      if (text.size() != 8) return bad("JJJJMMDD");
      if (!ParseDigits(text.substr(0, 4), y) || !ParseDigits(text.substr(4, 2), m) ||
          !ParseDigits(text.substr(6, 2), d)) {
        return bad("JJJJMMDD");
      }
      break;
    }
    case DateFormat::kDutch: {
      // d-m-yyyy with separator '-', '/' or '.', one or two digits for day and month.
      size_t first = text.find_first_of("-/.");
      if (first == std::string_view::npos) return bad("dd-mm-jjjj");
      char sep = text[first];
      size_t second = text.find(sep, first + 1);
      if (second == std::string_view::npos) return bad("dd-mm-jjjj");
      std::string_view ds = text.substr(0, first), ms = text.substr(first + 1, second - first - 1),
                       ys = text.substr(second + 1);
      if (ds.empty() || ds.size() > 2 || ms.empty() || ms.size() > 2 || ys.size() != 4) return bad("dd-mm-jjjj");
      if (!ParseDigits(ds, d) || !ParseDigits(ms, m) || !ParseDigits(ys, y)) return bad("dd-mm-jjjj");
      break;
    }
  }
  return Validate(text, y, m, d);
}

Result<Date> ParseDate(std::string_view text) {
  if (text.size() == 10 && text[4] == '-') return ParseDate(text, DateFormat::kIso);
  if (text.size() == 8 && text.find_first_of("-/.") == std::string_view::npos) {
    return ParseDate(text, DateFormat::kCompact);
  }
  if (text.find_first_of("-/.") != std::string_view::npos) return ParseDate(text, DateFormat::kDutch);
  return DataError(msg::NotADate(text));
}

namespace {
class SystemClockImpl : public Clock {
 public:
  Date Today() const override {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
  }
  int64_t NowUnixSeconds() const override { return static_cast<int64_t>(std::time(nullptr)); }
};
}  // namespace

const Clock& SystemClock() {
  static const SystemClockImpl clock;
  return clock;
}

}  // namespace sz
