// Simulator: energy conservation and limits over a year with a grid outage, determinism,
// islanding priorities, snapshot contents.
#include <algorithm>
#include <cstring>
#include <vector>

#include "engine/simulation/Calendar.h"
#include "engine/simulation/Simulator.h"
#include "tests/support/Check.h"

using namespace swarmergy;
using namespace swarmergy::simulation;

#include "tests/engine/simulation/SimulatorChecks.h"

using namespace swarmergy::simulation::checks;

namespace {

void testYearConservationAndLimits() {
    FleetOptions o;
    o.alveoles = 40;
    o.ruches = 2;
    o.seed = 7;
    o.start = "2026-01-01T00:00:00Z";
    Simulator sim(generateFleet(o));
    const int stepsPerDay = 96;
    // A two-day outage in a January evening and a summer one.
    sim.scheduleGridOutage(10 * stepsPerDay + 64, 2 * stepsPerDay);
    sim.scheduleGridOutage(190 * stepsPerDay + 40, stepsPerDay);
    double worst = 0;
    int islandedSteps = 0;
    double shedKwh = 0, curtailedKwh = 0, lineKwh = 0, electrolyzerKwh = 0, fuelCellKwh = 0;
    LimitViolations violations;
    for (int t = 0; t < 365 * stepsPerDay; ++t) {
        sim.step();
        for (int r = 0; r < 2; ++r) {
            worst = std::max(worst, rucheResidual(sim, r));
            const model::RucheFlows& f = sim.ruches()[r].flows;
            shedKwh += f.shedKw * 0.25;
            curtailedKwh += (f.pvAvailableKw - f.pvUsedKw) * 0.25;
            lineKwh += f.linesOutKw * 0.25;
            electrolyzerKwh += f.electrolyzerKw * 0.25;
            fuelCellKwh += f.fuelCellKw * 0.25;
        }
        islandedSteps += sim.ruches()[0].islanded ? 1 : 0;
        checkLimits(sim, t, violations);
    }
    std::printf("  year: worst relative residual %.3g, shed %.1f kWh, curtailed %.1f kWh, "
                "lines %.1f kWh, electrolyser %.1f kWh, fuel cell %.1f kWh\n",
                worst, shedKwh, curtailedKwh, lineKwh, electrolyzerKwh, fuelCellKwh);
    CHECK(worst <= 1e-9);
    CHECK(violations.count == 0);
    CHECK(islandedSteps == 3 * stepsPerDay);
    // The run exercised the paths the balance covers (otherwise the test proves little).
    CHECK(shedKwh > 0);
    CHECK(lineKwh > 0);
    CHECK(electrolyzerKwh > 0 && fuelCellKwh > 0);
    CHECK(sim.timeUtc() == parseIsoUtc("2027-01-01T00:00:00Z"));
}

template <typename T>
bool sameBits(std::span<const T> a, std::span<const T> b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size_bytes()) == 0;
}

void testDeterminism() {
    FleetOptions o;
    o.alveoles = 300;
    o.ruches = 3;
    o.seed = 42;
    o.start = "2026-03-01T00:00:00Z";
    Simulator a(generateFleet(o)), b(generateFleet(o));
    a.scheduleGridOutage(100, 20);
    b.scheduleGridOutage(100, 20);
    bool identical = true;
    for (int t = 0; t < 3 * 96; ++t) {
        a.step();
        b.step();
        identical = identical && sameBits(a.alveoles(), b.alveoles()) &&
                    sameBits(a.ruches(), b.ruches()) && sameBits(a.lines(), b.lines());
    }
    CHECK(identical);
    // A different seed gives a different essaim.
    o.seed = 43;
    Simulator c(generateFleet(o));
    for (int t = 0; t < 3 * 96; ++t) c.step();
    CHECK(!sameBits(a.alveoles(), c.alveoles()));
}

void testIslandingPriorities() {
    // A winter evening, islanded, with empty HiveStores: deferrable load goes first,
    // comfort next, critical last; the HiveStore's reserve serves critical load.
    FleetOptions o;
    o.alveoles = 60;
    o.ruches = 2;
    o.seed = 3;
    o.withLines = false;
    o.start = "2026-01-14T15:00:00Z";
    Fleet fleet = generateFleet(o);
    fleet.topology.ruches[0].seasonStore.reset();
    for (auto& ruche : fleet.topology.ruches) {
        ruche.hiveStore->soc0Kwh = ruche.hiveStore->capacityKwh * 0.35;   // just above reserve
        for (auto& a : ruche.alveoles) a.battery.reset();
    }
    for (auto& h : fleet.households) h.pvPeakKw = 0;
    Simulator sim(std::move(fleet));
    sim.setGridConnected(false);
    double deferrableShed = 0, criticalShed = 0, comfortShed = 0;
    int orderViolations = 0;
    for (int t = 0; t < 24; ++t) {
        sim.step();
        for (int r = 0; r < 2; ++r) {
            const RucheStep& rs = sim.ruches()[r];
            CHECK(rs.islanded && rs.flows.importKw == 0 && rs.flows.exportKw == 0);
            deferrableShed += rs.shedDeferrableKw;
            comfortShed += rs.shedComfortKw;
            criticalShed += rs.shedCriticalKw;
            const RucheSite& site = sim.fleet().sites[r];
            for (int i = site.firstAlveole; i < site.firstAlveole + site.alveoleCount; ++i) {
                const AlveoleStep& a = sim.alveoles()[i];
                const double served = a.loadKw - a.shedKw;
                const double comfort = a.loadKw - a.criticalKw - a.deferrableKw;
                const bool drawing = a.netKw < -1e-9;
                // Comfort shed anywhere -> no household still draws for deferrable load.
                if (rs.shedComfortKw > 1e-9 && drawing && served > a.criticalKw + comfort + 1e-9)
                    ++orderViolations;
                // Critical shed anywhere -> no household still draws for non-critical load.
                if (rs.shedCriticalKw > 1e-9 && drawing && served > a.criticalKw + 1e-9)
                    ++orderViolations;
            }
        }
    }
    std::printf("  islanding: shed deferrable %.1f, comfort %.1f, critical %.1f kW-steps\n",
                deferrableShed, comfortShed, criticalShed);
    CHECK(orderViolations == 0);
    CHECK(deferrableShed > 0);
    CHECK(deferrableShed > criticalShed);
    // Reconnecting ends the shedding (the gates are large enough for an evening peak).
    sim.setGridConnected(true);
    sim.step();
    for (int r = 0; r < 2; ++r) CHECK(sim.ruches()[r].flows.shedKw < 1e-9);
}

void testReserveServesCriticalFirst() {
    // Same evening with a HiveStore full enough: islanding sheds no critical load.
    FleetOptions o;
    o.alveoles = 20;
    o.ruches = 1;
    o.seed = 5;
    o.start = "2026-01-14T17:00:00Z";
    Fleet fleet = generateFleet(o);
    fleet.topology.ruches[0].seasonStore.reset();
    fleet.topology.ruches[0].hiveStore->soc0Kwh = fleet.topology.ruches[0].hiveStore->capacityKwh;
    Simulator sim(std::move(fleet));
    sim.scheduleGridOutage(0, 4);
    double critical = 0;
    for (int t = 0; t < 4; ++t) {
        sim.step();
        critical += sim.ruches()[0].shedCriticalKw;
    }
    CHECK(critical == 0);
}

void testSnapshot() {
    FleetOptions o;
    o.alveoles = 120;
    o.ruches = 3;
    o.start = "2026-06-21T00:00:00Z";   // 01:00 local
    Simulator sim(generateFleet(o));
    const auto before = sim.snapshot(model::SimSpeed::Paused);
    CHECK(before->alveoles && before->alveoles->size() == 120);
    CHECK(before->ruches[0].stores.hiveSocKwh > 0);
    for (int t = 0; t < 92; ++t) sim.step();   // to 23:00 UTC = local midnight
    const auto snap = sim.snapshot(model::SimSpeed::X3600);
    CHECK(snap->speed == model::SimSpeed::X3600);
    CHECK(snap->stepIndex == 91);
    CHECK(snap->simTimeUtc == parseIsoUtc("2026-06-21T22:45:00Z"));
    CHECK(snap->ruches.size() == 3 && snap->lines.size() == 3);
    CHECK(snap->alveoles->size() == 120);
    CHECK(snap->importPrice > snap->exportPrice);
    double importToday = 0, exportToday = 0;
    for (const auto& row : *snap->alveoles) {
        importToday += row.importTodayKwh;
        exportToday += row.exportTodayKwh;
        CHECK(row.rucheIndex >= 0 && row.rucheIndex < 3);
    }
    CHECK(snap->alveoles->front().id == "a-0001");
    CHECK(importToday > 0 && exportToday > 0);   // a June day: evenings import, noons export
    for (const auto& r : snap->ruches) {
        CHECK(r.today.selfSufficiency > 0.2 && r.today.selfSufficiency <= 1);
        CHECK(r.today.selfConsumption > 0 && r.today.selfConsumption <= 1);
        CHECK(r.stores.hiveCapacityKwh > 0);
        CHECK(r.alveoleCount > 0);
    }
    CHECK(snap->ruches[0].stores.h2TankKwh > 0 && snap->ruches[1].stores.h2TankKwh == 0);
    // Local midnight starts a new day: today's counters restart.
    sim.step();
    const auto next = sim.snapshot(model::SimSpeed::X3600);
    double importAfter = 0;
    for (const auto& row : *next->alveoles) importAfter += row.importTodayKwh;
    CHECK(importAfter < importToday * 0.1);
}

}  // namespace

int main() {
    testYearConservationAndLimits();
    testDeterminism();
    testIslandingPriorities();
    testReserveServesCriticalFirst();
    testSnapshot();
    return testResult("tst_simulator");
}
