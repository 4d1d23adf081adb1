// ConvexPwl operations against brute-force evaluation, and the exact storage DP against CLP
// on a battery that trades at given prices (import = export price, an unlimited gate: the LP's
// optimum is then the battery's own arbitrage optimum, which is what the DP computes).

#include "DispatchTestSupport.h"

#include "engine/optimization/ConvexPwl.h"
#include "engine/optimization/StorageDp.h"

#include <algorithm>
#include <random>

using namespace swarmergy;
using namespace swarmergy::optimization;
using namespace dispatch_test;

namespace {

ConvexPwl randomConvex(std::mt19937& rng)
{
    std::uniform_real_distribution<double> u(-3, 3), len(0.1, 2);
    ConvexPwl f;
    f.start = u(rng);
    f.valueAtStart = u(rng);
    std::vector<double> slopes(1 + rng() % 4);
    for (double& s : slopes) s = u(rng);
    std::sort(slopes.begin(), slopes.end());
    for (double s : slopes) f.segments.push_back({len(rng), s});
    return f;
}

// (f □ g)(x) by brute force over a fine grid of u, compared with the merge.
void infConvolutionMatchesBruteForce()
{
    std::mt19937 rng(3);
    for (int trial = 0; trial < 50; ++trial) {
        const ConvexPwl f = randomConvex(rng), g = randomConvex(rng);
        ConvexPwl h;
        infConvolve(f, g, h);
        CHECK_NEAR(h.start, f.start + g.start, 1e-12, "inf-convolution domain start");
        CHECK_NEAR(h.end(), f.end() + g.end(), 1e-9, "inf-convolution domain end");
        for (int k = 0; k <= 20; ++k) {
            const double x = h.start + (h.end() - h.start) * k / 20.0;
            // Minimum over the breakpoints of f (the minimiser of a sum of convex PWL functions
            // in u lies at a breakpoint of one of them).
            std::vector<double> candidates;
            f.breakpoints(candidates);
            std::vector<double> gb;
            g.breakpoints(gb);
            for (double p : gb) candidates.push_back(x - p);
            double best = 1e300;
            for (double u : candidates)
                if (u >= f.start - 1e-12 && u <= f.end() + 1e-12 && x - u >= g.start - 1e-12 && x - u <= g.end() + 1e-12)
                    best = std::min(best, f.value(u) + g.value(x - u));
            CHECK_NEAR(h.value(x), best, 1e-9, "inf-convolution value at " << x);
        }
    }
}

void restrictAndMinimize()
{
    std::mt19937 rng(5);
    for (int trial = 0; trial < 50; ++trial) {
        ConvexPwl f = randomConvex(rng);
        const ConvexPwl original = f;
        const double a = f.start + 0.3, b = f.end() - 0.2;
        if (!restrictTo(f, a, b)) continue;
        CHECK_NEAR(f.start, a, 1e-12, "restrict start");
        CHECK_NEAR(f.value(0.5 * (a + b)), original.value(0.5 * (a + b)), 1e-9, "restrict keeps values");
        ConvexPwl g = randomConvex(rng);
        g.start = f.start - 0.5;
        double x = 0, value = 0;
        if (!minimizeSum(f, g, x, value)) continue;
        for (int k = 0; k <= 40; ++k) {
            const double y = std::max(f.start, g.start) + (std::min(f.end(), g.end()) - std::max(f.start, g.start)) * k / 40.0;
            CHECK(f.value(y) + g.value(y) >= value - 1e-9, "minimizeSum is a minimum");
        }
    }
}

void storageDpMatchesClp()
{
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> price(0.05, 0.6);
    for (int trial = 0; trial < 6; ++trial) {
        const int steps = 24;
        auto s = flatScenario(steps, 60, 0.2, 0.2);
        for (int t = 0; t < steps; ++t) s.grid.importPrice[t] = s.grid.exportPrice[t] = price(rng);
        auto r = ruche("r", 1000, 1000);
        auto a = home("a", std::vector<double>(steps, 0.0), std::vector<double>(steps, 0.0));
        const model::Battery battery{10, 4, 3, 0.92, 0.9, 2.0 + trial, 1, 9.5, 0.01 * trial};
        a.battery = battery;
        r.alveoles.push_back(a);
        s.ruches.push_back(r);
        const double clp = optimization::solveWithClp(s, ClpAlgorithm::DualSimplex).schedule.objective;

        StorageParams p;
        p.inKw = battery.chargeKw;
        p.outKw = battery.dischargeKw;
        p.etaIn = battery.etaCharge;
        p.etaOut = battery.etaDischarge;
        p.cycleCostPerKwh = battery.cycleCostPerKwh;
        p.minKwh = battery.socMinKwh;
        p.maxKwh = battery.socMaxKwh;
        p.startKwh = p.finalMinKwh = battery.soc0Kwh;
        std::vector<ConvexPwl> phi;
        for (int t = 0; t < steps; ++t) phi.push_back(linearOn(-p.inKw, p.outKw, -s.grid.importPrice[t]));
        StorageDp dp;
        StoragePlan plan;
        CHECK(dp.solve(p, 1.0, phi, plan), "DP finds a plan");
        CHECK_NEAR(plan.cost, clp, 1e-9, "DP optimum = CLP optimum, trial " << trial);
        // The plan is feasible and costs what the DP says.
        double cost = 0, level = p.startKwh;
        for (int t = 0; t < steps; ++t) {
            cost += p.cycleCostPerKwh * (plan.inKw[t] + plan.outKw[t]) - s.grid.importPrice[t] * (plan.outKw[t] - plan.inKw[t]);
            level += p.etaIn * plan.inKw[t] - plan.outKw[t] / p.etaOut;
            CHECK(level >= p.minKwh - 1e-9 && level <= p.maxKwh + 1e-9, "DP level within range");
        }
        CHECK(level >= p.finalMinKwh - 1e-9, "DP ends at or above its start");
        CHECK_NEAR(cost, plan.cost, 1e-9, "DP plan costs its optimum");
    }
}

}  // namespace

int main()
{
    infConvolutionMatchesBruteForce();
    restrictAndMinimize();
    storageDpMatchesClp();
    return finish("tst_storage_dp");
}
