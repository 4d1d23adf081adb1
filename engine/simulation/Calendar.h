#pragma once
// Civil-calendar helpers on Unix seconds, without <chrono> time zones (not in GCC 12):
// the simulator works in UTC and a fixed local offset (standard time, no daylight saving).

#include <cstdint>
#include <string>
#include <string_view>

namespace swarmergy::simulation {

struct CivilDate {
    int year = 1970;
    int month = 1;   // 1..12
    int day = 1;     // 1..31
};

// Days since 1970-01-01 for a proleptic Gregorian date, and back
// (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms", days_from_civil / civil_from_days).
std::int64_t daysFromCivil(CivilDate date);
CivilDate civilFromDays(std::int64_t days);

// 0 = Monday .. 6 = Sunday.
int weekdayFromDays(std::int64_t days);

// 1..365 (366 in a leap year).
int dayOfYear(CivilDate date);
bool isLeapYear(int year);

// Parses "YYYY-MM-DDTHH:MM:SSZ" (UTC only). Throws std::invalid_argument naming the text.
std::int64_t parseIsoUtc(std::string_view text);
std::string formatIsoUtc(std::int64_t utcSeconds);

// Floor division that also works for times before 1970.
inline std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

}  // namespace swarmergy::simulation
