// Acceptance of issue #7 on held-out simulated weeks: ruche load and PV forecasts beat the
// seasonal-naive forecast by at least 20 % MAE and beat persistence, and the 10-90 % band
// covers 70-90 % of the actual values. Two ruches of the 400-alvéole demo fleet (seed 7),
// trained on 6 weeks from the summer solstice, scored on the 2 weeks that follow.
#include "tests/support/Check.h"

#include <chrono>

#include "engine/forecast/Evaluation.h"
#include "engine/forecast/RucheForecaster.h"

using namespace swarmergy;
using namespace swarmergy::forecast;

int main()
{
    constexpr int kWeek = 7 * 96;
    constexpr int kTrainWeeks = 6, kTestWeeks = 2;
    simulation::FleetOptions options;
    options.alveoles = 200;
    options.ruches = 2;
    options.seed = 7;
    const auto histories = simulateHistory(simulation::generateFleet(options), (kTrainWeeks + kTestWeeks) * kWeek);
    ForecastScores total;
    for (int t = 0; t < kTargetCount; ++t) total[t].target = Target(t);
    for (const RucheHistory& h : histories) {
        RucheForecaster forecaster(h.rucheId);
        ForecasterOptions training;
        training.network.seed = 7;
        const auto t0 = std::chrono::steady_clock::now();
        CHECK(forecaster.train(h, kTrainWeeks * kWeek, training));
        std::printf("%s trained in %.1f s\n", h.rucheId.c_str(),
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        const ForecastScores scores = evaluate(forecaster, h, kTrainWeeks * kWeek, h.steps(), 4);
        for (int t = 0; t < kTargetCount; ++t) total[t].add(scores[t]);
    }
    for (const ForecastScore& s : total) {
        std::printf("%-10s MAE model %.3f, seasonal naive %.3f, persistence %.3f, coverage %.1f %%, skill %.3f\n",
                    targetName(s.target), s.maeModel(), s.maeSeasonalNaive(), s.maePersistence(), 100 * s.coverage(),
                    s.skill());
        CHECK(!s.anyBaselineFallback);
        CHECK(s.maeModel() < s.maePersistence());
        CHECK(s.coverage() >= 0.70 && s.coverage() <= 0.90);
    }
    CHECK(total[int(Target::Load)].skill() >= 0.20);
    CHECK(total[int(Target::Pv)].skill() >= 0.20);
    return testResult("tst_forecast_skill");
}
