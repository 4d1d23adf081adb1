#pragma once
// Pacing of simulated time: how long the worker waits between two simulation steps at each
// speed. Pure functions, so the speed controls are testable without a clock.

#include "engine/model/Snapshot.h"

#include <optional>

namespace swarmergy::app {

// Simulated seconds per wall second; nullopt when paused, 0 for "as fast as possible".
std::optional<double> speedFactor(model::SimSpeed speed);

// Wall-clock milliseconds between steps of stepMinutes at this speed; nullopt when paused.
std::optional<int> stepIntervalMs(model::SimSpeed speed, int stepMinutes);

const char* speedKey(model::SimSpeed speed);   // "pause", "1x", "60x", "3600x", "max"
std::optional<model::SimSpeed> speedFromKey(const char* key);

}  // namespace swarmergy::app
