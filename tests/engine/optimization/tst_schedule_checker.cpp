// The independent checker accepts a CLP schedule of a generated essaim and refuses the same
// schedule broken in each way a solver could get it wrong.

#include "DispatchTestSupport.h"

#include "engine/optimization/Dispatch.h"
#include "engine/optimization/ScheduleChecker.h"
#include "engine/simulation/FleetGenerator.h"

#include <functional>

using namespace swarmergy;
using namespace dispatch_test;

namespace {

model::Scenario generated()
{
    simulation::FleetOptions o;
    o.alveoles = 24;
    o.ruches = 3;
    o.seed = 7;
    const auto fleet = simulation::generateFleet(o);
    return simulation::makeDispatchScenario(fleet, 1782259200 /* 2026-06-24T00:00Z */, 96);
}

void expectRefused(const model::Scenario& s, model::Schedule broken, const std::function<void(model::Schedule&)>& breakIt,
                   const std::string& what)
{
    breakIt(broken);
    const auto report = optimization::checkSchedule(s, broken);
    CHECK(!report.ok(), what << ": the checker accepted a broken schedule");
}

}  // namespace

int main()
{
    const model::Scenario s = generated();
    const auto result = optimization::solveWithClp(s, optimization::ClpAlgorithm::DualSimplex);
    expectValid(s, result, "generated 24 alvéoles");
    const model::Schedule& good = result.schedule;
    const auto& r0 = good.ruches[0];
    std::size_t withBattery = 0;
    while (withBattery < r0.alveoles.size() && !r0.alveoles[withBattery].battery) ++withBattery;
    CHECK(withBattery < r0.alveoles.size(), "generated ruche has a MicroStore");

    expectRefused(s, good, [&](model::Schedule& d) { d.ruches[0].alveoles[withBattery].battery->socKwh[40] += 0.01; }, "soc jump");
    expectRefused(s, good, [&](model::Schedule& d) { d.ruches[0].importKw[10] += 0.01; }, "unbalanced bus");
    expectRefused(s, good, [&](model::Schedule& d) { d.objective -= 0.01; }, "objective not the schedule's cost");
    expectRefused(s, good, [&](model::Schedule& d) { d.bound = d.objective + 1; }, "bound above objective");
    expectRefused(s, good, [&](model::Schedule& d) { d.lines[0].flowKw[5] = s.lines[0].capacityKw + 1; }, "line over capacity");
    expectRefused(s, good, [&](model::Schedule& d) { d.ruches[0].alveoles[0].shedKw[3] = s.ruches[0].alveoles[0].loadKw[3] + 1; },
                  "shed above load");
    expectRefused(s, good, [&](model::Schedule& d) { d.ruches[0].alveoles[0].netKw[3] += 0.5; }, "net_kw inconsistent");
    expectRefused(s, good, [&](model::Schedule& d) { d.ruches[0].alveoles[withBattery].battery->socKwh.pop_back(); }, "short soc series");
    expectRefused(s, good, [&](model::Schedule& d) { d.ruches[0].hiveStore->socKwh[0] += 1; }, "wrong start soc");
    {
        // Islanded: the same schedule imports, which is not allowed any more.
        model::Scenario islanded = s;
        islanded.grid.connected = false;
        bool imports = false;
        for (const auto& r : good.ruches)
            for (double v : r.importKw) imports |= v > 1e-3;
        CHECK(imports, "generated essaim imports at some step");
        CHECK(!optimization::checkSchedule(islanded, good).ok(), "islanded: imports refused");
    }
    return finish("tst_schedule_checker");
}
