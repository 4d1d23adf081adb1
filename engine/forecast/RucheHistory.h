#pragma once
// A ruche's measured history (load, PV, irradiance) and its deterministic sky (clear-sky PV
// and GHI, ambient temperature), step by step on one time grid. The sky arrays run
// kHorizonSteps beyond the measurements, so a forecast from the last step can read them.

#include <cstdint>
#include <string>
#include <vector>

#include "engine/forecast/ForecastTypes.h"
#include "engine/simulation/FleetGenerator.h"

namespace swarmergy::forecast {

struct RucheHistory {
    std::string rucheId;
    std::int64_t startUtc = 0;    // start of step 0
    int stepMinutes = 15;
    int utcOffsetMinutes = 60;    // local civil time for calendar features
    // Measured, one value per step (size = steps()).
    std::vector<double> loadKw;
    std::vector<double> pvKw;         // available PV (before curtailment)
    std::vector<double> ghiWm2;
    // Deterministic, size = steps() + kHorizonSteps.
    std::vector<double> clearSkyPvKw;
    std::vector<double> clearSkyGhiWm2;
    std::vector<double> ambientC;

    int steps() const { return static_cast<int>(loadKw.size()); }
    std::int64_t stepStartUtc(int step) const { return startUtc + std::int64_t(step) * stepMinutes * 60; }
    // Copy of steps [0, endStep) with the sky arrays cut to endStep + kHorizonSteps.
    RucheHistory prefix(int endStep) const;
};

// Clear-sky PV of the ruche's panels, clear-sky GHI and ambient temperature at mid-step
// (the simulator's convention), for `steps` steps from startUtc.
void fillSky(const simulation::Fleet& fleet, int ruche, std::int64_t startUtc, int steps,
             RucheHistory& out);

// Runs engine/simulation's Simulator over `steps` steps and records every ruche's history.
// Throws std::invalid_argument for bad options (from the fleet generator) or steps < 1.
std::vector<RucheHistory> simulateHistory(const simulation::Fleet& fleet, int steps);

// Local calendar of a step: quarter of the day 0..95, day of year 1..366, H0 day type
// (0 workday, 1 Saturday, 2 Sunday/holiday), local day number.
struct LocalCalendar {
    int quarterOfDay = 0;
    int dayOfYear = 1;
    int dayType = 0;
    std::int64_t localDay = 0;
};
LocalCalendar localCalendar(std::int64_t utcSeconds, int utcOffsetMinutes);

}  // namespace swarmergy::forecast
