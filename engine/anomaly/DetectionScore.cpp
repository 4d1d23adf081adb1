#include "engine/anomaly/DetectionScore.h"

#include <algorithm>
#include <cmath>

namespace swarmergy::anomaly {

AlarmPriority priorityOf(FaultType type)
{
    switch (type) {
    case FaultType::RucheOutage: return AlarmPriority::High;
    case FaultType::HubSilent:
    case FaultType::StuckMeter:
    case FaultType::InverterTrip:
    case FaultType::HabitChange: return AlarmPriority::Medium;
    case FaultType::DriftingMeter:
    case FaultType::Spike:
    case FaultType::PvSoiling:
    case FaultType::BatteryFade: return AlarmPriority::Low;
    }
    return AlarmPriority::Medium;
}

AlarmCondition conditionFor(const MeterLog& log, const ConditionEvent& e)
{
    const std::string& ruche = log.rucheIds[std::size_t(e.ruche)];
    AlarmCondition c;
    c.type = faultTypeName(e.type);
    c.priority = priorityOf(e.type);
    c.message = e.message;
    if (e.alveole >= 0) {
        c.subject = ruche + "/" + log.alveoles[std::size_t(e.alveole)].id;
        c.parentSubject = ruche;
    } else {
        c.subject = ruche;
    }
    return c;
}

void installDefaultSuppression(AlarmManager& alarms)
{
    alarms.addSuppressionRule(faultTypeName(FaultType::RucheOutage), {faultTypeName(FaultType::HubSilent)});
}

std::vector<Annunciation> runAlarms(const MeterLog& log, const std::vector<ConditionEvent>& events, AlarmManager& alarms)
{
    std::vector<Annunciation> out;
    for (const ConditionEvent& e : events) {
        // Conditions are known at the end of the step that revealed them.
        const std::int64_t timeUtc = log.stepStartUtc(e.step + 1);
        alarms.advanceTo(timeUtc);
        const AlarmCondition c = conditionFor(log, e);
        if (!e.active) {
            alarms.clear(c.type, c.subject, timeUtc);
            continue;
        }
        const int before = alarms.annunciationsBetween(timeUtc, timeUtc + 1);
        const int id = alarms.raise(c, timeUtc);
        if (alarms.annunciationsBetween(timeUtc, timeUtc + 1) > before) out.push_back({e.step, e.type, e.alveole, e.ruche, id});
    }
    return out;
}

void TypeScore::add(const TypeScore& o)
{
    faults += o.faults;
    detected += o.detected;
    alarms += o.alarms;
    correctAlarms += o.correctAlarms;
    totalStepsToDetect += o.totalStepsToDetect;
    latent += o.latent;
    maxStepsToDetect = std::max(maxStepsToDetect, o.maxStepsToDetect);
}

namespace {
bool matches(const Fault& f, const Annunciation& a)
{
    constexpr int kGraceSteps = 96;
    return f.type == a.type && f.ruche == a.ruche && f.alveole == a.alveole && a.step >= f.startStep &&
           a.step < f.endStep + kGraceSteps;
}
}  // namespace

DetectionReport scoreDetection(const MeterLog& log, const std::vector<Fault>& faults,
                               const std::vector<Annunciation>& annunciations, const AlarmManager& alarms,
                               int firstStep, int operators)
{
    DetectionReport report;
    for (int t = 0; t < kFaultTypeCount; ++t) report.types[t].type = FaultType(t);
    for (const Annunciation& a : annunciations) {
        TypeScore& s = report.types[int(a.type)];
        ++s.alarms;
        if (std::any_of(faults.begin(), faults.end(), [&](const Fault& f) { return matches(f, a); })) ++s.correctAlarms;
    }
    for (const Fault& f : faults) {
        TypeScore& s = report.types[int(f.type)];
        ++s.faults;
        const auto first = std::find_if(annunciations.begin(), annunciations.end(),
                                        [&](const Annunciation& a) { return matches(f, a); });
        if (first == annunciations.end()) continue;
        ++s.detected;
        s.totalStepsToDetect += first->step - f.startStep;
        s.maxStepsToDetect = std::max(s.maxStepsToDetect, first->step - f.startStep);
    }
    for (const TypeScore& s : report.types) report.overall.add(s);
    report.annunciations = int(annunciations.size());
    report.suppressed = alarms.suppressedCount();
    report.alarmsPerOperatorPerDay =
        alarms.alarmsPerOperatorPerDay(log.stepStartUtc(firstStep), log.stepStartUtc(log.steps), operators);
    return report;
}

DetectionReport evaluateDetection(const simulation::FleetOptions& fleet, int learnDays, int faultDays,
                                  int faultsPerType, const DetectorOptions& options)
{
    constexpr int kDay = 96;
    MeterLog log = recordFleet(simulation::generateFleet(fleet), (learnDays + faultDays) * kDay);
    const int firstStep = learnDays * kDay;
    const std::vector<Fault> faults = planFaults(log, {fleet.seed, firstStep, 0, faultsPerType});
    const MeterLog clean = log;
    injectFaults(log, faults);
    DetectorOptions detectors = options;
    detectors.learnSteps = firstStep;
    AlarmManager alarms;
    installDefaultSuppression(alarms);
    const auto annunciations = runAlarms(log, detectConditions(log, detectors), alarms);
    DetectionReport report = scoreDetection(log, faults, annunciations, alarms, firstStep, 1);
    for (const Fault& f : faults)
        if (!faultLeavesEvidence(clean, log, f)) {
            ++report.types[int(f.type)].latent;
            ++report.overall.latent;
        }
    return report;
}

bool faultLeavesEvidence(const MeterLog& clean, const MeterLog& faulty, const Fault& fault)
{
    for (int s = fault.startStep; s < fault.endStep; ++s)
        for (int i = 0; i < clean.alveoleCount(); ++i) {
            if (fault.alveole >= 0 ? i != fault.alveole : clean.alveoles[i].ruche != fault.ruche) continue;
            const std::size_t k = clean.at(s, i);
            // A watt (or watt-hour) of difference: below that, rounding of a re-integrated level.
            auto differs = [k](const std::vector<double>& a, const std::vector<double>& b) { return std::fabs(a[k] - b[k]) > 1e-3; };
            if (differs(clean.loadKw, faulty.loadKw) || differs(clean.pvKw, faulty.pvKw) ||
                differs(clean.pvUsedKw, faulty.pvUsedKw) || differs(clean.socKwh, faulty.socKwh) ||
                differs(clean.netKw, faulty.netKw) || clean.reported[k] != faulty.reported[k])
                return true;
        }
    return false;
}

}  // namespace swarmergy::anomaly
