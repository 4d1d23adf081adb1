#include "cli/swarmergy-engine/Command.h"

namespace swarmergy::cli {

const std::vector<Command>& commands()
{
    static const std::vector<Command> all = {validateCommand(), generateCommand(), forecastEvalCommand(), solveCommand()};
    return all;
}

}  // namespace swarmergy::cli
