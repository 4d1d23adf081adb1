#pragma once
// Causal detectors over a MeterLog: each step they see only readings up to that step. They
// learn each alvéole's normal behaviour on a learning period (the first week), then report
// conditions (a fault type on an alvéole or a ruche) becoming active and returning to normal.
// Those conditions feed the alarm model (AlarmModel.h), which decides what an operator sees.
//
// Per step: hub silence (4 missing steps), ruche outage (90 % of a ruche silent for 2 steps),
// stuck load reading (8 identical readings),
// spikes (reading above the learned maximum and 5 kW above what the hub's other meters imply),
// inverter trip (no PV for 3 steps while the ruche's other PV homes produce).
// Per local day: PV soiling (sunny-day yield ratio to the ruche's peers below 80 % of learned,
// two days running), drifting meter (median ratio of the load reading to the load the hub's
// other meters imply away from 1 by 8 %), habit change (the day's median load far outside the
// learned spread, after the ruche's common factor), battery fade (Coulomb counting: the level
// does not follow the reported flows by more than 10 % of nameplate in a day). One meter alarm per alvéole at a time: a meter already in
// alarm is not judged by the other load detectors until it returns to normal.

#include <string>
#include <vector>

#include "engine/anomaly/Faults.h"
#include "engine/anomaly/MeterLog.h"

namespace swarmergy::anomaly {

struct ConditionEvent {
    int step = 0;               // step whose readings revealed it
    FaultType type = FaultType::StuckMeter;
    int alveole = -1;           // -1: ruche-level
    int ruche = 0;
    bool active = true;         // false: returned to normal
    std::string message;        // for the operator, with figures
};

struct DetectorOptions {
    int learnSteps = 7 * 96;
    int silentSteps = 4;
    double outageShare = 0.9;
    int stuckSteps = 8;
    double spikeMarginKw = 5;
    double soilingRatio = 0.8;
    double pvDayMinKwhPerKwp = 0.2;   // darker days are not judged for soiling
    double pvMinClearness = 0.5;      // clear day: at least half the best day's yield seen at the ruche
    double pvMaxDullness = 0.25;      // dull day (diffuse light): below a quarter of it
    double pvRatioAdaptation = 0.3;   // how fast the expected PV ratio follows normal clear days
    double tripPeerKwPerKwp = 0.04;        // peers' yield below which a silent inverter is not judged
    double habitSigmas = 5;
    double habitMinLogRatio = 0.75;
};

// Runs every detector over the whole log and returns the events in step order.
// Throws std::invalid_argument if the log is shorter than the learning period plus a day.
std::vector<ConditionEvent> detectConditions(const MeterLog& log, const DetectorOptions& options = {});

}  // namespace swarmergy::anomaly
