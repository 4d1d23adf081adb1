// Detection measured on injected faults: a 400-alvéole fleet simulated for three weeks (one
// learning week, then faults with ground truth), every fault type detected, F1 >= 0.9
// overall, fewer than 150 alarms per operator per day after suppression, and a clean fleet
// raising (almost) nothing.
#include "tests/support/Check.h"

#include <cstdio>

#include "engine/anomaly/DetectionScore.h"
#include "engine/anomaly/Detectors.h"
#include "engine/anomaly/Faults.h"
#include "engine/anomaly/MeterLog.h"

using namespace swarmergy;
using namespace swarmergy::anomaly;

namespace {

constexpr int kDay = 96;

MeterLog demoLog(std::uint64_t seed)
{
    simulation::FleetOptions options;
    options.alveoles = 400;
    options.ruches = 4;
    options.seed = seed;
    return recordFleet(simulation::generateFleet(options), 21 * kDay);
}

void printReport(const DetectionReport& r, int stepMinutes)
{
    std::printf("%-15s %6s %8s %7s %9s %6s %6s %6s %10s %10s\n", "type", "faults", "detected", "alarms", "correct",
                "prec", "recall", "F1", "mean TTD h", "max TTD h");
    auto row = [&](const char* name, const TypeScore& s) {
        std::printf("%-15s %6d %8d %7d %9d %6.2f %6.2f %6.2f %10.1f %10.1f\n", name, s.faults, s.detected, s.alarms,
                    s.correctAlarms, s.precision(), s.recall(), s.f1(), s.meanHoursToDetect(stepMinutes),
                    s.maxStepsToDetect * stepMinutes / 60.0);
    };
    for (const TypeScore& s : r.types) row(faultTypeName(s.type), s);
    row("overall", r.overall);
    std::printf("annunciations %d, suppressed %d, alarms per operator per day %.1f\n", r.annunciations, r.suppressed,
                r.alarmsPerOperatorPerDay);
}

void testInjectedFaults(std::uint64_t seed)
{
    MeterLog log = demoLog(seed);
    const std::vector<Fault> faults = planFaults(log, {seed, 7 * kDay, 0, 4});
    CHECK(faults.size() == 4 * kFaultTypeCount);
    injectFaults(log, faults);
    AlarmManager alarms;
    installDefaultSuppression(alarms);
    const auto annunciations = runAlarms(log, detectConditions(log), alarms);
    const DetectionReport report = scoreDetection(log, faults, annunciations, alarms, 7 * kDay, 1);
    std::printf("seed %llu\n", static_cast<unsigned long long>(seed));
    printReport(report, log.stepMinutes);
    for (const TypeScore& s : report.types) {
        if (s.detected == 0) std::printf("  not detected at all: %s\n", faultTypeName(s.type));
        CHECK(s.detected > 0);
    }
    CHECK(report.overall.f1() >= 0.9);
    CHECK(report.alarmsPerOperatorPerDay < 150);
    CHECK(report.suppressed > 0);   // the ruche outages hid their alvéoles' hub alarms
}

void testCleanFleet()
{
    const MeterLog log = demoLog(11);
    AlarmManager alarms;
    installDefaultSuppression(alarms);
    const auto annunciations = runAlarms(log, detectConditions(log), alarms);
    std::printf("clean fleet: %zu alarms in 14 days over 400 alveoles\n", annunciations.size());
    for (const Annunciation& a : annunciations)
        std::printf("  false alarm %s on alveole %d at step %d\n", faultTypeName(a.type), a.alveole, a.step);
    CHECK(annunciations.size() <= 4);
}

void testDeterminism()
{
    MeterLog a = demoLog(8), b = demoLog(8);
    const auto faultsA = planFaults(a, {8, 7 * kDay, 0, 2});
    const auto faultsB = planFaults(b, {8, 7 * kDay, 0, 2});
    CHECK(faultsA.size() == faultsB.size());
    for (std::size_t k = 0; k < std::min(faultsA.size(), faultsB.size()); ++k)
        CHECK(faultsA[k].alveole == faultsB[k].alveole && faultsA[k].startStep == faultsB[k].startStep &&
              faultsA[k].magnitude == faultsB[k].magnitude);
    CHECK(planFaults(a, {9, 7 * kDay, 0, 2})[3].startStep != faultsA[3].startStep ||
          planFaults(a, {9, 7 * kDay, 0, 2})[3].alveole != faultsA[3].alveole);   // another seed, another plan
    injectFaults(a, faultsA);
    injectFaults(b, faultsB);
    const auto eventsA = detectConditions(a), eventsB = detectConditions(b);
    CHECK(eventsA.size() == eventsB.size());
    for (std::size_t k = 0; k < std::min(eventsA.size(), eventsB.size()); ++k)
        CHECK(eventsA[k].step == eventsB[k].step && eventsA[k].alveole == eventsB[k].alveole &&
              eventsA[k].message == eventsB[k].message);
}

void testBadInput()
{
    MeterLog log = demoLog(3);
    bool refused = false;
    try {
        injectFaults(log, {{FaultType::Spike, 0, 0, log.steps - 1, log.steps + 5, 10}});
    } catch (const std::invalid_argument&) {
        refused = true;
    }
    CHECK(refused);
    refused = false;
    try {
        log.steps = 100;
        detectConditions(log);
    } catch (const std::invalid_argument&) {
        refused = true;
    }
    CHECK(refused);
}

}  // namespace

int main()
{
    testInjectedFaults(5);
    testInjectedFaults(6);
    testCleanFleet();
    testDeterminism();
    testBadInput();
    return testResult("tst_detection");
}
