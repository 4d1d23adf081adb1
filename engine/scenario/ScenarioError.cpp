#include "engine/scenario/ScenarioError.h"

#include <utility>

namespace swarmergy::scenario {

ScenarioError::ScenarioError(std::string path, std::string rule, const std::string& explanation)
    : std::runtime_error(path + ": " + explanation), path_(std::move(path)), rule_(std::move(rule))
{
}

}  // namespace swarmergy::scenario
