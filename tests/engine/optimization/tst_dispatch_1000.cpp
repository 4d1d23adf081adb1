// Acceptance sizes of issue #4 (label slow): 1,000 alvéoles in 1 ruche (summer) and in 4 ruches
// (winter, islanded). The decomposition's proven gap is at most 0.5 %, its bound at most CLP's
// optimum, its objective within the gap of it, and both schedules pass the checker.

#include "DispatchTestSupport.h"

#include "engine/optimization/Dispatch.h"
#include "engine/simulation/FleetGenerator.h"

#include <chrono>

using namespace swarmergy;
using namespace dispatch_test;

namespace {

void compare(int alveoles, int ruches, std::int64_t start, bool islanded, const std::string& what)
{
    simulation::FleetOptions fo;
    fo.alveoles = alveoles;
    fo.ruches = ruches;
    fo.seed = 42;
    auto s = simulation::makeDispatchScenario(simulation::generateFleet(fo), start, 96);
    s.grid.connected = !islanded;
    auto t0 = std::chrono::steady_clock::now();
    const auto clp = optimization::solveWithClp(s, optimization::ClpAlgorithm::Barrier);
    const double clpSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    expectValid(s, clp, what + " clp");
    optimization::DispatchOptions o;
    o.method = optimization::DispatchMethod::Decomposition;
    o.threads = 2;
    t0 = std::chrono::steady_clock::now();
    const auto d = optimization::solveDispatch(s, o);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    expectValid(s, d, what + " decomposition");
    const double optimum = clp.schedule.objective, tol = 1e-7 * d.scale;
    CHECK(*d.schedule.bound <= optimum + tol, what << ": bound above the optimum");
    CHECK(d.schedule.objective - optimum <= d.gap() * d.scale + tol, what << ": optimum outside the reported gap");
    CHECK(d.gap() <= 0.005, what << ": proven gap " << 100 * d.gap() << " %");
    std::cout << what << ": clp barrier " << clpSeconds << " s, decomposition " << seconds << " s, gap "
              << 100 * d.gap() << " %, gap to clp " << 100 * (d.schedule.objective - optimum) / d.scale << " %\n";
}

}  // namespace

int main()
{
    compare(1000, 1, 1782259200, false, "1000 alvéoles, 1 ruche, summer");
    compare(1000, 4, 1768348800, true, "1000 alvéoles, 4 ruches, winter, islanded");
    return finish("tst_dispatch_1000");
}
