// swarmergy-engine validate --scenario FILE

#include "cli/swarmergy-engine/Command.h"

#include "engine/scenario/ScenarioIo.h"

#include <ostream>

namespace swarmergy::cli {

namespace {

int validate(const Arguments& args, std::ostream& out, std::ostream& err)
{
    const std::string file = args.text("scenario");
    try {
        const model::Scenario scenario = scenario::readScenarioFile(file);
        std::size_t alveoles = 0;
        for (const model::Ruche& r : scenario.ruches)
            alveoles += r.alveoles.size();
        out << "valid: " << scenario.ruches.size() << " ruches, " << alveoles << " alvéoles, " << scenario.steps
            << " steps\n";
        return kExitOk;
    } catch (const scenario::ScenarioError& e) {
        err << "invalid scenario " << file << ": " << e.what() << " [rule " << e.rule() << "]\n";
        return kExitFailure;
    }
}

}  // namespace

Command validateCommand()
{
    return Command{"validate",
                   "check a scenario file against scenario-format.md",
                   {{"scenario", "FILE", "scenario JSON (swarmergy-scenario/1)", true}},
                   validate};
}

}  // namespace swarmergy::cli
