// The scalable path against the reference path: hand-made optima, generated essaims (1 and 4
// ruches, summer and winter, islanded), absurd-but-valid inputs. Every schedule goes through
// the checker; the bound never exceeds CLP's optimum; the objective is within the reported
// gap of it; the exact path's two CLP algorithms agree within 1e-6.

#include "DispatchTestSupport.h"

#include "engine/optimization/Dispatch.h"
#include "engine/optimization/ScheduleRepair.h"
#include "engine/simulation/FleetGenerator.h"

#include <tuple>

using namespace swarmergy;
using namespace dispatch_test;

namespace {

constexpr std::int64_t kSummer = 1782259200;   // 2026-06-24T00:00Z
constexpr std::int64_t kWinter = 1768348800;   // 2026-01-14T00:00Z

optimization::DispatchResult decompose(const model::Scenario& s, double maxGap = 0.005, int threads = 2,
                                       int chunkRuches = 25, bool relaxationStart = true, int haloRuches = 2)
{
    optimization::DispatchOptions o;
    o.aggregateMaxRuches = chunkRuches;
    o.aggregateHaloRuches = haloRuches;
    o.relaxationStart = relaxationStart;
    o.method = optimization::DispatchMethod::Decomposition;
    o.maxGap = maxGap;
    o.threads = threads;
    return optimization::solveDispatch(s, o);
}

// Decomposition vs CLP on one scenario.
void compareWithClp(const model::Scenario& s, const std::string& what)
{
    const auto barrier = optimization::solveWithClp(s, optimization::ClpAlgorithm::Barrier);
    const auto dual = optimization::solveWithClp(s, optimization::ClpAlgorithm::DualSimplex);
    expectValid(s, barrier, what + " clp barrier");
    expectValid(s, dual, what + " clp dual");
    const double optimum = dual.schedule.objective;
    CHECK_NEAR(barrier.schedule.objective, optimum, 1e-6 * std::max(1.0, std::abs(optimum)), what << ": barrier = dual simplex");

    const auto d = decompose(s);
    expectValid(s, d, what + " decomposition");
    const double tol = 1e-7 * d.scale;
    CHECK(d.schedule.bound.has_value(), what << ": decomposition has a bound");
    CHECK(*d.schedule.bound <= optimum + tol, what << ": bound " << *d.schedule.bound << " above the optimum " << optimum);
    CHECK(d.schedule.objective >= optimum - tol, what << ": objective below the optimum");
    CHECK(d.schedule.objective - optimum <= d.gap() * d.scale + tol, what << ": optimum outside the reported gap");
    CHECK(d.gap() <= 0.005 + 1e-12, what << ": proven gap " << 100 * d.gap() << " % above 0.5 %");
    std::cout << what << ": clp " << optimum << ", decomposition " << d.schedule.objective << " (bound "
              << *d.schedule.bound << ", proven gap " << 100 * d.gap() << " %)\n";
}

model::Scenario generated(int alveoles, int ruches, std::int64_t start, bool islanded, std::uint64_t seed)
{
    simulation::FleetOptions o;
    o.alveoles = alveoles;
    o.ruches = ruches;
    o.seed = seed;
    auto s = simulation::makeDispatchScenario(simulation::generateFleet(o), start, 96);
    s.grid.connected = !islanded;
    return s;
}

void handMadeOptima()
{
    // Arbitrage with a 0.81 round trip: the 3 kWh of the dear hour (both homes share the bus)
    // are stored at the cheap hour, 0.1·3/0.81, plus b's 1 kWh bought at the cheap hour.
    auto s = flatScenario(2, 60, 0.10, 0.0);
    s.grid.importPrice = {0.10, 0.50};
    auto r = ruche("r", 50, 50);
    auto a = home("a", {0, 2}, {0, 0});
    a.battery = model::Battery{10, 5, 5, 0.9, 0.9, 0, 0, 10, 0};
    r.alveoles.push_back(a);
    r.alveoles.push_back(home("b", {1, 1}, {0, 0}));
    s.ruches.push_back(r);
    const auto d = decompose(s, 0.0);
    expectValid(s, d, "arbitrage");
    const double optimum = 0.10 * 3 / 0.81 + 0.10;
    CHECK_NEAR(d.schedule.objective, optimum, 1e-9, "arbitrage optimum");
    CHECK_NEAR(*d.schedule.bound, optimum, 1e-9, "arbitrage bound");

    // Islanded with a full battery that must end full (soc[T] >= soc0) and nothing to charge
    // it: the evening's 4 kWh are shed at voll 3.
    auto isl = flatScenario(2, 60, 0.30, 0.05);
    isl.grid.connected = false;
    auto ri = ruche("r", 10, 10);
    auto h = home("h", {0, 4}, {0, 0});
    h.battery = model::Battery{10, 5, 5, 0.9, 0.9, 10, 0, 10, 0};
    ri.alveoles.push_back(h);
    isl.ruches.push_back(ri);
    const auto di = decompose(isl, 0.0);
    expectValid(isl, di, "islanded full battery");
    CHECK_NEAR(di.schedule.objective, 3.0 * 4, 1e-9, "islanded: terminal SoC forbids using the battery");
    compareWithClp(isl, "islanded home with battery");
}

// Valid but absurd: gate limits 0 while connected, no stores, a load above the connection,
// a battery already full with soc0 = soc_max, PV far above the load with no outlet.
void absurdButValid()
{
    auto s = flatScenario(4, 60, 0.30, 0.30);
    auto r = ruche("r", 0, 0);
    auto big = home("big", {40, 40, 0, 0}, {0, 0, 0, 0});   // 17 kW connection: sheds 23 kW
    auto sunny = home("sunny", {0, 0, 0, 0}, {50, 50, 50, 50});
    sunny.battery = model::Battery{5, 5, 5, 1, 1, 5, 0, 5, 0};
    r.alveoles = {big, sunny};
    s.ruches.push_back(r);
    compareWithClp(s, "absurd: closed gate, oversized load and PV");
}

// The repair keeps a battery that charges and discharges in the same step: on an islanded bus
// with no PV left to curtail, that burns energy the bus could not take otherwise (merging the
// two into the net move, as an earlier version did, left 0.19 kW unbalanced here).
void repairKeepsSimultaneousChargeAndDischarge()
{
    auto s = flatScenario(2, 60, 0.30, 0.05);
    s.grid.connected = false;
    auto r = ruche("r", 10, 10);
    auto h = home("h", {0, 1}, {10, 0});
    h.battery = model::Battery{10, 5, 5, 0.9, 0.9, 0, 0, 10, 0};
    r.alveoles.push_back(h);
    s.ruches.push_back(r);
    model::Schedule sched;
    sched.scenario = s.name;
    model::RucheSchedule rs;
    rs.id = "r";
    rs.importKw = {0, 0};
    rs.exportKw = {0, 0};
    model::AlveoleSchedule as;
    as.id = "h";
    as.pvUsedKw = {5, 0};
    as.shedKw = {0, 0};
    // Step 1: 1 kW in, 2 kW out, net +1 kW = the load. The level stays above soc0 = 0.
    as.battery = model::BatterySchedule{{5, 1}, {0, 2}, {0, 4.5, 4.5 + 0.9 - 2 / 0.9}};
    rs.alveoles.push_back(as);
    sched.ruches.push_back(rs);
    const double unresolvedKw = optimization::finishSchedule(s, sched);
    CHECK(unresolvedKw < 1e-9, "repair: " << unresolvedKw << " kW left unbalanced");
    CHECK_NEAR(sched.ruches[0].alveoles[0].battery->chargeKw[1], 1.0, 1e-12, "repair keeps the charge");
    CHECK_NEAR(sched.ruches[0].alveoles[0].battery->dischargeKw[1], 2.0, 1e-12, "repair keeps the discharge");
    const auto report = optimization::checkSchedule(s, sched);
    CHECK(report.ok(), "repair: checker refused " << report.summary());
}

// Relaxation by chunks on an islanded ring, where lines carry much of the energy: with halos
// (the neighbours of each chunk solved along, then dropped) and without. Valid, bound below
// CLP's optimum, optimum within the reported gap; the halo must not make the gap worse.
void chunksWithHalo()
{
    const auto s = generated(160, 8, kSummer, true, 21);
    const double optimum = optimization::solveWithClp(s, optimization::ClpAlgorithm::Barrier).schedule.objective;
    double gapWithout = 0, gapWith = 0;
    for (int halo : {0, 2}) {
        const std::string what = "islanded ring, chunks of 2, halo " + std::to_string(halo);
        const auto d = decompose(s, 0.0005, 2, 2, true, halo);
        expectValid(s, d, what);
        CHECK(*d.schedule.bound <= optimum + 1e-7 * d.scale, what << ": bound above the optimum");
        CHECK(d.schedule.objective >= optimum - 1e-7 * d.scale, what << ": objective below the optimum");
        CHECK(d.schedule.objective - optimum <= d.gap() * d.scale + 1e-7 * d.scale, what << ": optimum outside the gap");
        (halo == 0 ? gapWithout : gapWith) = d.gap();
        std::cout << what << ": clp " << optimum << ", decomposition " << d.schedule.objective << " (bound "
                  << *d.schedule.bound << ", proven gap " << 100 * d.gap() << " %)\n";
    }
    // Chunks of 2 ruches of 20 are a stress case (the acceptance cases use 25 ruches of 100):
    // 69 % without halo, 4.6 % with it when this test was written.
    CHECK(gapWith <= 0.1, "halo 2: proven gap " << 100 * gapWith << " % above 10 %");
    CHECK(gapWith <= 0.5 * gapWithout, "halo 2: gap " << gapWith << " not half of the gap without " << gapWithout);
}

// A star (one hub ruche linked to every other): two hops reach every ruche, so the halo is
// capped at the chunk's size. Valid, bound below CLP's optimum, optimum within the gap.
void chunksOnAStar()
{
    auto s = generated(140, 7, kWinter, false, 23);
    s.lines.clear();
    for (std::size_t r = 1; r < s.ruches.size(); ++r)
        s.lines.push_back({"star-" + std::to_string(r), s.ruches[0].id, s.ruches[r].id, 15.0, 0.02});
    const double optimum = optimization::solveWithClp(s, optimization::ClpAlgorithm::Barrier).schedule.objective;
    const auto d = decompose(s, 0.005, 2, 2, true, 2);
    expectValid(s, d, "star, chunks of 2");
    CHECK(*d.schedule.bound <= optimum + 1e-7 * d.scale, "star: bound above the optimum");
    CHECK(d.schedule.objective >= optimum - 1e-7 * d.scale, "star: objective below the optimum");
    CHECK(d.schedule.objective - optimum <= d.gap() * d.scale + 1e-7 * d.scale, "star: optimum outside the gap");
    std::cout << "star, chunks of 2: clp " << optimum << ", decomposition " << d.schedule.objective << " (proven gap "
              << 100 * d.gap() << " %)\n";
}

// The aggregated relaxation: one alvéole per class (alvéoles without a battery join the class
// of their value of lost load), its LP optimum never above the scenario's.
void relaxationIsARelaxation()
{
    auto s = generated(60, 2, kWinter, false, 31);
    // A second value of lost load and a second battery efficiency in the first ruche.
    auto& first = s.ruches[0].alveoles;
    for (std::size_t i = 0; i < first.size(); i += 5) first[i].vollPerKwh = 9.0;
    for (std::size_t i = 1; i < first.size(); i += 3)
        if (first[i].battery) first[i].battery->etaCharge = 0.9;
    const auto agg = optimization::aggregatedRelaxation(s);
    std::size_t classes = 0;
    for (const auto& r : agg.ruches) classes += r.alveoles.size();
    CHECK(agg.ruches[1].alveoles.size() == 1, "generated ruche: one class, got " << agg.ruches[1].alveoles.size());
    CHECK(agg.ruches[0].alveoles.size() >= 3 && agg.ruches[0].alveoles.size() <= 4,
          "two values of lost load x two efficiencies: 3 or 4 classes, got " << agg.ruches[0].alveoles.size());
    const double optimum = optimization::solveWithClp(s, optimization::ClpAlgorithm::DualSimplex).schedule.objective;
    const double relaxed = *optimization::solveWithClp(agg, optimization::ClpAlgorithm::DualSimplex).schedule.bound;
    CHECK(relaxed <= optimum + 1e-7 * std::max(1.0, std::abs(optimum)), "relaxation " << relaxed << " above " << optimum);
    std::cout << "relaxation: " << classes << " classes, optimum " << relaxed << " <= " << optimum << "\n";
}

}  // namespace

int main()
{
    handMadeOptima();
    absurdButValid();
    repairKeepsSimultaneousChargeAndDischarge();
    chunksWithHalo();
    chunksOnAStar();
    relaxationIsARelaxation();
    compareWithClp(generated(60, 1, kSummer, false, 1), "60 alvéoles, 1 ruche, summer");
    compareWithClp(generated(60, 1, kWinter, false, 2), "60 alvéoles, 1 ruche, winter");
    compareWithClp(generated(80, 4, kSummer, false, 3), "80 alvéoles, 4 ruches, summer");
    compareWithClp(generated(80, 4, kWinter, false, 4), "80 alvéoles, 4 ruches, winter");
    compareWithClp(generated(80, 4, kSummer, true, 5), "80 alvéoles, 4 ruches, summer, islanded");
    compareWithClp(generated(60, 1, kWinter, true, 6), "60 alvéoles, 1 ruche, winter, islanded");
    {
        // The other code paths: relaxation by chunks (lines between chunks cut), and no
        // relaxation at all (idle start, kink smoothing). Valid, bound below the optimum, the
        // optimum within the reported gap.
        const auto s = generated(120, 6, kSummer, false, 12);
        const double optimum = optimization::solveWithClp(s, optimization::ClpAlgorithm::Barrier).schedule.objective;
        for (const auto& [chunk, relax, what] : {std::tuple{2, true, "chunks of 2 ruches"}, std::tuple{25, false, "idle start"}}) {
            const auto d = decompose(s, 0.005, 2, chunk, relax);
            expectValid(s, d, what);
            CHECK(*d.schedule.bound <= optimum + 1e-7 * d.scale, what << ": bound above the optimum");
            CHECK(d.schedule.objective - optimum <= d.gap() * d.scale + 1e-7 * d.scale, what << ": optimum outside the gap");
            CHECK(d.gap() < 0.03, what << ": proven gap " << 100 * d.gap() << " %");
            std::cout << what << ": clp " << optimum << ", decomposition " << d.schedule.objective << " (proven gap "
                      << 100 * d.gap() << " %)\n";
        }
    }
    {
        // One thread and two give valid schedules with the same guarantee.
        const auto s = generated(50, 2, kSummer, false, 9);
        const auto one = decompose(s, 0.005, 1);
        const auto two = decompose(s, 0.005, 2);
        expectValid(s, one, "1 thread");
        expectValid(s, two, "2 threads");
        CHECK(one.gap() <= 0.005 && two.gap() <= 0.005, "threads: gap within 0.5 %");
    }
    return finish("tst_decomposition");
}
