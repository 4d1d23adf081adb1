// Reference path: the whole LP of shared/scenario-format.md, solved by COIN-OR CLP.
// Variables (all per step t unless noted): per alvéole pv_used, shed, ch, dis, soc[0..T];
// per ruche imp, exp, hive ch/dis/soc, season el/fc/level; per line two non-negative flows.
// Rows: storage dynamics, the alvéole's connection range |x| <= connection_kw (x written as
// pv_used + dis - ch + shed - load, the constant load moved to the row bounds), and the ruche
// balance (an equality whose dual is the local price).

#include "engine/optimization/Dispatch.h"
#include "engine/optimization/ScheduleRepair.h"

#include <ClpSimplex.hpp>
#include <ClpSolve.hpp>
#include <CoinPackedMatrix.hpp>

#include <cassert>
#include <chrono>
#include <cmath>
#include <unordered_map>

namespace swarmergy::optimization {

namespace {


// Column/row store for a CLP model, filled in any order.
class LpBuilder {
public:
    int addColumn(double lower, double upper, double cost)
    {
        assert(std::isfinite(lower) && std::isfinite(cost));
        colLower_.push_back(lower);
        colUpper_.push_back(upper);
        cost_.push_back(cost);
        return static_cast<int>(cost_.size()) - 1;
    }
    int addRow(double lower, double upper)
    {
        rowLower_.push_back(lower);
        rowUpper_.push_back(upper);
        return static_cast<int>(rowLower_.size()) - 1;
    }
    void add(int row, int column, double value)
    {
        if (value == 0) return;
        rows_.push_back(row);
        cols_.push_back(column);
        values_.push_back(value);
    }
    void load(ClpSimplex& model) const
    {
        const CoinPackedMatrix matrix(true, rows_.data(), cols_.data(), values_.data(),
                                      static_cast<CoinBigIndex>(values_.size()));
        CoinPackedMatrix sized(matrix);
        sized.setDimensions(static_cast<int>(rowLower_.size()), static_cast<int>(cost_.size()));
        model.loadProblem(sized, colLower_.data(), colUpper_.data(), cost_.data(), rowLower_.data(),
                          rowUpper_.data());
    }

private:
    std::vector<double> colLower_, colUpper_, cost_, rowLower_, rowUpper_;
    std::vector<int> rows_, cols_;
    std::vector<double> values_;
};

struct StorageColumns {
    std::vector<int> in, out, level;   // level has T+1 columns
};

struct AlveoleColumns {
    std::vector<int> pvUsed, shed;
    std::optional<StorageColumns> battery;
};

struct RucheColumns {
    std::vector<int> imp, exp, balanceRow;
    std::optional<StorageColumns> hive, season;
    std::vector<AlveoleColumns> alveoles;
};

struct LineColumns {
    std::vector<int> forward, backward;
};

// Storage with level[t+1] = level[t] + Δ(etaIn·in − out/etaOut); injection into the bus is
// out − in. cycleCost applies to in + out. finalLowerKwh bounds level[T] from below.
struct StorageSpec {
    double inKw, outKw, etaIn, etaOut, minKwh, maxKwh, startKwh, finalLowerKwh, cycleCostPerKwh;
    double terminalValuePerKwh = 0;   // objective − value·level[T] (constant added separately)
};

StorageSpec batterySpec(const model::Battery& b)
{
    return {b.chargeKw, b.dischargeKw, b.etaCharge, b.etaDischarge, b.socMinKwh, b.socMaxKwh,
            b.soc0Kwh,  std::max(b.soc0Kwh, b.socMinKwh), b.cycleCostPerKwh, 0};
}

StorageSpec seasonSpec(const model::SeasonStore& s)
{
    return {s.electrolyzerKw, s.fuelCellKw, s.etaElectrolyzer, s.etaFuelCell, 0, s.tankKwh,
            s.level0Kwh,      0,           0,                  s.terminalValuePerKwh};
}

StorageColumns addStorage(LpBuilder& lp, const StorageSpec& s, int steps, double dtH)
{
    StorageColumns c;
    for (int t = 0; t < steps; ++t) {
        c.in.push_back(lp.addColumn(0, s.inKw, dtH * s.cycleCostPerKwh));
        c.out.push_back(lp.addColumn(0, s.outKw, dtH * s.cycleCostPerKwh));
    }
    c.level.push_back(lp.addColumn(s.startKwh, s.startKwh, 0));
    for (int t = 1; t <= steps; ++t) {
        const bool last = t == steps;
        c.level.push_back(lp.addColumn(last ? std::max(s.minKwh, s.finalLowerKwh) : s.minKwh, s.maxKwh,
                                       last ? -s.terminalValuePerKwh : 0));
    }
    for (int t = 0; t < steps; ++t) {
        const int row = lp.addRow(0, 0);
        lp.add(row, c.level[t + 1], 1);
        lp.add(row, c.level[t], -1);
        lp.add(row, c.in[t], -dtH * s.etaIn);
        lp.add(row, c.out[t], dtH / s.etaOut);
    }
    return c;
}

struct BuiltLp {
    std::vector<RucheColumns> ruches;
    std::vector<LineColumns> lines;
    double constantCost = 0;   // Σ terminal_value · level0
};

AlveoleColumns addAlveole(LpBuilder& lp, const model::Alveole& a, int steps, double dtH,
                          std::vector<int>& balanceRows)
{
    AlveoleColumns c;
    for (int t = 0; t < steps; ++t) {
        c.pvUsed.push_back(lp.addColumn(0, a.pvKw[t], 0));
        c.shed.push_back(lp.addColumn(0, a.loadKw[t], dtH * a.vollPerKwh));
    }
    if (a.battery) c.battery = addStorage(lp, batterySpec(*a.battery), steps, dtH);
    for (int t = 0; t < steps; ++t) {
        // -conn <= pv_used + dis - ch + shed - load <= conn
        const int row = lp.addRow(a.loadKw[t] - a.connectionKw, a.loadKw[t] + a.connectionKw);
        for (int target : {row, balanceRows[t]}) {
            lp.add(target, c.pvUsed[t], 1);
            lp.add(target, c.shed[t], 1);
            if (c.battery) {
                lp.add(target, c.battery->out[t], 1);
                lp.add(target, c.battery->in[t], -1);
            }
        }
    }
    return c;
}

RucheColumns addRuche(LpBuilder& lp, const model::Scenario& s, const model::Ruche& r, BuiltLp& built)
{
    const int steps = s.steps;
    const double dtH = s.stepHours();
    RucheColumns c;
    // Balance: Σ x + hive(out−in) + fc − el + imp − exp + lines = 0, i.e. Σ (x + load) + ... = Σ load.
    for (int t = 0; t < steps; ++t) {
        double loadKw = 0;
        for (const auto& a : r.alveoles) loadKw += a.loadKw[t];
        c.balanceRow.push_back(lp.addRow(loadKw, loadKw));
    }
    const bool gateOpen = r.gate && s.grid.connected;
    for (int t = 0; t < steps; ++t) {
        c.imp.push_back(lp.addColumn(0, gateOpen ? r.gate->importLimitKw : 0, dtH * s.grid.importPrice[t]));
        c.exp.push_back(lp.addColumn(0, gateOpen ? r.gate->exportLimitKw : 0, -dtH * s.grid.exportPrice[t]));
        lp.add(c.balanceRow[t], c.imp[t], 1);
        lp.add(c.balanceRow[t], c.exp[t], -1);
    }
    auto connect = [&](const StorageColumns& store) {
        for (int t = 0; t < steps; ++t) {
            lp.add(c.balanceRow[t], store.out[t], 1);
            lp.add(c.balanceRow[t], store.in[t], -1);
        }
    };
    if (r.hiveStore) {
        c.hive = addStorage(lp, batterySpec(*r.hiveStore), steps, dtH);
        connect(*c.hive);
    }
    if (r.seasonStore) {
        c.season = addStorage(lp, seasonSpec(*r.seasonStore), steps, dtH);
        connect(*c.season);
        built.constantCost += r.seasonStore->terminalValuePerKwh * r.seasonStore->level0Kwh;
    }
    for (const auto& a : r.alveoles) c.alveoles.push_back(addAlveole(lp, a, steps, dtH, c.balanceRow));
    return c;
}

BuiltLp buildLp(LpBuilder& lp, const model::Scenario& s)
{
    BuiltLp built;
    std::unordered_map<std::string, int> rucheIndex;
    for (const auto& r : s.ruches) {
        rucheIndex[r.id] = static_cast<int>(built.ruches.size());
        built.ruches.push_back(addRuche(lp, s, r, built));
    }
    for (const auto& line : s.lines) {
        const auto& from = built.ruches.at(rucheIndex.at(line.from));
        const auto& to = built.ruches.at(rucheIndex.at(line.to));
        LineColumns c;
        for (int t = 0; t < s.steps; ++t) {
            c.forward.push_back(lp.addColumn(0, line.capacityKw, 0));
            c.backward.push_back(lp.addColumn(0, line.capacityKw, 0));
            // Loss at the receiving end.
            lp.add(from.balanceRow[t], c.forward[t], -1);
            lp.add(to.balanceRow[t], c.forward[t], 1 - line.loss);
            lp.add(to.balanceRow[t], c.backward[t], -1);
            lp.add(from.balanceRow[t], c.backward[t], 1 - line.loss);
        }
        built.lines.push_back(c);
    }
    return built;
}

std::vector<double> pick(const double* solution, const std::vector<int>& columns)
{
    std::vector<double> values;
    values.reserve(columns.size());
    for (int c : columns) values.push_back(solution[c]);
    return values;
}

model::BatterySchedule batteryFrom(const double* x, const StorageColumns& c)
{
    return {pick(x, c.in), pick(x, c.out), pick(x, c.level)};
}

model::Schedule extract(const model::Scenario& s, const BuiltLp& built, const double* x)
{
    model::Schedule out;
    out.scenario = s.name;
    for (std::size_t r = 0; r < s.ruches.size(); ++r) {
        const auto& cols = built.ruches[r];
        model::RucheSchedule rs;
        rs.id = s.ruches[r].id;
        rs.importKw = pick(x, cols.imp);
        rs.exportKw = pick(x, cols.exp);
        if (cols.hive) rs.hiveStore = batteryFrom(x, *cols.hive);
        if (cols.season) {
            rs.seasonStore = model::SeasonStoreSchedule{pick(x, cols.season->in), pick(x, cols.season->out),
                                                        pick(x, cols.season->level)};
        }
        for (std::size_t i = 0; i < cols.alveoles.size(); ++i) {
            const auto& ac = cols.alveoles[i];
            model::AlveoleSchedule as;
            as.id = s.ruches[r].alveoles[i].id;
            as.pvUsedKw = pick(x, ac.pvUsed);
            as.shedKw = pick(x, ac.shed);
            if (ac.battery) as.battery = batteryFrom(x, *ac.battery);
            rs.alveoles.push_back(std::move(as));
        }
        out.ruches.push_back(std::move(rs));
    }
    for (std::size_t l = 0; l < s.lines.size(); ++l) {
        model::LineSchedule ls;
        ls.id = s.lines[l].id;
        for (int t = 0; t < s.steps; ++t)
            ls.flowKw.push_back(x[built.lines[l].forward[t]] - x[built.lines[l].backward[t]]);
        out.lines.push_back(std::move(ls));
    }
    return out;
}

void solveModel(ClpSimplex& model, ClpAlgorithm algorithm)
{
    model.setLogLevel(0);
    model.setPrimalTolerance(1e-9);
    model.setDualTolerance(1e-9);
    if (algorithm == ClpAlgorithm::BarrierNoCrossover) {
        // Only a start and a price source: tolerances of 1e-7 and no presolve. With 1e-9, or
        // after presolve, CLP often judged the interior point not accurate enough and cleaned
        // it up with thousands of primal simplex pivots (twice the time of the barrier itself,
        // measured on the decomposition's relaxation chunks).
        model.setPrimalTolerance(1e-7);
        model.setDualTolerance(1e-7);
        ClpSolve how;
        how.setSolveType(ClpSolve::useBarrierNoCross);
        how.setPresolveType(ClpSolve::presolveOff);
        model.initialSolve(how);
        if (!model.isProvenOptimal()) model.primal(1);   // finish from the interior point
    } else if (algorithm == ClpAlgorithm::Barrier) {
        ClpSolve how;
        how.setSolveType(ClpSolve::useBarrier);
        how.setPresolveType(ClpSolve::presolveOn);
        model.initialSolve(how);   // crossover on by default: a basic, exact vertex
    } else {
        ClpSolve how;
        how.setSolveType(ClpSolve::useDual);
        how.setPresolveType(ClpSolve::presolveOn);
        model.initialSolve(how);
    }
}

}  // namespace

DispatchResult solveWithClp(const model::Scenario& scenario, ClpAlgorithm algorithm)
{
    const auto started = std::chrono::steady_clock::now();
    LpBuilder lp;
    const BuiltLp built = buildLp(lp, scenario);
    ClpSimplex model;
    lp.load(model);
    solveModel(model, algorithm);
    if (!model.isProvenOptimal())
        throw std::runtime_error("CLP did not prove optimality (status " + std::to_string(model.status()) + ")");

    DispatchResult result;
    result.method = algorithm == ClpAlgorithm::Barrier ? "clp-barrier"
                    : algorithm == ClpAlgorithm::DualSimplex ? "clp-dual" : "clp-barrier-nocross";
    result.iterations = model.numberIterations();
    result.schedule = extract(scenario, built, model.primalColumnSolution());
    const double lpObjective = model.objectiveValue() + built.constantCost;
    const double dtH = scenario.stepHours();
    const double* duals = model.dualRowSolution();
    for (const auto& rc : built.ruches) {
        std::vector<double> prices;
        for (int row : rc.balanceRow) prices.push_back(duals[row] / dtH);
        result.pricePerKwh.push_back(std::move(prices));
    }
    // Round-off of the simplex (1e-9) is cleaned so every balance closes exactly; the schedule's
    // own cost is then the objective, and the LP optimum is the bound.
    finishSchedule(scenario, result.schedule);
    const double cost = scheduleObjective(scenario, result.schedule);
    result.schedule.bound = std::min(lpObjective, cost);
    result.schedule.objective = cost;
    result.schedule.status = model::ScheduleStatus::Optimal;
    result.scale = gapScale(scenario, cost);
    if (cost - lpObjective > 1e-9 * result.scale) result.schedule.status = model::ScheduleStatus::Feasible;
    else result.schedule.bound = cost;
    result.schedule.solveSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

}  // namespace swarmergy::optimization
