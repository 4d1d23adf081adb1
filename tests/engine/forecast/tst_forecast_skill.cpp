// Acceptance of issue #7 on held-out simulated weeks, in winter and in summer: ruche load and
// PV forecasts beat the seasonal-naive forecast by at least 20 % MAE and beat persistence, and
// the 10-90 % band covers 70-90 % of the actual values. Two ruches of 100 alvéoles (seed 7),
// trained on 6 weeks, scored on the 2 weeks that follow, which start on 12 January and on
// 2 August (engine/forecast/Evaluation.h kSeasons; the summer history starts on the solstice).
// Winter is the hard case: low sun, mostly dull days, a PV band calibrated on few skies.
#include "tests/support/Check.h"

#include <chrono>
#include <cstring>

#include "engine/forecast/Evaluation.h"

using namespace swarmergy;
using namespace swarmergy::forecast;

namespace {

void checkSeason(const SeasonStart& season)
{
    constexpr int kTrainWeeks = 6, kTestWeeks = 2;
    simulation::FleetOptions options;
    options.alveoles = 200;
    options.ruches = 2;
    options.seed = 7;
    options.start = weeksBefore(season.scoredFromUtc, kTrainWeeks);
    const auto t0 = std::chrono::steady_clock::now();
    const FleetEvaluation e = evaluateFleet(options, kTrainWeeks, kTestWeeks);
    std::printf("%s (history from %s): %.1f s, slowest ruche trained in %.1f s\n", season.name, options.start.c_str(),
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), e.maxTrainSeconds);
    for (const ForecastScore& s : e.total) {
        std::printf("  %-10s MAE model %.3f, seasonal naive %.3f, persistence %.3f, coverage %.1f %%, skill %.3f\n",
                    targetName(s.target), s.maeModel(), s.maeSeasonalNaive(), s.maePersistence(), 100 * s.coverage(),
                    s.skill());
        CHECK(!s.anyBaselineFallback);
        CHECK(s.maeModel() < s.maePersistence());
        if (s.target == Target::Irradiance) continue;   // issue #7 names load and PV
        CHECK(s.skill() >= 0.20);
        CHECK(s.coverage() >= 0.70 && s.coverage() <= 0.90);
    }
}

}  // namespace

int main()
{
    for (const SeasonStart& season : kSeasons)
        if (std::strcmp(season.name, "winter") == 0 || std::strcmp(season.name, "summer") == 0) checkSeason(season);
    return testResult("tst_forecast_skill");
}
