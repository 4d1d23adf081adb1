#pragma once
// What telemetry_kill_writer writes, shared with tst_telemetry_kill so the test can check
// the stored values and not only their count. Values are multiples of 1/16, so every sum
// the roll-ups make is exact in double precision.

#include "engine/telemetry/TelemetryStore.h"

#include <cstdint>
#include <string>

namespace telemetry_test {

inline constexpr std::int64_t kKillFirstStepUtc = 1782259200;   // 2026-06-24T00:00:00Z
inline constexpr int kKillStepMinutes = 15;

inline std::string killMeterId(int index) { return "alv-" + std::to_string(index); }
inline std::string killRucheId(int index, int ruches) { return "ruche-" + std::to_string(index % ruches); }

inline swarmergy::telemetry::ReadingValues killValues(int meter, std::int64_t stepStartUtc) {
    const auto step = static_cast<int>((stepStartUtc - kKillFirstStepUtc) / (kKillStepMinutes * 60));
    auto sixteenths = [&](int a, int b, int modulo) { return ((meter * a + step * b) % modulo) / 16.0; };
    return {sixteenths(7, 3, 50), sixteenths(5, 11, 20), sixteenths(3, 5, 20), sixteenths(11, 7, 40),
            sixteenths(13, 1, 10), sixteenths(17, 9, 10), sixteenths(1, 1, 160)};
}

}  // namespace telemetry_test
