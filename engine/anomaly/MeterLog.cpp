#include "engine/anomaly/MeterLog.h"

#include <stdexcept>

#include "engine/simulation/Calendar.h"
#include "engine/simulation/Simulator.h"

namespace swarmergy::anomaly {

std::int64_t MeterLog::localDay(int step) const
{
    return simulation::floorDiv(stepStartUtc(step) + utcOffsetMinutes * 60LL, 86400);
}

MeterLog recordFleet(const simulation::Fleet& fleet, int steps)
{
    if (steps < 1) throw std::invalid_argument("recordFleet: steps must be >= 1, got " + std::to_string(steps));
    MeterLog log;
    simulation::Simulator simulator(fleet);
    log.startUtc = simulator.timeUtc();
    log.stepMinutes = fleet.options.stepMinutes;
    log.utcOffsetMinutes = fleet.options.utcOffsetMinutes;
    log.steps = steps;
    for (std::size_t r = 0; r < fleet.topology.ruches.size(); ++r) {
        const model::Ruche& ruche = fleet.topology.ruches[r];
        log.rucheIds.push_back(ruche.id);
        for (const model::Alveole& a : ruche.alveoles) {
            AlveoleAssets assets;
            assets.id = a.id;
            assets.ruche = int(r);
            assets.pvPeakKw = fleet.households[log.alveoles.size()].pvPeakKw;
            assets.heatPump = fleet.households[log.alveoles.size()].heatPump;
            if (a.battery) {
                assets.batteryCapacityKwh = a.battery->capacityKwh;
                assets.socMinKwh = a.battery->socMinKwh;
                assets.socMaxKwh = a.battery->socMaxKwh;
                assets.etaCharge = a.battery->etaCharge;
                assets.etaDischarge = a.battery->etaDischarge;
            }
            log.alveoles.push_back(assets);
        }
    }
    const std::size_t cells = std::size_t(steps) * log.alveoles.size();
    for (auto* v : {&log.loadKw, &log.pvKw, &log.pvUsedKw, &log.chargeKw, &log.dischargeKw, &log.socKwh, &log.netKw}) v->resize(cells);
    log.reported.assign(cells, 1);
    for (int s = 0; s < steps; ++s) {
        simulator.step();
        const auto rows = simulator.alveoles();
        for (int i = 0; i < log.alveoleCount(); ++i) {
            const std::size_t k = log.at(s, i);
            log.loadKw[k] = rows[i].loadKw - rows[i].shedKw;
            log.pvKw[k] = rows[i].pvAvailableKw;
            log.pvUsedKw[k] = rows[i].pvUsedKw;
            log.netKw[k] = rows[i].netKw;
            log.chargeKw[k] = rows[i].chargeKw;
            log.dischargeKw[k] = rows[i].dischargeKw;
            log.socKwh[k] = rows[i].socKwh;
        }
    }
    return log;
}

}  // namespace swarmergy::anomaly
