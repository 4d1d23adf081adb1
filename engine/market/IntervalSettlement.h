#pragma once
// Settlement of what actually happened, interval by interval: the live counterpart of settle()
// (Settlement.h), which settles a planned schedule. Each step, every alvéole's measured net
// exchange with its ruche bus is settled at the ruche's price of that step (the plan's
// clamped marginal price when a plan covers the step, else the tariff the ruche traded at with
// the grid). Then an interval's records become the integer entries the ledger's Settlement
// contract records: energies in Wh, prices in micro-NRG per kWh, amounts in nano-NRG (1 NRG = 1
// cu in the demo), so Wh x µNRG/kWh = nNRG exactly and the entries balance to the last unit,
// with the ruche's clearing account (its SwarmGate, HiveStore and lines) on the other side.

#include "engine/market/Settlement.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace swarmergy::market {

// Who is who, fixed for a fleet: alvéole i belongs to ruche rucheOf[i].
struct MarketBook {
    std::vector<std::string> alveoleIds;
    std::vector<int> rucheOf;
    std::vector<std::string> rucheIds;
};

struct StepTariff {
    double importPrice = 0;   // cu/kWh
    double exportPrice = 0;
};

// The price a ruche traded at with the grid when no plan price exists: the import price while
// it imports, the export price while it exports, the middle of the band when it is balanced
// (its stores set the margin then).
double gateTradedPrice(double importKw, double exportKw, StepTariff tariff);

// One record per alvéole with a non-zero exchange (|energy| > 1e-9 kWh). netKw[i] > 0 exports.
// ruchePrice[r] is clamped to the tariff band. Throws std::invalid_argument on sizes that do
// not match the book or a non-finite value, naming it.
std::vector<SettlementRecord> settleStep(const MarketBook& book, std::span<const double> netKw,
                                         std::span<const double> ruchePrice, StepTariff tariff,
                                         double stepHours, std::int64_t stepStartUtc);

// An interval's entry for the ledger, integers only.
struct LedgerEntry {
    std::string alveoleId;
    std::int64_t energyWh = 0;            // > 0 exported
    std::int64_t priceMicroPerKwh = 0;    // µNRG/kWh, >= 0
    std::int64_t amountNano = 0;          // nNRG, > 0 received
};

// The entries of one ruche for one interval: one per alvéole (its steps summed, energy rounded
// to the Wh, amount = Σ Wh x price exactly), then the clearing account's entry, which takes
// the opposite of the sum of both energy and amount so the interval balances. Records of other
// ruches are ignored. No entry for alvéoles whose rounded energy is 0 Wh.
std::vector<LedgerEntry> ledgerEntries(const std::vector<SettlementRecord>& records, const std::string& rucheId,
                                       const std::string& clearingId);

}  // namespace swarmergy::market
