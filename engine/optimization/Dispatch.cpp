#include "engine/optimization/Dispatch.h"

#include <algorithm>
#include <cassert>
#include <stdexcept>
#include <cmath>
#include <limits>

namespace swarmergy::optimization {

namespace {

std::size_t alveoleCount(const model::Scenario& s)
{
    std::size_t n = 0;
    for (const auto& r : s.ruches) n += r.alveoles.size();
    return n;
}

// The reader rejects NaN/Inf; a scenario built in code could still carry them.
bool allFinite(const model::Scenario& s)
{
    auto finite = [](const std::vector<double>& v) {
        for (double x : v)
            if (!std::isfinite(x)) return false;
        return true;
    };
    if (!finite(s.grid.importPrice) || !finite(s.grid.exportPrice)) return false;
    for (const auto& r : s.ruches)
        for (const auto& a : r.alveoles)
            if (!finite(a.loadKw) || !finite(a.pvKw) || !std::isfinite(a.connectionKw) || !std::isfinite(a.vollPerKwh))
                return false;
    return true;
}

void requireShape(const model::Scenario& s)
{
    const std::size_t T = static_cast<std::size_t>(s.steps);
    if (s.steps < 1 || s.stepMinutes < 1) throw std::invalid_argument("dispatch: steps and step_minutes must be >= 1");
    if (s.grid.importPrice.size() != T || s.grid.exportPrice.size() != T)
        throw std::invalid_argument("dispatch: $.grid price series must have `steps` values");
    for (std::size_t r = 0; r < s.ruches.size(); ++r)
        for (std::size_t i = 0; i < s.ruches[r].alveoles.size(); ++i) {
            const auto& a = s.ruches[r].alveoles[i];
            if (a.loadKw.size() != T || a.pvKw.size() != T)
                throw std::invalid_argument("dispatch: $.ruches[" + std::to_string(r) + "].alveoles[" + std::to_string(i) +
                                            "] series must have `steps` values");
        }
    if (!allFinite(s)) throw std::invalid_argument("dispatch: NaN or Inf in the scenario");
}

}  // namespace

double DispatchResult::gap() const
{
    if (!schedule.bound) return std::numeric_limits<double>::infinity();
    return (schedule.objective - *schedule.bound) / scale;
}

double gapScale(const model::Scenario& scenario, double objective)
{
    double loadCost = 0;
    for (int t = 0; t < scenario.steps; ++t) {
        double loadKw = 0;
        for (const auto& r : scenario.ruches)
            for (const auto& a : r.alveoles) loadKw += a.loadKw[t];
        loadCost += scenario.stepHours() * scenario.grid.importPrice[t] * loadKw;
    }
    return std::max({1.0, std::abs(objective), loadCost});
}

DispatchResult solveDispatch(const model::Scenario& scenario, const DispatchOptions& options)
{
    requireShape(scenario);
    DispatchMethod method = options.method;
    if (method == DispatchMethod::Auto)
        method = alveoleCount(scenario) <= static_cast<std::size_t>(options.autoClpMaxAlveoles) ? DispatchMethod::Clp
                                                                                              : DispatchMethod::Decomposition;
    if (method == DispatchMethod::Clp) return solveWithClp(scenario, options.clpAlgorithm);
    return solveWithDecomposition(scenario, options);
}

}  // namespace swarmergy::optimization
