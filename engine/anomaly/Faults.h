#pragma once
// Fault types SwarmBrain detects, injected into a recorded MeterLog with ground truth so that
// detection can be measured. Injection post-processes the readings (the simulator is not
// changed): a fault only alters what the meters and hubs report.

#include <cstdint>
#include <string>
#include <vector>

#include "engine/anomaly/MeterLog.h"

namespace swarmergy::anomaly {

enum class FaultType {
    StuckMeter = 0,   // load reading frozen
    DriftingMeter,    // load reading gain grows day by day
    Spike,            // a burst of impossible load readings
    PvSoiling,        // PV output a fraction of what the sky allows
    InverterTrip,     // PV output zero while the neighbours produce
    HabitChange,      // consumption far from the learned habit (tamper or fault)
    BatteryFade,      // MicroStore holds less energy than its nameplate
    HubSilent,        // one alvéole's hub stops reporting
    RucheOutage,      // a whole ruche stops reporting (one upstream cause)
};
inline constexpr int kFaultTypeCount = 9;
const char* faultTypeName(FaultType type);   // "stuck-meter", ...

struct Fault {
    FaultType type = FaultType::StuckMeter;
    int alveole = -1;   // -1 for a ruche-level fault
    int ruche = 0;
    int startStep = 0;
    int endStep = 0;    // exclusive
    double magnitude = 0;   // drift per day, soiling / habit factor, remaining capacity share
};

struct FaultPlanOptions {
    std::uint64_t seed = 1;
    int firstStep = 7 * 96;   // faults start after the detectors' learning week
    int endStep = 0;          // 0 = end of the log
    int faultsPerType = 4;
};

// Distinct alvéoles for every alvéole fault (one fault per meter), PV faults on PV homes,
// fade on MicroStore homes; ruche outages on one ruche whose alvéoles get no other fault.
// Throws std::invalid_argument if the fleet is too small for the plan.
std::vector<Fault> planFaults(const MeterLog& log, const FaultPlanOptions& options);

// Applies the faults to the readings in place. Throws std::invalid_argument for a fault
// outside the log.
void injectFaults(MeterLog& log, const std::vector<Fault>& faults);

}  // namespace swarmergy::anomaly
