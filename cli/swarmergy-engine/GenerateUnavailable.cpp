// Linked instead of GenerateCommand.cpp when engine/simulation is not part of the build.

#include "cli/swarmergy-engine/Command.h"

#include <ostream>

namespace swarmergy::cli {

Command generateCommand()
{
    return Command{"generate", "(unavailable: built without engine/simulation)", {},
                   [](const Arguments&, std::ostream&, std::ostream& err) {
                       err << "generate is unavailable: this build has no engine/simulation\n";
                       return kExitFailure;
                   }};
}

}  // namespace swarmergy::cli
