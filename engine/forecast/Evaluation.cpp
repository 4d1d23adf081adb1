#include "engine/forecast/Evaluation.h"

#include <chrono>
#include <cmath>

#include "engine/forecast/Baselines.h"
#include "engine/forecast/Features.h"
#include "engine/forecast/QuantileMlp.h"
#include "engine/simulation/Calendar.h"

namespace swarmergy::forecast {

void ForecastScore::add(const ForecastScore& o)
{
    absErrorModel += o.absErrorModel;
    absErrorSeasonalNaive += o.absErrorSeasonalNaive;
    absErrorPersistence += o.absErrorPersistence;
    pinball += o.pinball;
    points += o.points;
    bandPoints += o.bandPoints;
    insideBand += o.insideBand;
    anyBaselineFallback = anyBaselineFallback || o.anyBaselineFallback;
}

namespace {
double pinballOf(double actual, const QuantileSeries& q, int k)
{
    double sum = 0;
    const double values[kQuantileCount] = {q.p10[k], q.p50[k], q.p90[k]};
    for (int i = 0; i < kQuantileCount; ++i) {
        const double e = actual - values[i];
        sum += std::max(kQuantileLevels[i] * e, (kQuantileLevels[i] - 1) * e);
    }
    return sum;
}

void scoreOrigin(const TargetForecast& f, const RucheHistory& h, int origin, ForecastScore& s)
{
    const auto& y = measured(f.target, h);
    const auto* clear = clearSky(f.target, h);
    const auto naive = seasonalNaive(f.target, h, origin);
    const auto held = persistence(f.target, h, origin);
    s.anyBaselineFallback = s.anyBaselineFallback || f.fromBaseline;
    for (int k = 0; k < kHorizonSteps; ++k) {
        const double actual = y[origin + k];
        s.absErrorModel += std::fabs(f.values.p50[k] - actual);
        s.absErrorSeasonalNaive += std::fabs(naive[k] - actual);
        s.absErrorPersistence += std::fabs(held[k] - actual);
        s.pinball += pinballOf(actual, f.values, k);
        ++s.points;
        if (clear && (*clear)[origin + k] <= 0) continue;   // night: a zero band is trivially right
        ++s.bandPoints;
        s.insideBand += (actual >= f.values.p10[k] && actual <= f.values.p90[k]) ? 1 : 0;
    }
}
}  // namespace

ForecastScores evaluate(const RucheForecaster& forecaster, const RucheHistory& history, int firstOrigin,
                        int endStep, int originStride)
{
    ForecastScores scores;
    for (int t = 0; t < kTargetCount; ++t) scores[t].target = Target(t);
    for (int origin = std::max(firstOrigin, kMinHistorySteps); origin + kHorizonSteps <= endStep; origin += originStride) {
        const RucheForecast f = forecaster.forecast(history, origin);
        scoreOrigin(f.load, history, origin, scores[0]);
        scoreOrigin(f.pv, history, origin, scores[1]);
        scoreOrigin(f.irradiance, history, origin, scores[2]);
    }
    return scores;
}

FleetEvaluation evaluateFleet(const simulation::FleetOptions& fleet, int trainWeeks, int testWeeks, int originStride)
{
    if (trainWeeks < 2 || testWeeks < 1)
        throw std::invalid_argument("evaluateFleet: needs >= 2 training weeks and >= 1 test week");
    const int trainSteps = trainWeeks * kWeekSteps, totalSteps = (trainWeeks + testWeeks) * kWeekSteps;
    const auto histories = simulateHistory(simulation::generateFleet(fleet), totalSteps);
    FleetEvaluation out;
    for (int t = 0; t < kTargetCount; ++t) out.total[t].target = Target(t);
    for (const RucheHistory& history : histories) {
        RucheForecaster forecaster(history.rucheId);
        ForecasterOptions training;
        training.network.seed = fleet.seed;
        const auto started = std::chrono::steady_clock::now();
        forecaster.train(history, trainSteps, training);
        out.maxTrainSeconds = std::max(
            out.maxTrainSeconds, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
        out.perRuche.push_back(evaluate(forecaster, history, trainSteps, totalSteps, originStride));
        out.rucheIds.push_back(history.rucheId);
        for (int t = 0; t < kTargetCount; ++t) out.total[t].add(out.perRuche.back()[t]);
    }
    return out;
}

std::string weeksBefore(const char* scoredFromUtc, int weeks)
{
    return simulation::formatIsoUtc(simulation::parseIsoUtc(scoredFromUtc) - std::int64_t(weeks) * 7 * 86400);
}

}  // namespace swarmergy::forecast
