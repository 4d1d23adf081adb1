// Issue #7 in every season: the 400-alvéole demo fleet simulated from a winter, spring,
// summer and autumn start (one learning week, then two weeks with four faults of every type),
// two seeds each. Every fault type is detected, F1 >= 0.9 overall, fewer than 150 alarms per
// operator per day, and the whole measurement is deterministic for a seed.
#include "tests/support/Check.h"

#include <cstdio>

#include "engine/anomaly/DetectionScore.h"

using namespace swarmergy;
using namespace swarmergy::anomaly;

namespace {

struct Season {
    const char* name;
    const char* start;   // the learning week starts here
};
constexpr Season kSeasons[] = {{"winter", "2026-01-05T00:00:00Z"},
                               {"spring", "2026-04-06T00:00:00Z"},
                               {"summer", "2026-07-26T00:00:00Z"},
                               {"autumn", "2026-10-12T00:00:00Z"}};

simulation::FleetOptions demoFleet(const char* start, std::uint64_t seed)
{
    simulation::FleetOptions options;
    options.alveoles = 400;
    options.ruches = 4;
    options.start = start;
    options.seed = seed;
    return options;
}

void checkSeason(const Season& season, std::uint64_t seed)
{
    const DetectionReport r = evaluateDetection(demoFleet(season.start, seed), 7, 14, 4);
    std::printf("%s seed %llu: F1 %.2f (precision %.2f, recall %.2f), %.1f alarms per operator per day\n", season.name,
                static_cast<unsigned long long>(seed), r.overall.f1(), r.overall.precision(), r.overall.recall(),
                r.alarmsPerOperatorPerDay);
    for (const TypeScore& s : r.types) {
        std::printf("  %-15s detected %d/%d, alarms %d (correct %d), mean time to detect %.1f h, latent %d\n",
                    faultTypeName(s.type), s.detected, s.faults, s.alarms, s.correctAlarms, s.meanHoursToDetect(15),
                    s.latent);
        if (s.detected == 0) std::printf("  FAIL: %s not detected at all\n", faultTypeName(s.type));
        CHECK(s.faults == 4);
        CHECK(s.detected > 0);
    }
    CHECK(r.overall.f1() >= 0.9);
    CHECK(r.alarmsPerOperatorPerDay < 150);
}

void checkDeterministic()
{
    const auto a = evaluateDetection(demoFleet(kSeasons[0].start, 9), 7, 14, 2);
    const auto b = evaluateDetection(demoFleet(kSeasons[0].start, 9), 7, 14, 2);
    CHECK(a.annunciations == b.annunciations);
    for (int t = 0; t < kFaultTypeCount; ++t)
        CHECK(a.types[t].detected == b.types[t].detected && a.types[t].alarms == b.types[t].alarms &&
              a.types[t].totalStepsToDetect == b.types[t].totalStepsToDetect);
}

}  // namespace

int main()
{
    for (const Season& season : kSeasons)
        for (std::uint64_t seed : {5, 6}) checkSeason(season, seed);
    checkDeterministic();
    return testResult("tst_detection_seasons");
}
