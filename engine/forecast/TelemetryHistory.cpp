#include "engine/forecast/TelemetryHistory.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace swarmergy::forecast {

RucheHistory historyFromTelemetry(const telemetry::TelemetryStore& store, const simulation::Fleet& fleet, int ruche,
                                  std::int64_t fromUtc, std::int64_t toUtc, TelemetryGaps* gaps)
{
    if (ruche < 0 || ruche >= int(fleet.sites.size()))
        throw std::invalid_argument("historyFromTelemetry: ruche index " + std::to_string(ruche) + " not in the fleet");
    const std::int64_t stepSeconds = fleet.options.stepMinutes * 60LL;
    if (toUtc <= fromUtc || fromUtc % stepSeconds != 0)
        throw std::invalid_argument("historyFromTelemetry: range must be non-empty and start on a step boundary");
    if (store.stepMinutes() != 0 && store.stepMinutes() != fleet.options.stepMinutes)
        throw std::invalid_argument("historyFromTelemetry: the store keeps " + std::to_string(store.stepMinutes()) +
                                    "-minute steps, the fleet " + std::to_string(fleet.options.stepMinutes));
    const int steps = int((toUtc - fromUtc + stepSeconds - 1) / stepSeconds);
    RucheHistory h;
    h.rucheId = fleet.topology.ruches[ruche].id;
    h.startUtc = fromUtc;
    h.stepMinutes = fleet.options.stepMinutes;
    h.utcOffsetMinutes = fleet.options.utcOffsetMinutes;
    fillSky(fleet, ruche, fromUtc, steps + kHorizonSteps, h);
    h.loadKw.assign(steps, -1.0);
    h.pvKw.assign(steps, -1.0);
    for (const telemetry::SeriesRow& row : store.queryRuche(h.rucheId, fromUtc, toUtc, telemetry::Resolution::Step)) {
        const std::int64_t s = (row.startUtc - fromUtc) / stepSeconds;
        if (s < 0 || s >= steps || row.coveredSeconds <= 0) continue;
        h.loadKw[s] = row.loadKw();
        h.pvKw[s] = row.pvKw();
    }
    int missing = 0;
    const int day = 1440 / h.stepMinutes;
    for (int s = 0; s < steps; ++s) {
        if (h.loadKw[s] >= 0) continue;
        ++missing;
        h.loadKw[s] = s >= day ? h.loadKw[s - day] : 0.0;
        h.pvKw[s] = s >= day ? h.pvKw[s - day] : 0.0;
    }
    if (gaps) gaps->missingSteps = missing;
    // Irradiance estimate: the PV's clear-sky index applied to the clear-sky GHI.
    const double peakKw = *std::max_element(h.clearSkyPvKw.begin(), h.clearSkyPvKw.end());
    h.ghiWm2.resize(steps);
    for (int s = 0; s < steps; ++s) {
        const double clear = h.clearSkyPvKw[s];
        const double index = clear > 0.05 * peakKw ? std::clamp(h.pvKw[s] / clear, 0.0, 1.0) : 1.0;
        h.ghiWm2[s] = h.clearSkyGhiWm2[s] * index;
    }
    return h;
}

}  // namespace swarmergy::forecast
