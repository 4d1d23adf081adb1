#pragma once
// One subcommand of swarmergy-engine. To add one (e.g. `solve`): write XCommand.cpp defining
// `Command xCommand()`, declare it below, and list it in Commands.cpp.

#include "cli/swarmergy-engine/Arguments.h"

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace swarmergy::cli {

// Exit codes of the program.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;   // bad input file, generator refused, I/O error
inline constexpr int kExitUsage = 2;     // bad command line

struct Command {
    std::string name;
    std::string summary;   // one line for the program's help
    std::vector<OptionSpec> options;
    // Runs with parsed options; returns an exit code. May throw UsageError.
    std::function<int(const Arguments&, std::ostream& out, std::ostream& err)> run;
};

Command validateCommand();
Command generateCommand();   // GenerateCommand.cpp, or GenerateUnavailable.cpp without engine/simulation
Command solveCommand();      // SolveCommand.cpp (engine/optimization)
Command forecastEvalCommand();   // ForecastEvalCommand.cpp, or ForecastEvalUnavailable.cpp without engine/forecast

const std::vector<Command>& commands();

}  // namespace swarmergy::cli
