#pragma once
// How one simulated step becomes telemetry rows: one meter per alvéole (its exchange with the
// ruche bus) and one per ruche for the ruche's own assets (HiveStore, SeasonStore, lines).
// The ruche meter's import is what those assets take from the bus (HiveStore charge,
// electrolyser, lines out) and its export what they give (discharge, fuel cell, lines in), so
// by the bus balance the sum of net exports over all of a ruche's meters equals its net
// export to the national grid: a ruche's series in the store read as its grid exchange.

#include "engine/simulation/Simulator.h"
#include "engine/telemetry/TelemetryStore.h"

#include <vector>

namespace swarmergy::app {

std::vector<telemetry::MeterInfo> meterInfos(const simulation::Fleet& fleet);

// Fills `rows` (sized by the first call, reused afterwards: no allocation per step) with the
// readings of the simulator's last step.
void fillReadings(const simulation::Simulator& simulator, std::vector<telemetry::Reading>& rows);

}  // namespace swarmergy::app
