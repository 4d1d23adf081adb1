#pragma once
// Reading and writing dispatch scenarios (swarmergy-scenario/1, shared/scenario-format.md).
// Every function throws ScenarioError (path + rule) on bad input; none returns a scenario
// that breaks a rule of the format.

#include "engine/model/Scenario.h"
#include "engine/scenario/ScenarioError.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace swarmergy::scenario {

// Parses, applies the format's defaults (soc_max_kwh = capacity_kwh, voll_per_kwh = 5, ...)
// and checks every rule. Throws ScenarioError on the first broken rule.
model::Scenario readScenario(std::string_view json);
// As readScenario; an unreadable file is a ScenarioError with rule "io" and path "$".
model::Scenario readScenarioFile(const std::filesystem::path& file);

// Checks every value rule of the format on a scenario built in code (the reader calls it
// too). Throws ScenarioError with the path the value would have in the JSON document.
void validateScenario(const model::Scenario& scenario);

// Validates, then writes every key explicitly (defaults included; absent stores omitted).
// Doubles are written exactly: write -> read -> write gives the same bytes.
std::string writeScenario(const model::Scenario& scenario);
void writeScenarioFile(const model::Scenario& scenario, const std::filesystem::path& file);

}  // namespace swarmergy::scenario
