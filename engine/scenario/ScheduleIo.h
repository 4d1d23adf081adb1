#pragma once
// Reading and writing dispatch schedules (swarmergy-schedule/1, shared/scenario-format.md).
// Same care as the scenario: strict JSON, exact doubles, ScenarioError with path and rule.

#include "engine/model/Scenario.h"
#include "engine/model/Schedule.h"
#include "engine/scenario/ScenarioError.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace swarmergy::scenario {

const char* statusName(model::ScheduleStatus status);

model::Schedule readSchedule(std::string_view json);
model::Schedule readScheduleFile(const std::filesystem::path& file);

// Checks what a schedule must satisfy on its own: finite numbers, one length for every
// per-step series and one more for soc/level series ("series-length"), unique ruche,
// alvéole and line ids, bound <= objective within 1e-6 * max(1, |objective|)
// ("bound-above-objective").
void validateSchedule(const model::Schedule& schedule);

// Checks that a schedule answers `scenario`: same name, same ruches, alvéoles and lines in
// the same order, a store series exactly where the scenario has the store, series of
// `steps` (+1) values. Rule "schedule-mismatch". Does not check the physics.
void checkScheduleMatchesScenario(const model::Schedule& schedule, const model::Scenario& scenario);

std::string writeSchedule(const model::Schedule& schedule);
void writeScheduleFile(const model::Schedule& schedule, const std::filesystem::path& file);

}  // namespace swarmergy::scenario
