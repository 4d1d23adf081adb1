// swarmergy-engine generate --alveoles N --ruches R --seed S [--steps T] [--start TIME] [--out F]

#include "cli/swarmergy-engine/Command.h"

#include "engine/scenario/ScenarioIo.h"
#include "engine/simulation/Calendar.h"
#include "engine/simulation/FleetGenerator.h"

#include <limits>
#include <ostream>
#include <stdexcept>

namespace swarmergy::cli {

namespace {

simulation::FleetOptions fleetOptions(const Arguments& args)
{
    simulation::FleetOptions options;
    options.alveoles = static_cast<int>(args.integer("alveoles", 1, 1'000'000));
    options.ruches = static_cast<int>(args.integer("ruches", 1, 10'000));
    options.seed = static_cast<std::uint64_t>(args.integer("seed", 0, std::numeric_limits<std::int64_t>::max()));
    if (const auto start = args.optionalText("start"))
        options.start = *start;
    return options;
}

int generate(const Arguments& args, std::ostream& out, std::ostream& err)
{
    const simulation::FleetOptions options = fleetOptions(args);
    const int steps = static_cast<int>(args.optionalInteger("steps", 1, 10'000).value_or(96));
    model::Scenario scenario;
    try {
        const simulation::Fleet fleet = simulation::generateFleet(options);
        scenario = simulation::makeDispatchScenario(fleet, simulation::parseIsoUtc(options.start), steps);
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());   // the generator names the bad option
    }
    try {
        if (const auto file = args.optionalText("out"))
            scenario::writeScenarioFile(scenario, *file);
        else
            out << scenario::writeScenario(scenario);
    } catch (const scenario::ScenarioError& e) {
        // A rule broken by the generator itself, or a file that cannot be written.
        err << "cannot write the scenario: " << e.what() << " [rule " << e.rule() << "]\n";
        return kExitFailure;
    }
    return kExitOk;
}

}  // namespace

Command generateCommand()
{
    return Command{"generate",
                   "write a synthetic dispatch scenario (engine/simulation fleet generator)",
                   {{"alveoles", "N", "number of alvéoles", true},
                    {"ruches", "R", "number of ruches", true},
                    {"seed", "S", "random seed; the same seed gives the same bytes", true},
                    {"steps", "T", "number of steps, default 96", false},
                    {"start", "TIME", "UTC start like 2026-06-21T00:00:00Z, default that one", false},
                    {"out", "FILE", "write here instead of standard output", false}},
                   generate};
}

}  // namespace swarmergy::cli
