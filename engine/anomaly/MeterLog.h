#pragma once
// What the console receives from the field: every alvéole's meter readings per step (served
// load, PV, MicroStore charge/discharge and state of charge, the connection meter's net
// exchange) and whether its hub reported at all. The hub's meters balance at every step:
// load = pvUsed + discharge - charge - net; a load meter that disagrees is faulty.
// Structure of arrays, step-major: value(step, alvéole) = v[step * alveoleCount + alvéole].
// recordFleet() fills one from engine/simulation's Simulator, without changing the simulator.

#include <cstdint>
#include <string>
#include <vector>

#include "engine/simulation/FleetGenerator.h"

namespace swarmergy::anomaly {

// Asset facts the detectors need (from the scenario topology).
struct AlveoleAssets {
    std::string id;
    int ruche = 0;
    double pvPeakKw = 0;           // 0 = no PV
    double batteryCapacityKwh = 0; // 0 = no MicroStore
    double socMinKwh = 0, socMaxKwh = 0;
    double etaCharge = 1, etaDischarge = 1;
    bool heatPump = false;         // a registered heat pump: its load follows the weather
};

struct MeterLog {
    std::int64_t startUtc = 0;
    int stepMinutes = 15;
    int utcOffsetMinutes = 60;
    int steps = 0;
    std::vector<std::string> rucheIds;
    std::vector<AlveoleAssets> alveoles;
    std::vector<double> loadKw;        // served load (demand less local shedding)
    std::vector<double> pvKw;          // PV the inverter could give (before curtailment)
    std::vector<double> pvUsedKw;      // PV actually produced
    std::vector<double> chargeKw, dischargeKw, socKwh;
    std::vector<double> netKw;         // connection meter, > 0 export
    std::vector<std::uint8_t> reported;   // 0 = the hub sent nothing for that step

    int alveoleCount() const { return static_cast<int>(alveoles.size()); }
    std::size_t at(int step, int alveole) const { return std::size_t(step) * alveoles.size() + alveole; }
    double stepHours() const { return stepMinutes / 60.0; }
    std::int64_t stepStartUtc(int step) const { return startUtc + std::int64_t(step) * stepMinutes * 60; }
    // Local day number of a step (days since 1970-01-01 in local civil time).
    std::int64_t localDay(int step) const;
};

// Runs the simulator over `steps` steps. Throws std::invalid_argument if steps < 1.
MeterLog recordFleet(const simulation::Fleet& fleet, int steps);

}  // namespace swarmergy::anomaly
