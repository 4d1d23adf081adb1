// The scalable path against the reference path: hand-made optima, generated essaims (1 and 4
// ruches, summer and winter, islanded), absurd-but-valid inputs. Every schedule goes through
// the checker; the bound never exceeds CLP's optimum; the objective is within the reported
// gap of it; the exact path's two CLP algorithms agree within 1e-6.

#include "DispatchTestSupport.h"

#include "engine/optimization/Dispatch.h"
#include "engine/simulation/FleetGenerator.h"

#include <tuple>

using namespace swarmergy;
using namespace dispatch_test;

namespace {

constexpr std::int64_t kSummer = 1782259200;   // 2026-06-24T00:00Z
constexpr std::int64_t kWinter = 1768348800;   // 2026-01-14T00:00Z

optimization::DispatchResult decompose(const model::Scenario& s, double maxGap = 0.005, int threads = 2,
                                       int chunkRuches = 25, bool relaxationStart = true)
{
    optimization::DispatchOptions o;
    o.aggregateMaxRuches = chunkRuches;
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

}  // namespace

int main()
{
    handMadeOptima();
    absurdButValid();
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
