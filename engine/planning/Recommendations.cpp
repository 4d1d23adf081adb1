#include "engine/planning/Recommendations.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string>

namespace swarmergy::planning {

double meanPrice(const std::vector<double>& prices, int start, int steps) {
    if (start < 0 || steps <= 0 || start + steps > int(prices.size()))
        return std::numeric_limits<double>::infinity();
    double sum = 0;
    for (int t = start; t < start + steps; ++t)
        sum += prices[std::size_t(t)];
    return sum / steps;
}

namespace {

// Step of the plan at which the usual local hour first comes, or -1 when it is not inside.
int usualStartStep(const model::PlanSnapshot& plan, int localHour, int utcOffsetMinutes) {
    const std::int64_t stepSeconds = std::int64_t(plan.stepMinutes) * 60;
    for (int t = 0; t < plan.steps; ++t) {
        const std::int64_t local = plan.planStartUtc + t * stepSeconds + std::int64_t(utcOffsetMinutes) * 60;
        const std::int64_t secondOfDay = ((local % 86400) + 86400) % 86400;
        if (secondOfDay == std::int64_t(localHour) * 3600)
            return t;
    }
    return -1;
}

std::optional<model::Recommendation> bestShift(const FlexibleRun& run, const std::string& alveoleId,
                                               const model::PlanSnapshot& plan, const std::vector<double>& prices,
                                               int utcOffsetMinutes, double minSavingCu) {
    const int usual = usualStartStep(plan, run.usualLocalHour, utcOffsetMinutes);
    const double usualPrice = meanPrice(prices, usual, run.steps);
    if (usual < 0 || !std::isfinite(usualPrice))
        return std::nullopt;
    int best = usual;
    double bestPrice = usualPrice;
    for (int start = 0; start + run.steps <= int(prices.size()); ++start) {
        const double price = meanPrice(prices, start, run.steps);
        if (price < bestPrice - 1e-12) {
            best = start;
            bestPrice = price;
        }
    }
    const double saving = run.energyKwh * (usualPrice - bestPrice);
    if (saving < minSavingCu)
        return std::nullopt;
    const std::int64_t stepSeconds = std::int64_t(plan.stepMinutes) * 60;
    return model::Recommendation{alveoleId, run.appliance, plan.planStartUtc + best * stepSeconds,
                                 plan.planStartUtc + usual * stepSeconds, saving};
}

}  // namespace

std::vector<model::Recommendation> recommendShifts(const simulation::Fleet& fleet, const model::PlanSnapshot& plan,
                                                   std::size_t maxCount, double minSavingCu) {
    std::vector<model::Recommendation> all;
    const int offset = fleet.options.utcOffsetMinutes;
    std::size_t i = 0;
    for (std::size_t r = 0; r < fleet.topology.ruches.size() && r < plan.ruches.size(); ++r) {
        const auto& prices = plan.ruches[r].priceCuPerKwh;
        for (const auto& alveole : fleet.topology.ruches[r].alveoles) {
            const auto& household = fleet.households[i++];
            if (household.washing)
                if (auto rec = bestShift(kWashingRun, alveole.id, plan, prices, offset, minSavingCu))
                    all.push_back(*rec);
            if (household.electricVehicle)
                if (auto rec = bestShift(kEvRun, alveole.id, plan, prices, offset, minSavingCu))
                    all.push_back(*rec);
        }
    }
    std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.savingCu > b.savingCu; });
    if (all.size() > maxCount)
        all.resize(maxCount);
    return all;
}

}  // namespace swarmergy::planning
