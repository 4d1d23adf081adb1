#pragma once
// Immutable snapshot of the local market, for the Market view: each ruche's price of the last
// interval, what its alvéoles sold and bought over the last 24 h and how the community's
// savings against "everyone alone with the grid" are shared (Shapley values), plus how far
// the ledger has recorded it. Plain data, no Qt. Money in cu (1 cu = 1 NRG in the demo).

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace swarmergy::model {

struct AlveoleMarket {
    std::string id;
    double soldKwh = 0;       // to the ruche, last 24 h
    double boughtKwh = 0;
    double amountCu = 0;      // received minus paid at the ruche prices
    double shareCu = 0;       // Shapley share of the ruche's savings
};

struct RucheMarket {
    std::string id;
    double lastPriceCuPerKwh = 0;    // price of the last settled interval
    bool lastPriceFromPlan = false;  // the plan's marginal price, else the tariff traded at the gate
    double tradedKwh = 0;            // sold by its alvéoles, last 24 h
    double savingsCu = 0;            // v(N) of the netting game over the last 24 h
    bool sharesExact = false;
    std::size_t permutations = 0;    // sampled permutations when not exact
    std::vector<AlveoleMarket> alveoles;
};

// How far SwarmLedger has recorded the market (the demo relays hubs' readings and the
// settlements of each interval).
struct LedgerFeed {
    bool attached = false;
    int alveolesOnLedger = 0;            // the demo keeps the ledger to the first ruches
    std::int64_t intervalsRecorded = 0;
    std::int64_t lastRecordedIntervalUtc = 0;
    std::int64_t readingsRelayed = 0;
    std::int64_t readingsSkipped = 0;     // the ledger was too far behind the simulation
    std::int64_t backlogIntervals = 0;
    std::int64_t intervalsDropped = 0;    // queued too long: never recorded (counted, not hidden)
    std::string lastError;
};

struct MarketSnapshot {
    std::int64_t lastIntervalUtc = 0;     // start of the last settled interval
    std::int64_t windowHours = 24;
    std::int64_t recordsLastInterval = 0;
    std::vector<RucheMarket> ruches;
    LedgerFeed ledger;
};

using MarketSnapshotPtr = std::shared_ptr<const MarketSnapshot>;

}  // namespace swarmergy::model
