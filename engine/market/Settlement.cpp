#include "engine/market/Settlement.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

namespace swarmergy::market {

double clampToTariff(double marginalPrice, double exportPrice, double importPrice) {
    return std::clamp(marginalPrice, exportPrice, importPrice);
}

namespace {

void checkShapes(const model::Scenario& scenario, const model::Schedule& schedule, const RuchePrices& prices) {
    if (schedule.ruches.size() != scenario.ruches.size() || prices.size() != scenario.ruches.size())
        throw std::invalid_argument("settle: schedule, prices and scenario have different numbers of ruches");
    for (std::size_t r = 0; r < scenario.ruches.size(); ++r) {
        if (prices[r].size() != std::size_t(scenario.steps))
            throw std::invalid_argument("settle: ruche " + scenario.ruches[r].id + " has " +
                                        std::to_string(prices[r].size()) + " prices for " +
                                        std::to_string(scenario.steps) + " steps");
        if (schedule.ruches[r].alveoles.size() != scenario.ruches[r].alveoles.size())
            throw std::invalid_argument("settle: ruche " + scenario.ruches[r].id +
                                        " has a different number of alvéoles in the schedule");
        for (std::size_t t = 0; t < prices[r].size(); ++t) {
            if (!std::isfinite(prices[r][t]))
                throw std::invalid_argument("settle: price of ruche " + scenario.ruches[r].id + " at step " +
                                            std::to_string(t) + " is not a finite number");
        }
    }
}

}  // namespace

std::vector<SettlementRecord> settle(const model::Scenario& scenario, const model::Schedule& schedule,
                                     const RuchePrices& marginalPrice, std::int64_t startUtc) {
    checkShapes(scenario, schedule, marginalPrice);
    const double hours = scenario.stepHours();
    const std::int64_t stepSeconds = std::int64_t(scenario.stepMinutes) * 60;
    std::vector<SettlementRecord> records;
    for (std::size_t r = 0; r < scenario.ruches.size(); ++r) {
        const auto& ruche = schedule.ruches[r];
        for (const auto& alveole : ruche.alveoles) {
            if (alveole.netKw.size() != std::size_t(scenario.steps))
                throw std::invalid_argument("settle: alvéole " + alveole.id + " has a net series of the wrong length");
            for (int t = 0; t < scenario.steps; ++t) {
                const double energyKwh = alveole.netKw[t] * hours;
                if (std::abs(energyKwh) <= 1e-9)
                    continue;
                const double price = clampToTariff(marginalPrice[r][t], scenario.grid.exportPrice[t],
                                                   scenario.grid.importPrice[t]);
                records.push_back({alveole.id, ruche.id, startUtc + t * stepSeconds, energyKwh, price,
                                   energyKwh * price});
            }
        }
    }
    return records;
}

std::vector<double> netAmountPerRucheCu(const std::vector<SettlementRecord>& records,
                                        const model::Scenario& scenario) {
    std::map<std::string, std::size_t> index;
    for (std::size_t r = 0; r < scenario.ruches.size(); ++r)
        index[scenario.ruches[r].id] = r;
    std::vector<double> amount(scenario.ruches.size(), 0.0);
    for (const auto& record : records) {
        const auto found = index.find(record.rucheId);
        if (found == index.end())
            throw std::invalid_argument("netAmountPerRucheCu: unknown ruche " + record.rucheId);
        amount[found->second] += record.amountCu;
    }
    return amount;
}

}  // namespace swarmergy::market
