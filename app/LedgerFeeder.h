#pragma once
// Carries the live market to SwarmLedger (issue #5, "In the console"): for each settled
// 15-minute interval, the simulated hubs' signed readings (which mint NRG for exported energy)
// and one Settlement transaction with every on-ledger alvéole's entry. Runs on its own thread so
// signing and submitting never slow the simulation; intervals queue up, and when the ledger
// falls more than maxBacklogIntervals behind, the oldest intervals' readings are skipped (and
// counted) while their settlements are still recorded, so the books stay complete.
//
// The demo keeps the ledger to whole ruches up to maxAlveoles (registering 50,000 hubs would
// take the demo's three authorities most of a minute). Before the first interval it registers
// every covered alvéole's demo hub and its ruche's clearing account ("<ruche>-clearing", the
// SwarmGate/HiveStore side of every trade), then credits each alvéole with welcomeNrg and each
// clearing account with clearingFloatNrg from the funded demo account, so buyers can pay.
// Plain C++ (no Qt).

#include "engine/market/IntervalSettlement.h"
#include "engine/model/Market.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <set>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace swarmergy::app {

class LedgerService;

struct LedgerFeederOptions {
    int maxAlveoles = 1000;
    int maxBacklogIntervals = 8;
    std::string welcomeNrg = "100";
    std::string clearingFloatNrg = "10000";
    std::chrono::seconds setupTimeout{60};
    // Back-pressure: an interval's readings wait until the ledger's pool holds fewer than
    // this many transactions (a settlement waits for it as long as it takes).
    std::size_t maxPendingTransactions = 1000;
    // Memory bound: beyond this many queued intervals the oldest is dropped and counted (the
    // simulation can run far faster than three authorities on a shared machine can seal).
    std::size_t maxQueuedIntervals = 2000;
};

class LedgerFeeder {
public:
    LedgerFeeder(LedgerService& ledger, LedgerFeederOptions options = {});
    ~LedgerFeeder();
    LedgerFeeder(const LedgerFeeder&) = delete;
    LedgerFeeder& operator=(const LedgerFeeder&) = delete;

    // Starts the feeder thread for this fleet; the first call wins.
    void start(const market::MarketBook& book);
    // Queues an interval's settlement records (any ruche; those off the ledger are ignored).
    void enqueue(std::int64_t intervalStartUtc, std::vector<market::SettlementRecord> records);
    model::LedgerFeed status() const;
    // Blocks until every queued interval is submitted, or the timeout; true when idle.
    bool waitIdle(std::chrono::milliseconds timeout) const;

    static std::string clearingId(const std::string& rucheId) { return rucheId + "-clearing"; }
    // Nano-NRG as the exact decimal NRG the ledger service takes: -1500000001 -> "-1.500000001".
    static std::string nanoToNrg(std::int64_t nano);

private:
    struct Interval {
        std::int64_t startUtc = 0;
        std::vector<market::SettlementRecord> records;
    };
    void run();
    bool setUp();
    bool waitSealed(const std::vector<std::string>& hashes);
    // Waits until the pool has room; false when stopping or, with a deadline, when it passed.
    bool waitForPoolRoom(std::optional<std::chrono::steady_clock::time_point> deadline);
    struct EnergyWh {
        std::uint64_t exported = 0;
        std::uint64_t imported = 0;
    };
    void feed(const Interval& interval, bool withReadings);
    std::map<std::string, EnergyWh> readingsOf(const Interval& interval) const;
    void relayReadings(std::int64_t intervalStartUtc, const std::map<std::string, EnergyWh>& readings);
    void recordSettlement(const Interval& interval);
    void fail(const std::string& message);

    LedgerService& ledger_;
    LedgerFeederOptions options_;
    market::MarketBook book_;
    std::vector<std::string> ruchesOnLedger_;
    std::set<std::string> coveredAlveoles_;

    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    std::deque<Interval> queue_;
    bool busy_ = false;
    bool stopping_ = false;
    bool started_ = false;
    model::LedgerFeed status_;
    std::thread thread_;
};

}  // namespace swarmergy::app
