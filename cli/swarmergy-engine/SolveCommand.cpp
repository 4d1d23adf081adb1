// swarmergy-engine solve --scenario S.json --out R.json [--threads K] [--max-gap G]
//                        [--method auto|clp|decomposition] [--time-limit SECONDS]

#include "cli/swarmergy-engine/Command.h"

#include "engine/optimization/Dispatch.h"
#include "engine/optimization/ScheduleChecker.h"
#include "engine/scenario/ScenarioIo.h"
#include "engine/scenario/ScheduleIo.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <ostream>

namespace swarmergy::cli {

namespace {

// Whole-word decimal in [minimum, maximum]; UsageError naming the option otherwise.
double decimal(const Arguments& args, const std::string& name, double fallback, double minimum, double maximum)
{
    const auto text = args.optionalText(name);
    if (!text) return fallback;
    char* end = nullptr;
    const double value = std::strtod(text->c_str(), &end);
    if (text->empty() || end != text->c_str() + text->size() || !std::isfinite(value) || value < minimum || value > maximum)
        throw UsageError("--" + name + " must be a number in [" + std::to_string(minimum) + ", " + std::to_string(maximum) +
                         "], got '" + *text + "'");
    return value;
}

optimization::DispatchMethod method(const Arguments& args)
{
    const std::string name = args.optionalText("method").value_or("auto");
    if (name == "auto") return optimization::DispatchMethod::Auto;
    if (name == "clp") return optimization::DispatchMethod::Clp;
    // "admm" is the name for the scalable path; ours is the decomposition of README.md.
    if (name == "decomposition" || name == "admm") return optimization::DispatchMethod::Decomposition;
    throw UsageError("--method must be auto, clp or decomposition, got '" + name + "'");
}

int solve(const Arguments& args, std::ostream& out, std::ostream& err)
{
    optimization::DispatchOptions options;
    options.method = method(args);
    options.threads = static_cast<int>(args.optionalInteger("threads", 1, 256).value_or(0));
    options.maxGap = decimal(args, "max-gap", options.maxGap, 0.0, 1.0);
    options.timeLimitSeconds = decimal(args, "time-limit", options.timeLimitSeconds, 0.0, 86400.0);
    const std::string file = args.text("scenario");
    const std::string outFile = args.text("out");
    model::Scenario scenario;
    try {
        scenario = scenario::readScenarioFile(file);
    } catch (const scenario::ScenarioError& e) {
        err << "invalid scenario " << file << ": " << e.what() << " [rule " << e.rule() << "]\n";
        return kExitFailure;
    }
    optimization::DispatchResult result;
    try {
        result = optimization::solveDispatch(scenario, options);
    } catch (const std::exception& e) {
        err << "solver failed on " << file << ": " << e.what() << "\n";
        return kExitFailure;
    }
    try {
        scenario::writeScheduleFile(result.schedule, outFile);
    } catch (const scenario::ScenarioError& e) {
        err << "cannot write the schedule " << outFile << ": " << e.what() << " [rule " << e.rule() << "]\n";
        return kExitFailure;
    }
    char line[256];
    std::snprintf(line, sizeof line, "status %s  objective %.6f  bound %.6f  gap %.4f %%  time %.3f s  method %s\n",
                  scenario::statusName(result.schedule.status), result.schedule.objective,
                  result.schedule.bound.value_or(NAN), 100 * result.gap(), result.schedule.solveSeconds,
                  result.method.c_str());
    out << line;
    return result.schedule.status == model::ScheduleStatus::Infeasible ? kExitFailure : kExitOk;
}

}  // namespace

Command solveCommand()
{
    return Command{"solve",
                   "dispatch a scenario (the LP of scenario-format.md) and write the schedule",
                   {{"scenario", "FILE", "scenario JSON (swarmergy-scenario/1)", true},
                    {"out", "FILE", "schedule JSON to write (swarmergy-schedule/1)", true},
                    {"threads", "K", "worker threads, default: every core", false},
                    {"max-gap", "G", "stop the decomposition at this proven gap (0.005 = 0.5 %), default 0.005", false},
                    {"method", "M", "auto (CLP up to 300 alvéoles), clp, or decomposition (alias admm)", false},
                    {"time-limit", "SECONDS", "stop the decomposition here with its best proven gap, default 60", false}},
                   solve};
}

}  // namespace swarmergy::cli
