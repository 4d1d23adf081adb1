#pragma once
// From detector conditions to what operators see, and how good that is against the injected
// ground truth: precision, recall, F1 per fault type, time to detect, alarms per operator per
// day after suppression.

#include <array>
#include <cstdint>
#include <vector>

#include "engine/anomaly/AlarmModel.h"
#include "engine/anomaly/Detectors.h"
#include "engine/anomaly/Faults.h"

namespace swarmergy::anomaly {

// Priority of each fault type's alarm (ISA-18.2: by consequence and time to respond).
AlarmPriority priorityOf(FaultType type);
// The condition a detector event raises: subject "ruche-1/alveole-17" or "ruche-1".
AlarmCondition conditionFor(const MeterLog& log, const ConditionEvent& event);
// Ruche outage suppresses its alvéoles' hub-silent alarms.
void installDefaultSuppression(AlarmManager& alarms);

// An alarm shown to an operator (not suppressed, not shelved).
struct Annunciation {
    int step = 0;
    FaultType type = FaultType::StuckMeter;
    int alveole = -1;
    int ruche = 0;
    int alarmId = 0;
};

// Feeds the events in order (the manager's clock advances with them) and returns what was
// annunciated.
std::vector<Annunciation> runAlarms(const MeterLog& log, const std::vector<ConditionEvent>& events, AlarmManager& alarms);

struct TypeScore {
    FaultType type = FaultType::StuckMeter;
    int faults = 0, detected = 0;
    int alarms = 0, correctAlarms = 0;
    double totalStepsToDetect = 0;
    int maxStepsToDetect = 0;
    // Faults that changed no reading at all (a faded MicroStore that never charged above its
    // faded capacity): no detector can see them. Still counted in faults and recall; reported
    // so that a miss can be told from a blind spot.
    int latent = 0;
    double precision() const { return alarms ? double(correctAlarms) / alarms : 1.0; }
    double recall() const { return faults ? double(detected) / faults : 1.0; }
    double f1() const
    {
        const double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
    double meanHoursToDetect(int stepMinutes) const
    {
        return detected ? totalStepsToDetect / detected * stepMinutes / 60.0 : 0.0;
    }
    void add(const TypeScore& o);
};

struct DetectionReport {
    std::array<TypeScore, kFaultTypeCount> types;
    TypeScore overall;
    int annunciations = 0;
    int suppressed = 0;
    double alarmsPerOperatorPerDay = 0;
};

// An annunciation is correct if a fault of its type on its subject is under way (or ended less
// than a day before); a fault is detected by its first correct annunciation.
DetectionReport scoreDetection(const MeterLog& log, const std::vector<Fault>& faults,
                               const std::vector<Annunciation>& annunciations, const AlarmManager& alarms,
                               int firstStep, int operators);

// True if injecting the fault changed any reading of its subject during the fault.
bool faultLeavesEvidence(const MeterLog& clean, const MeterLog& faulty, const Fault& fault);

// The whole measurement on a simulated fleet: records learnDays + faultDays days from
// fleet.start, plans faultsPerType faults of every type after the learning days (seeded with
// fleet.seed), injects them, runs the detectors and the alarms (default suppression, one
// operator) and scores the result. Used by the season sweep (bench/forecast, tests).
DetectionReport evaluateDetection(const simulation::FleetOptions& fleet, int learnDays, int faultDays,
                                  int faultsPerType, const DetectorOptions& options = {});

}  // namespace swarmergy::anomaly
