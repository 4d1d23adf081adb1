#pragma once
// Local market of a ruche: every alvéole's exchange with the ruche bus is settled at the
// ruche's marginal price of the step (the dual of its balance in the dispatch LP), clamped to
// the grid tariffs so nobody pays more than the grid would charge or earns less than the grid
// would pay (DOMAIN.md, "Peer-to-peer trade inside a ruche"). The records are what the ledger's
// Settlement contract records and pays in NRG.

#include "engine/model/Scenario.h"
#include "engine/model/Schedule.h"

#include <cstdint>
#include <string>
#include <vector>

namespace swarmergy::market {

struct SettlementRecord {
    std::string alveoleId;
    std::string rucheId;
    std::int64_t intervalStartUtc = 0;   // start of the step, seconds since the Unix epoch
    double energyKwh = 0;                // > 0 delivered to the ruche, < 0 taken from it
    double priceCuPerKwh = 0;            // the ruche's clamped marginal price
    double amountCu = 0;                 // energyKwh * price: > 0 the alvéole is paid
};

// Marginal price of each ruche per step, cu/kWh: marginalPrice[ruche][step].
using RuchePrices = std::vector<std::vector<double>>;

// Clamps a marginal price into [export price, import price] of the step.
double clampToTariff(double marginalPrice, double exportPrice, double importPrice);

// One record per alvéole and step with a non-zero exchange (|energy| > 1e-9 kWh), in schedule
// order. Throws std::invalid_argument when the schedule or the prices do not match the scenario.
std::vector<SettlementRecord> settle(const model::Scenario& scenario, const model::Schedule& schedule,
                                     const RuchePrices& marginalPrice, std::int64_t startUtc);

// Per ruche and step: what the alvéoles were paid minus what they paid. With prices inside the
// tariff band the ruche operator's position is bounded by the grid exchange it settles.
std::vector<double> netAmountPerRucheCu(const std::vector<SettlementRecord>& records,
                                        const model::Scenario& scenario);

}  // namespace swarmergy::market
