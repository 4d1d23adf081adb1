#pragma once
// SwarmBrain dispatch: solves the linear program of shared/scenario-format.md.
// Two paths behind one call:
//  - Clp: the whole LP built at once and solved by COIN-OR CLP (reference, small instances);
//  - Decomposition: per-alvéole / per-store exact dynamic programs coordinated through the
//    ruche balances, a feasible schedule at every iteration and a Lagrangian lower bound,
//    so the reported gap is proven (see README.md).
// Never infeasible: curtailment and shedding always close a balance.

#include "engine/model/Scenario.h"
#include "engine/model/Schedule.h"

#include <string>
#include <utility>
#include <vector>

namespace swarmergy::optimization {

enum class DispatchMethod { Auto, Clp, Decomposition };

// Clp barrier (with crossover to a vertex) or dual simplex for the reference path. Barrier
// without crossover is only used inside the decomposition, for start points and prices.
enum class ClpAlgorithm { Barrier, DualSimplex, BarrierNoCrossover };

struct DispatchOptions {
    DispatchMethod method = DispatchMethod::Auto;
    ClpAlgorithm clpAlgorithm = ClpAlgorithm::Barrier;   // dual simplex needs ~10^4 pivots at 200 alvéoles
    int threads = 0;              // 0 = std::thread::hardware_concurrency()
    double maxGap = 0.005;        // decomposition stops at this proven gap (share of scale)
    double timeLimitSeconds = 60; // decomposition stops here too, with the best proven gap
    int autoClpMaxAlveoles = 300; // Auto uses CLP up to this many alvéoles
    // The decomposition solves the aggregated relaxation (one alvéole per class and ruche)
    // with CLP, by chunks of at most this many consecutive ruches (one chunk gives a bound).
    // CLP barrier's time per ruche grows with the chunk: 25 costs half as much per ruche as 50.
    int aggregateMaxRuches = 25;
    // Each chunk also solves the ruches within this many lines of its own (a halo, whose
    // solution is dropped), so that flows and prices across the lines between chunks are not
    // those of a cut: lines into the halo carry what the neighbours would take.
    int aggregateHaloRuches = 1;
    // Without it the decomposition starts from idle stores with kink smoothing (slower to
    // converge, kept as the fallback and for tests).
    bool relaxationStart = true;
};

struct DispatchResult {
    model::Schedule schedule;
    // Local energy price per ruche (scenario order) and step, cu/kWh: the marginal cost of one
    // more kWh of load at that ruche and step (the dual of the ruche balance divided by the
    // step length). Positive when extra load costs money (e.g. the import price while importing).
    // For the decomposition these are the prices of the best Lagrangian bound.
    std::vector<std::vector<double>> pricePerKwh;
    std::string method;         // "clp-barrier", "clp-dual", "decomposition"
    int iterations = 0;         // simplex/barrier iterations, or decomposition rounds
    double scale = 1;           // max(1, |objective|, load_cost), the gap's denominator
    std::vector<std::pair<std::string, double>> phaseSeconds;   // decomposition: time per phase
    double gap() const;         // (objective - bound) / scale, or +inf without bound
};

// scale = max(1, |objective|, load_cost), load_cost = Σ_t Δ · import_price[t] · Σ_i load[i][t].
double gapScale(const model::Scenario& scenario, double objective);

// Solves the scenario (which must satisfy scenario::validateScenario; NaN/Inf are asserted
// out). Throws std::invalid_argument on inconsistent input it can detect cheaply.
DispatchResult solveDispatch(const model::Scenario& scenario, const DispatchOptions& options = {});

// The relaxation used by the decomposition: in every ruche, the alvéoles of one class (same
// value of lost load, same battery efficiencies and cycle cost, or no battery) merged into one
// alvéole with summed load, PV, connection and battery. Its LP optimum is <= the scenario's.
model::Scenario aggregatedRelaxation(const model::Scenario& scenario);

// The two paths, callable directly (tests, bench).
DispatchResult solveWithClp(const model::Scenario& scenario, ClpAlgorithm algorithm);
DispatchResult solveWithDecomposition(const model::Scenario& scenario, const DispatchOptions& options);

}  // namespace swarmergy::optimization
