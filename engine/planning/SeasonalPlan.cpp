#include "engine/planning/SeasonalPlan.h"

#include <ClpSimplex.hpp>
#include <CoinPackedMatrix.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace swarmergy::planning {

double SeasonalPlan::terminalValueAt(std::int64_t utc) const {
    if (waterValuePerKwh.empty())
        return 0.0;
    const std::int64_t day = (utc - startUtc) / 86400;
    return waterValuePerKwh[std::size_t(std::clamp<std::int64_t>(day, 0, std::int64_t(waterValuePerKwh.size()) - 1))];
}

namespace {

const model::SeasonStore* findSeasonStore(const model::Scenario& topology) {
    for (const auto& ruche : topology.ruches)
        if (ruche.seasonStore)
            return &*ruche.seasonStore;
    return nullptr;
}

// A fleet of the first `sample` households, same ruches' assets, for the daily energy sums.
simulation::Fleet sampleFleet(const simulation::Fleet& fleet, int sample) {
    simulation::Fleet small = fleet;
    int kept = 0;
    for (std::size_t r = 0; r < small.topology.ruches.size(); ++r) {
        auto& alveoles = small.topology.ruches[r].alveoles;
        const int keep = std::clamp(sample - kept, 0, int(alveoles.size()));
        alveoles.resize(std::size_t(keep));
        small.sites[r].firstAlveole = kept;
        small.sites[r].alveoleCount = keep;
        kept += keep;
    }
    small.households.resize(std::size_t(kept));
    return small;
}

}  // namespace

SeasonalInputs seasonalInputs(const simulation::Fleet& fleet, std::int64_t startUtc, int days, int sampleHouseholds) {
    const model::SeasonStore* store = findSeasonStore(fleet.topology);
    if (!store)
        throw std::invalid_argument("seasonal plan: the essaim has no SeasonStore");
    if (days <= 0)
        throw std::invalid_argument("seasonal plan: days must be positive");
    const int sample = std::clamp(sampleHouseholds, 1, int(fleet.households.size()));
    const simulation::Fleet small = sampleFleet(fleet, sample);
    const double scale = double(fleet.households.size()) / double(sample);
    SeasonalInputs inputs;
    inputs.startUtc = startUtc;
    inputs.store = *store;
    const int stepsPerDay = 24 * 60 / fleet.options.stepMinutes;
    for (int d = 0; d < days; ++d) {
        const auto day = simulation::makeDispatchScenario(small, startUtc + std::int64_t(d) * 86400, stepsPerDay);
        double surplus = 0, deficit = 0, importSum = 0, exportSum = 0;
        for (int t = 0; t < stepsPerDay; ++t) {
            double net = 0;
            for (const auto& ruche : day.ruches)
                for (const auto& a : ruche.alveoles)
                    net += a.pvKw[t] - a.loadKw[t];
            (net > 0 ? surplus : deficit) += std::abs(net) * day.stepHours();
            importSum += day.grid.importPrice[t];
            exportSum += day.grid.exportPrice[t];
        }
        inputs.surplusKwh.push_back(surplus * scale);
        inputs.deficitKwh.push_back(deficit * scale);
        inputs.importPrice.push_back(importSum / stepsPerDay);
        inputs.exportPrice.push_back(exportSum / stepsPerDay);
    }
    return inputs;
}

SeasonalPlan solveSeasonalPlan(const SeasonalInputs& in) {
    const int D = int(in.surplusKwh.size());
    // Columns: per day el, fc, imp, exp, shed (5 D), then level 0..D.
    auto el = [](int d) { return 5 * d; };
    auto fc = [](int d) { return 5 * d + 1; };
    auto imp = [](int d) { return 5 * d + 2; };
    auto exp = [](int d) { return 5 * d + 3; };
    auto shed = [](int d) { return 5 * d + 4; };
    auto level = [D](int d) { return 5 * D + d; };
    const int columns = 6 * D + 1;
    std::vector<double> colLower(columns, 0.0), colUpper(columns, COIN_DBL_MAX), cost(columns, 0.0);
    std::vector<int> rowIndex, colIndex;
    std::vector<double> values, rowLower, rowUpper;
    auto addRow = [&](double lower, double upper) {
        rowLower.push_back(lower);
        rowUpper.push_back(upper);
        return int(rowLower.size()) - 1;
    };
    auto put = [&](int row, int column, double value) {
        rowIndex.push_back(row);
        colIndex.push_back(column);
        values.push_back(value);
    };
    const auto& s = in.store;
    std::vector<int> tankRow(static_cast<std::size_t>(D), 0);
    for (int d = 0; d < D; ++d) {
        colUpper[el(d)] = 24.0 * s.electrolyzerKw;
        colUpper[fc(d)] = 24.0 * s.fuelCellKw;
        cost[el(d)] = in.electrolyserWearPerKwh;
        cost[imp(d)] = in.importPrice[d];
        cost[exp(d)] = -in.exportPrice[d];
        cost[shed(d)] = in.vollPerKwh;
        const int surplusRow = addRow(-COIN_DBL_MAX, in.surplusKwh[d]);   // el + exp <= S (curtail the rest)
        put(surplusRow, el(d), 1.0);
        put(surplusRow, exp(d), 1.0);
        const int deficitRow = addRow(in.deficitKwh[d], in.deficitKwh[d]);   // fc + imp + shed = D
        put(deficitRow, fc(d), 1.0);
        put(deficitRow, imp(d), 1.0);
        put(deficitRow, shed(d), 1.0);
        tankRow[std::size_t(d)] = addRow(0.0, 0.0);   // level[d+1] - level[d] - eta_el el + fc / eta_fc = 0
        put(tankRow[std::size_t(d)], level(d + 1), 1.0);
        put(tankRow[std::size_t(d)], level(d), -1.0);
        put(tankRow[std::size_t(d)], el(d), -s.etaElectrolyzer);
        put(tankRow[std::size_t(d)], fc(d), 1.0 / s.etaFuelCell);
    }
    for (int d = 0; d <= D; ++d)
        colUpper[level(d)] = s.tankKwh;
    colLower[level(0)] = colUpper[level(0)] = std::min(s.level0Kwh, s.tankKwh);
    const int cyclic = addRow(0.0, COIN_DBL_MAX);   // the year ends at least where it began
    put(cyclic, level(D), 1.0);
    put(cyclic, level(0), -1.0);

    CoinPackedMatrix matrix(true, rowIndex.data(), colIndex.data(), values.data(), CoinBigIndex(values.size()));
    matrix.setDimensions(int(rowLower.size()), columns);
    ClpSimplex model;
    model.setLogLevel(0);
    model.loadProblem(matrix, colLower.data(), colUpper.data(), cost.data(), rowLower.data(), rowUpper.data());
    model.dual();
    if (!model.isProvenOptimal())
        throw std::runtime_error("seasonal plan: CLP did not prove optimality (status " + std::to_string(model.status()) + ")");

    const double* x = model.primalColumnSolution();
    const double* duals = model.dualRowSolution();
    SeasonalPlan plan;
    plan.startUtc = in.startUtc;
    plan.objectiveCu = model.objectiveValue();
    for (int d = 0; d <= D; ++d)
        plan.levelKwh.push_back(x[level(d)]);
    for (int d = 0; d < D; ++d) {
        plan.electrolyzerKwh.push_back(x[el(d)]);
        plan.fuelCellKwh.push_back(x[fc(d)]);
        // One more kWh of H2 appearing in the tank at the end of day d (rhs of its balance
        // raised) changes the minimum cost by the row's dual; its worth is the saving.
        plan.waterValuePerKwh.push_back(std::max(0.0, -duals[tankRow[std::size_t(d)]]));
    }
    return plan;
}

}  // namespace swarmergy::planning
