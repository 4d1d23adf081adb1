// Linked instead of ForecastEvalCommand.cpp when engine/forecast (libtorch) is not built.

#include "cli/swarmergy-engine/Command.h"

#include <ostream>

namespace swarmergy::cli {

Command forecastEvalCommand()
{
    return Command{"forecast-eval", "(unavailable: built without engine/forecast and libtorch)", {},
                   [](const Arguments&, std::ostream&, std::ostream& err) {
                       err << "forecast-eval is unavailable: this build has no engine/forecast (libtorch)\n";
                       return kExitFailure;
                   }};
}

}  // namespace swarmergy::cli
