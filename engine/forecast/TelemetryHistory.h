#pragma once
// A ruche's history from what the console recorded (engine/telemetry's store) instead of a
// fresh simulation: the app trains on its own telemetry, each simulated night.

#include <cstdint>

#include "engine/forecast/RucheHistory.h"
#include "engine/simulation/FleetGenerator.h"
#include "engine/telemetry/TelemetryStore.h"

namespace swarmergy::forecast {

struct TelemetryGaps {
    int missingSteps = 0;   // steps with no stored reading, filled from the day before (or 0)
};

// Steps [fromUtc, toUtc) of ruche `ruche` (index into fleet.sites / topology.ruches; the store
// knows it by its id). Load and PV come from the store (energy per step / step length); the
// sky from the fleet's panels; irradiance is estimated from the PV's clear-sky index (the store
// has no pyranometer). Throws std::invalid_argument for a bad range, an unknown ruche index or
// a store with another step length.
RucheHistory historyFromTelemetry(const telemetry::TelemetryStore& store, const simulation::Fleet& fleet,
                                  int ruche, std::int64_t fromUtc, std::int64_t toUtc, TelemetryGaps* gaps = nullptr);

}  // namespace swarmergy::forecast
