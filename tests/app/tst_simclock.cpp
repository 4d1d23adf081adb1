// Pacing of simulated time: each speed maps to the wall interval between 15-minute steps.
#include "app/SimClock.h"

#include <cstdio>

using swarmergy::model::SimSpeed;
namespace app = swarmergy::app;

static int failures = 0;
#define CHECK(cond)                                                              \
    do {                                                                         \
        if (!(cond)) {                                                           \
            std::printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);          \
            ++failures;                                                          \
        }                                                                        \
    } while (0)

int main() {
    CHECK(!app::stepIntervalMs(SimSpeed::Paused, 15).has_value());
    CHECK(app::stepIntervalMs(SimSpeed::RealTime, 15) == 900'000);   // 15 min of wall time
    CHECK(app::stepIntervalMs(SimSpeed::X60, 15) == 15'000);
    CHECK(app::stepIntervalMs(SimSpeed::X3600, 15) == 250);
    CHECK(app::stepIntervalMs(SimSpeed::AsFastAsPossible, 15) == 0);
    CHECK(app::stepIntervalMs(SimSpeed::X3600, 5) == 83);            // 300 s / 3600, rounded
    for (auto s : {SimSpeed::Paused, SimSpeed::RealTime, SimSpeed::X60, SimSpeed::X3600, SimSpeed::AsFastAsPossible})
        CHECK(app::speedFromKey(app::speedKey(s)) == s);
    CHECK(!app::speedFromKey("2x").has_value());
    std::printf("%s\n", failures ? "tst_simclock: FAILED" : "tst_simclock: all passed");
    return failures ? 1 : 0;
}
