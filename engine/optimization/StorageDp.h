#pragma once
// Exact dynamic programme for one store (MicroStore, HiveStore or SeasonStore) over the
// horizon, when the rest of its owner's step is a convex piecewise-linear cost of the store's
// net output b = out − in (kW). Used with fixed prices (a Lagrangian subproblem) and with the
// ruche's exact closing cost (a best response); both are linear programmes that this solves
// exactly, without a generic LP solver.
//
// Per step, the cost of moving the level by y = Δ(η_in·in − out/η_out) is
//   h_t(y) = min { Δ·c·(in + out) + φ_t(out − in) : 0 <= in <= in_max, 0 <= out <= out_max }.
// (in, out) ↦ Δc(in+out) + φ_t(out − in) is convex and linear on the cells cut out of the box
// by the lines out − in = breakpoint of φ_t, so h_t is the lower convex hull of the images of
// the cells' vertices (at most 4 + 4·breakpoints points). The cost-to-go
//   V_t(s) = min_y h_t(y) + V_{t+1}(s + y),  s in [min, max],
// is the infimal convolution of V_{t+1} with y ↦ h_t(−y), restricted to [min, max]: a merge
// of slope lists (Bertsekas, Dynamic Programming and Optimal Control, vol. 1, §4 on convex
// cost-to-go; the merge is the Minkowski sum of epigraphs). A forward pass recovers the plan.

#include "engine/optimization/ConvexPwl.h"

#include <vector>

namespace swarmergy::optimization {

struct StorageParams {
    double inKw = 0, outKw = 0;          // charge / discharge (electrolyser / fuel cell) limits
    double etaIn = 1, etaOut = 1;
    double cycleCostPerKwh = 0;          // on in + out
    double minKwh = 0, maxKwh = 0;       // level range
    double startKwh = 0;
    double finalMinKwh = 0;              // level[T] >= this (soc0 for batteries, 0 for H2)
    double terminalValuePerKwh = 0;      // objective − value · level[T]
};

struct StoragePlan {
    std::vector<double> inKw, outKw, levelKwh;   // levelKwh has T + 1 values
    // Optimal cost: Σ_t Δc(in+out) + φ_t(out − in) − value · level[T].
    double cost = 0;
    // Left and right slopes of the cost-to-go V_{t+1} at levelKwh[t+1] (−inf / +inf at the
    // ends of its domain): minus the marginal value of stored energy, the store's dual.
    std::vector<double> nextSlopeLeft, nextSlopeRight;
};

class StorageDp {
public:
    // stepCost[t] is φ_t (domain: the b values the owner can take). Returns false when no plan
    // exists (not possible when b = 0 lies in every φ_t's domain).
    bool solve(const StorageParams& p, double dtH, const std::vector<ConvexPwl>& stepCost, StoragePlan& plan);
    // Cost only (no forward pass).
    bool optimalCost(const StorageParams& p, double dtH, const std::vector<ConvexPwl>& stepCost, double& cost);

private:
    struct HullPoint {
        double y, cost, in, out;
    };
    bool backward(const StorageParams& p, double dtH, const std::vector<ConvexPwl>& stepCost);
    void buildStepHull(const StorageParams& p, double dtH, const ConvexPwl& phi, std::vector<HullPoint>& hull);

    std::vector<std::vector<HullPoint>> hulls_;
    std::vector<ConvexPwl> costToGo_;   // V_0..V_T
    std::vector<HullPoint> candidates_;
    std::vector<double> breaks_;
    ConvexPwl h_, mirroredH_;
};

}  // namespace swarmergy::optimization
