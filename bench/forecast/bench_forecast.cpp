// Forecast costs on this machine:
//  1. training one ruche's three models (load, PV, irradiance) on W weeks of history, against
//     the 60 s budget and against "fitting" the baseline (its error band) on the same history;
//  2. inference for R ruches (default 500, 50,000 alvéoles): every ruche's load, PV and
//     irradiance with quantiles, against the seasonal-naive baseline with its band, same run.
// The R ruches share one trained set of weights (cloneAs): inference cost does not depend on
// the weights, and training 500 ruches is not what is measured here.
//
//   bench_forecast [--alveoles N] [--ruches R] [--train-weeks W] [--seed S]

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "engine/forecast/Baselines.h"
#include "engine/forecast/Features.h"
#include "engine/forecast/RucheForecaster.h"

using namespace swarmergy;
using namespace swarmergy::forecast;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

int intArg(int argc, char** argv, const char* name, int fallback)
{
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], name) == 0) return std::atoi(argv[i + 1]);
    return fallback;
}

}  // namespace

int main(int argc, char** argv)
{
    const int alveoles = intArg(argc, argv, "--alveoles", 50'000);
    const int ruches = intArg(argc, argv, "--ruches", 500);
    const int trainWeeks = intArg(argc, argv, "--train-weeks", 6);
    const int seed = intArg(argc, argv, "--seed", 7);
    constexpr int kWeek = 7 * 96;

    // 1. Training one ruche of about alveoles / ruches homes.
    simulation::FleetOptions one;
    one.alveoles = std::max(1, alveoles / ruches);
    one.ruches = 1;
    one.seed = std::uint64_t(seed);
    const RucheHistory history = simulateHistory(simulation::generateFleet(one), trainWeeks * kWeek).front();
    ForecasterOptions options;
    options.network.seed = std::uint64_t(seed);
    RucheForecaster trained(history.rucheId);
    auto t0 = Clock::now();
    trained.train(history, history.steps(), options);
    const double trainSeconds = secondsSince(t0);
    t0 = Clock::now();
    double sink = 0;
    for (int origin = kMinHistorySteps; origin + kHorizonSteps <= history.steps(); origin += options.originStride)
        for (Target t : {Target::Load, Target::Pv, Target::Irradiance})
            sink += seasonalNaiveWithBand(t, history, origin).p90[0];
    const double baselineFitSeconds = secondsSince(t0);
    std::printf("training one ruche (%d alveoles, %d weeks, 3 models): %.2f s (budget 60 s); "
                "baseline bands over the same origins %.3f s, ratio %.0fx\n",
                one.alveoles, trainWeeks, trainSeconds, baselineFitSeconds, trainSeconds / baselineFitSeconds);
    for (Target t : {Target::Load, Target::Pv, Target::Irradiance}) {
        const TrainingMetrics& m = trained.metrics(t);
        std::printf("  %-10s samples %6d epochs %d train %.2f s, validation MAE %.3f vs seasonal naive %.3f\n",
                    targetName(t), m.samples, m.epochs, m.trainSeconds, m.validationMaeModel, m.validationMaeBaseline);
    }

    // 2. Inference for the whole essaim from the last step of nine days of history.
    simulation::FleetOptions many;
    many.alveoles = alveoles;
    many.ruches = ruches;
    many.seed = std::uint64_t(seed);
    t0 = Clock::now();
    const auto histories = simulateHistory(simulation::generateFleet(many), kMinHistorySteps + 96);
    std::printf("history of %d ruches (%d alveoles, %d steps) simulated in %.1f s (not timed below)\n", ruches,
                alveoles, kMinHistorySteps + 96, secondsSince(t0));
    std::vector<RucheForecaster> forecasters;
    for (const auto& h : histories) forecasters.push_back(trained.cloneAs(h.rucheId));
    const int origin = histories.front().steps();
    std::vector<RucheForecast> results(histories.size());
    (void)forecasters.front().forecast(histories.front(), origin);   // warm-up
    t0 = Clock::now();
    for (std::size_t r = 0; r < histories.size(); ++r) results[r] = forecasters[r].forecast(histories[r], origin);
    const double modelSeconds = secondsSince(t0);
    t0 = Clock::now();
    for (const auto& h : histories)
        for (Target t : {Target::Load, Target::Pv, Target::Irradiance}) sink += seasonalNaiveWithBand(t, h, origin).p50[0];
    const double naiveSeconds = secondsSince(t0);
    // Share of the model time spent building feature rows (the rest is libtorch).
    t0 = Clock::now();
    std::vector<float> features(std::size_t(kHorizonSteps) * 32), multipliers(kHorizonSteps), offsets(kHorizonSteps);
    for (const auto& h : histories)
        for (Target t : {Target::Load, Target::Pv, Target::Irradiance}) {
            buildFeatures(t, h, origin, 1.0, features.data(), multipliers.data(), offsets.data());
            sink += offsets[0];
        }
    const double featureSeconds = secondsSince(t0);
    int warnings = 0;
    for (const auto& f : results) warnings += f.hasWarning() ? 1 : 0;
    std::printf("inference for %zu ruches (%d alveoles), 3 targets x 96 steps x 3 quantiles: %.3f s (budget 1 s); "
                "seasonal naive with band %.3f s, ratio %.1fx; %d forecasts with warnings\n"
                "  of which feature rows %.3f s, networks %.3f s\n",
                histories.size(), alveoles, modelSeconds, naiveSeconds, modelSeconds / naiveSeconds, warnings,
                featureSeconds, modelSeconds - featureSeconds);
    std::printf("(checksum %.3f)\n", sink);
    return modelSeconds < 1.0 && trainSeconds < 60.0 ? 0 : 1;
}
