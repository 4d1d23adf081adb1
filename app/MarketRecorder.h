#pragma once
// The live local market, on the simulation thread: after each simulated step it settles every
// alvéole's measured exchange at its ruche's price (engine/market), hands each completed
// 15-minute interval's records on (to the ledger feeder), and keeps the last 24 h of every
// alvéole's exchanges to share each ruche's savings fairly (Shapley values, sampled for large
// ruches). Shares are refreshed one ruche per step, round robin, so the cost per step stays
// bounded whatever the fleet size. Plain C++ (no Qt).

#include "engine/market/IntervalSettlement.h"
#include "engine/model/Market.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace swarmergy::simulation {
struct Fleet;
class Simulator;
}

namespace swarmergy::app {

struct SettledInterval {
    std::int64_t startUtc = 0;
    std::vector<market::SettlementRecord> records;
};

class MarketRecorder {
public:
    static constexpr std::int64_t kIntervalSeconds = 900;

    explicit MarketRecorder(const simulation::Fleet& fleet, std::size_t sharingPermutations = 200);

    const market::MarketBook& book() const { return book_; }

    // Settles the simulator's last step. planPrice[r] is the plan's price of ruche r for that
    // step, or nullopt when no plan covers it (the ruche's gate tariff is used). Returns the
    // interval's records once the step completes a 15-minute interval.
    std::optional<SettledInterval> recordStep(const simulation::Simulator& simulator,
                                              std::span<const std::optional<double>> planPrice);

    model::MarketSnapshotPtr snapshot(const model::LedgerFeed& ledger) const;

private:
    void remember(std::span<const double> netKw, market::StepTariff tariff);
    void refreshShares(std::size_t ruche);

    market::MarketBook book_;
    std::size_t permutations_;
    std::vector<std::vector<std::size_t>> members_;   // alvéole indices per ruche
    int windowSteps_ = 96;
    double stepHours_ = 0.25;
    // Ring buffers over the window: net kW per alvéole, tariffs, and settled amounts.
    std::vector<double> netKw_;          // [slot * alvéoles + i]
    std::vector<double> amountCu_;       // [slot * alvéoles + i]
    std::vector<double> importPrice_, exportPrice_;   // [slot]
    int filled_ = 0;
    int slot_ = 0;
    std::size_t nextShareRuche_ = 0;

    std::vector<double> lastPrice_;
    std::vector<bool> lastPriceFromPlan_;
    std::vector<double> shareCu_;        // per alvéole
    std::vector<double> savingsCu_;      // per ruche
    std::vector<bool> sharesExact_;
    std::vector<std::size_t> permutationsUsed_;
    std::int64_t lastIntervalUtc_ = 0;
    std::int64_t recordsLastInterval_ = 0;
    std::optional<SettledInterval> open_;
};

}  // namespace swarmergy::app
