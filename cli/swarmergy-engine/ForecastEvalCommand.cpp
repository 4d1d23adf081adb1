// swarmergy-engine forecast-eval --seed S --alveoles N --train-weeks W --test-weeks T [--season NAME]
// Simulates history with engine/simulation, trains every ruche's forecast models on the
// first W weeks (engine/forecast) and scores them on the next T weeks against seasonal naive
// and persistence. Ends with "skill: load=X pv=Y" (1 - model MAE / seasonal-naive MAE).

#include "cli/swarmergy-engine/Command.h"

#include "engine/forecast/Evaluation.h"
#include "engine/forecast/Features.h"
#include "engine/forecast/RucheForecaster.h"
#include "engine/simulation/FleetGenerator.h"

#include <algorithm>
#include <chrono>
#include <iterator>
#include <cstdio>
#include <limits>
#include <ostream>
#include <stdexcept>
#include <string>

namespace swarmergy::cli {

namespace {

constexpr int kWeekSteps = 7 * 96;

std::string fixed(double value, int decimals)
{
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

void printScore(const forecast::ForecastScore& s, const char* unit, std::ostream& out)
{
    out << "  " << forecast::targetName(s.target) << " (" << unit << "): model MAE " << fixed(s.maeModel(), 3)
        << ", seasonal-naive MAE " << fixed(s.maeSeasonalNaive(), 3) << ", persistence MAE "
        << fixed(s.maePersistence(), 3) << ", 10-90 % coverage " << fixed(100 * s.coverage(), 1)
        << " %, skill " << fixed(s.skill(), 3) << (s.anyBaselineFallback ? " [baseline fallback]" : "") << '\n';
}

int forecastEval(const Arguments& args, std::ostream& out, std::ostream& err)
{
    simulation::FleetOptions options;
    options.seed = std::uint64_t(args.integer("seed", 0, std::numeric_limits<std::int64_t>::max()));
    options.alveoles = int(args.integer("alveoles", 1, 100'000));
    options.ruches = int(args.optionalInteger("ruches", 1, 1'000).value_or(std::max(1, options.alveoles / 100)));
    const int trainWeeks = int(args.integer("train-weeks", 2, 52));
    const int testWeeks = int(args.integer("test-weeks", 1, 52));
    if (const auto start = args.optionalText("start")) options.start = *start;
    if (const auto season = args.optionalText("season")) {
        if (args.optionalText("start")) throw UsageError("--season and --start both set the start: give one");
        const auto* found = std::find_if(std::begin(forecast::kSeasons), std::end(forecast::kSeasons),
                                         [&](const forecast::SeasonStart& s) { return *season == s.name; });
        if (found == std::end(forecast::kSeasons))
            throw UsageError("--season " + *season + ": expected winter, spring, summer or autumn");
        // The scored weeks start on the season's day; the history trainWeeks before it.
        options.start = forecast::weeksBefore(found->scoredFromUtc, trainWeeks);
    }

    simulation::Fleet fleet;
    try {
        fleet = simulation::generateFleet(options);
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    const int trainSteps = trainWeeks * kWeekSteps;
    const int totalSteps = (trainWeeks + testWeeks) * kWeekSteps;
    const auto t0 = std::chrono::steady_clock::now();
    const auto histories = forecast::simulateHistory(fleet, totalSteps);
    const auto t1 = std::chrono::steady_clock::now();
    out << "forecast-eval: seed " << options.seed << ", " << options.alveoles << " alveoles in "
        << histories.size() << " ruches from " << options.start << ", train " << trainWeeks << " weeks, test "
        << testWeeks << " weeks (history simulated in "
        << fixed(std::chrono::duration<double>(t1 - t0).count(), 2) << " s)\n";

    forecast::ForecasterOptions training;
    training.network.seed = options.seed;
    forecast::ForecastScores total;
    for (int t = 0; t < forecast::kTargetCount; ++t) total[t].target = forecast::Target(t);
    for (const auto& history : histories) {
        forecast::RucheForecaster forecaster(history.rucheId);
        const auto started = std::chrono::steady_clock::now();
        forecaster.train(history, trainSteps, training);
        const double trainSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (const auto dir = args.optionalText("models")) {
            try {
                forecaster.save(*dir);
            } catch (const std::exception& e) {
                err << "cannot save the models: " << e.what() << '\n';
                return kExitFailure;
            }
        }
        const auto scores = forecast::evaluate(forecaster, history, trainSteps, totalSteps, 4);
        out << "ruche " << history.rucheId << ": trained in " << fixed(trainSeconds, 1) << " s (validation MAE";
        for (int t = 0; t < forecast::kTargetCount; ++t) {
            const auto& m = forecaster.metrics(forecast::Target(t));
            out << ' ' << forecast::targetName(forecast::Target(t)) << ' ' << fixed(m.validationMaeModel, 2) << " vs "
                << fixed(m.validationMaeBaseline, 2);
        }
        out << ")\n";
        for (int t = 0; t < forecast::kTargetCount; ++t) {
            printScore(scores[t], t == 2 ? "W/m2" : "kW", out);
            total[t].add(scores[t]);
        }
    }
    out << "all ruches:\n";
    for (int t = 0; t < forecast::kTargetCount; ++t) printScore(total[t], t == 2 ? "W/m2" : "kW", out);
    out << "skill: load=" << fixed(total[0].skill(), 3) << " pv=" << fixed(total[1].skill(), 3) << '\n';
    return kExitOk;
}

}  // namespace

Command forecastEvalCommand()
{
    return Command{"forecast-eval",
                   "train the ruche forecasts on simulated history and score them on held-out weeks",
                   {{"seed", "S", "random seed of the simulated fleet and of training", true},
                    {"alveoles", "N", "number of alvéoles", true},
                    {"train-weeks", "W", "weeks of history to train on (>= 2: 8 days feed the lags)", true},
                    {"test-weeks", "T", "held-out weeks that follow, scored", true},
                    {"ruches", "R", "number of ruches, default N / 100", false},
                    {"start", "TIME", "UTC start of the history, default 2026-06-21T00:00:00Z", false},
                    {"season", "NAME", "winter, spring, summer or autumn: score the weeks from 12 Jan, 13 Apr, 2 Aug "
                                       "or 19 Oct 2026 (instead of --start)", false},
                    {"models", "DIR", "also save the trained models in this data directory", false}},
                   forecastEval};
}

}  // namespace swarmergy::cli
