#include "engine/optimization/StorageDp.h"

#include <algorithm>
#include <cmath>

namespace swarmergy::optimization {

void StorageDp::buildStepHull(const StorageParams& p, double dtH, const ConvexPwl& phi, std::vector<HullPoint>& hull)
{
    const double C = p.inKw, D = p.outKw;
    const double bLo = phi.start, bHi = phi.end();
    candidates_.clear();
    auto consider = [&](double in, double out) {
        in = std::min(std::max(in, 0.0), C);
        out = std::min(std::max(out, 0.0), D);
        const double b = out - in;
        if (b < bLo - 1e-12 || b > bHi + 1e-12) return;
        const double cost = dtH * p.cycleCostPerKwh * (in + out) + phi.value(std::min(std::max(b, bLo), bHi));
        candidates_.push_back({dtH * (p.etaIn * in - out / p.etaOut), cost, in, out});
    };
    consider(0, 0);
    consider(C, 0);
    consider(0, D);
    consider(C, D);
    breaks_.clear();
    phi.breakpoints(breaks_);
    for (double b : breaks_) {
        // Line out − in = b against the four edges of the box.
        if (b >= 0 && b <= D) consider(0, b);
        if (b + C >= 0 && b + C <= D) consider(C, b + C);
        if (-b >= 0 && -b <= C) consider(-b, 0);
        if (D - b >= 0 && D - b <= C) consider(D - b, D);
    }
    std::sort(candidates_.begin(), candidates_.end(),
              [](const HullPoint& a, const HullPoint& b) { return a.y < b.y || (a.y == b.y && a.cost < b.cost); });
    hull.clear();
    for (const HullPoint& q : candidates_) {
        if (!hull.empty() && q.y - hull.back().y <= 1e-12) continue;   // same y, higher cost
        // Andrew's monotone chain, lower part: drop the last point while it lies on or above
        // the segment from the one before to q.
        while (hull.size() >= 2) {
            const HullPoint& a = hull[hull.size() - 2];
            const HullPoint& b = hull.back();
            const double cross = (b.y - a.y) * (q.cost - a.cost) - (b.cost - a.cost) * (q.y - a.y);
            if (cross > 0) break;
            hull.pop_back();
        }
        hull.push_back(q);
    }
}

bool StorageDp::backward(const StorageParams& p, double dtH, const std::vector<ConvexPwl>& stepCost)
{
    const std::size_t T = stepCost.size();
    hulls_.resize(T);
    costToGo_.resize(T + 1);
    ConvexPwl& last = costToGo_[T];
    last = linearOn(std::max(p.minKwh, p.finalMinKwh), p.maxKwh, -p.terminalValuePerKwh);
    if (last.start > p.maxKwh + 1e-9) return false;
    for (std::size_t k = T; k-- > 0;) {
        buildStepHull(p, dtH, stepCost[k], hulls_[k]);
        const auto& hull = hulls_[k];
        if (hull.empty()) return false;
        h_.start = hull[0].y;
        h_.valueAtStart = hull[0].cost;
        h_.segments.clear();
        for (std::size_t i = 1; i < hull.size(); ++i) {
            const double len = hull[i].y - hull[i - 1].y;
            h_.segments.push_back({len, (hull[i].cost - hull[i - 1].cost) / len});
        }
        mirrorInto(h_, mirroredH_);
        infConvolve(costToGo_[k + 1], mirroredH_, costToGo_[k]);
        if (!restrictTo(costToGo_[k], p.minKwh, p.maxKwh)) return false;
    }
    const ConvexPwl& first = costToGo_[0];
    return p.startKwh >= first.start - 1e-9 && p.startKwh <= first.end() + 1e-9;
}

bool StorageDp::optimalCost(const StorageParams& p, double dtH, const std::vector<ConvexPwl>& stepCost, double& cost)
{
    if (!backward(p, dtH, stepCost)) return false;
    const ConvexPwl& first = costToGo_[0];
    cost = first.value(std::min(std::max(p.startKwh, first.start), first.end()));
    return true;
}

bool StorageDp::solve(const StorageParams& p, double dtH, const std::vector<ConvexPwl>& stepCost, StoragePlan& plan)
{
    if (!optimalCost(p, dtH, stepCost, plan.cost)) return false;
    const std::size_t T = stepCost.size();
    plan.inKw.assign(T, 0);
    plan.outKw.assign(T, 0);
    plan.levelKwh.assign(T + 1, p.startKwh);
    plan.nextSlopeLeft.assign(T, 0);
    plan.nextSlopeRight.assign(T, 0);
    double s = p.startKwh;
    ConvexPwl next;
    for (std::size_t k = 0; k < T; ++k) {
        const auto& hull = hulls_[k];
        h_.start = hull[0].y;
        h_.valueAtStart = hull[0].cost;
        h_.segments.clear();
        for (std::size_t i = 1; i < hull.size(); ++i) {
            const double len = hull[i].y - hull[i - 1].y;
            h_.segments.push_back({len, (hull[i].cost - hull[i - 1].cost) / len});
        }
        next = costToGo_[k + 1];
        shiftRight(next, -s);   // y ↦ V_{t+1}(s + y)
        double y = 0, value = 0;
        if (!minimizeSum(h_, next, y, value)) return false;
        // The point of the hull at y: a mix of two vertices (cost is linear in between, and
        // the mix is feasible because the step's feasible set is convex).
        std::size_t i = 0;
        while (i + 1 < hull.size() && hull[i + 1].y < y) ++i;
        double in = hull[i].in, out = hull[i].out;
        if (i + 1 < hull.size() && y > hull[i].y) {
            const double w = (y - hull[i].y) / (hull[i + 1].y - hull[i].y);
            in = (1 - w) * hull[i].in + w * hull[i + 1].in;
            out = (1 - w) * hull[i].out + w * hull[i + 1].out;
        }
        plan.inKw[k] = in;
        plan.outKw[k] = out;
        s = std::min(std::max(s + dtH * (p.etaIn * in - out / p.etaOut), p.minKwh), p.maxKwh);
        plan.levelKwh[k + 1] = s;
        slopesAt(costToGo_[k + 1], s, plan.nextSlopeLeft[k], plan.nextSlopeRight[k]);
    }
    return true;
}

}  // namespace swarmergy::optimization
