#include "engine/simulation/Calendar.h"

#include <cstdio>
#include <stdexcept>

namespace swarmergy::simulation {

std::int64_t daysFromCivil(CivilDate date) {
    const std::int64_t y = date.year - (date.month <= 2 ? 1 : 0);
    const std::int64_t era = floorDiv(y, 400);
    const std::int64_t yoe = y - era * 400;
    const std::int64_t mp = (date.month + 9) % 12;   // March = 0
    const std::int64_t doy = (153 * mp + 2) / 5 + date.day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

CivilDate civilFromDays(std::int64_t days) {
    days += 719468;
    const std::int64_t era = floorDiv(days, 146097);
    const std::int64_t doe = days - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
    return {year, month, day};
}

int weekdayFromDays(std::int64_t days) {
    // 1970-01-01 was a Thursday (index 3 with Monday = 0).
    return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

bool isLeapYear(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int dayOfYear(CivilDate date) {
    return static_cast<int>(daysFromCivil(date) - daysFromCivil({date.year, 1, 1})) + 1;
}

std::int64_t parseIsoUtc(std::string_view text) {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    char tail = 0;
    const std::string copy(text);
    const int fields = std::sscanf(copy.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &year, &month, &day,
                                   &hour, &minute, &second, &tail);
    const bool shapeOk = copy.size() == 20 && fields == 7 && tail == 'Z';
    if (!shapeOk || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59 ||
        hour < 0 || minute < 0 || second < 0) {
        throw std::invalid_argument("invalid UTC time '" + copy +
                                    "': expected YYYY-MM-DDTHH:MM:SSZ");
    }
    const CivilDate date{year, month, day};
    const std::int64_t days = daysFromCivil(date);
    const CivilDate back = civilFromDays(days);
    if (back.day != day || back.month != month) {
        throw std::invalid_argument("invalid UTC time '" + copy + "': no such calendar day");
    }
    return days * 86400 + hour * 3600 + minute * 60 + second;
}

std::string formatIsoUtc(std::int64_t utcSeconds) {
    const std::int64_t days = floorDiv(utcSeconds, 86400);
    const std::int64_t secondOfDay = utcSeconds - days * 86400;
    const CivilDate date = civilFromDays(days);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02dZ", date.year, date.month,
                  date.day, static_cast<int>(secondOfDay / 3600),
                  static_cast<int>(secondOfDay / 60 % 60), static_cast<int>(secondOfDay % 60));
    return buffer;
}

}  // namespace swarmergy::simulation
