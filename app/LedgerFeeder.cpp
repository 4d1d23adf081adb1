#include "app/LedgerFeeder.h"

#include "app/LedgerService.h"

#include <cmath>
#include <cstdlib>
#include <map>
#include <stdexcept>

namespace swarmergy::app {

LedgerFeeder::LedgerFeeder(LedgerService& ledger, LedgerFeederOptions options)
    : ledger_(ledger), options_(std::move(options)) {}

LedgerFeeder::~LedgerFeeder() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    if (thread_.joinable())
        thread_.join();
}

std::string LedgerFeeder::nanoToNrg(std::int64_t nano) {
    const bool negative = nano < 0;
    const std::uint64_t magnitude = negative ? std::uint64_t(-(nano + 1)) + 1 : std::uint64_t(nano);
    std::string fraction = std::to_string(magnitude % 1'000'000'000);
    fraction.insert(0, 9 - fraction.size(), '0');
    return (negative ? "-" : "") + std::to_string(magnitude / 1'000'000'000) + "." + fraction;
}

void LedgerFeeder::start(const market::MarketBook& book) {
    std::lock_guard lock(mutex_);
    if (started_)
        return;
    started_ = true;
    book_ = book;
    // Whole ruches, in order, up to the cap (the first ruche always).
    std::vector<int> size(book_.rucheIds.size(), 0);
    for (int r : book_.rucheOf)
        ++size[std::size_t(r)];
    std::vector<bool> rucheOnLedger(book_.rucheIds.size(), false);
    int covered = 0;
    for (std::size_t r = 0; r < size.size(); ++r) {
        if (r > 0 && covered + size[r] > options_.maxAlveoles)
            break;
        rucheOnLedger[r] = true;
        ruchesOnLedger_.push_back(book_.rucheIds[r]);
        covered += size[r];
    }
    for (std::size_t i = 0; i < book_.alveoleIds.size(); ++i) {
        if (rucheOnLedger[std::size_t(book_.rucheOf[i])])
            coveredAlveoles_.insert(book_.alveoleIds[i]);
    }
    status_.attached = true;
    status_.alveolesOnLedger = covered;
    thread_ = std::thread([this] { run(); });
}

void LedgerFeeder::enqueue(std::int64_t intervalStartUtc, std::vector<market::SettlementRecord> records) {
    {
        std::lock_guard lock(mutex_);
        if (!started_ || stopping_)
            return;
        queue_.push_back({intervalStartUtc, std::move(records)});
        while (queue_.size() > options_.maxQueuedIntervals) {
            queue_.pop_front();
            ++status_.intervalsDropped;
        }
        status_.backlogIntervals = std::int64_t(queue_.size());
    }
    changed_.notify_all();
}

model::LedgerFeed LedgerFeeder::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

bool LedgerFeeder::waitIdle(std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [this] { return stopping_ || (queue_.empty() && !busy_); });
}

void LedgerFeeder::fail(const std::string& message) {
    std::lock_guard lock(mutex_);
    status_.lastError = message;
}

void LedgerFeeder::run() {
    {
        std::lock_guard lock(mutex_);
        busy_ = true;
    }
    const bool ready = setUp();
    for (;;) {
        Interval interval;
        bool withReadings = true;
        {
            std::unique_lock lock(mutex_);
            busy_ = false;
            changed_.notify_all();
            changed_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (stopping_)
                return;
            busy_ = true;
            interval = std::move(queue_.front());
            queue_.pop_front();
            // Far behind: this interval's readings are dropped, its settlement still recorded.
            withReadings = std::int64_t(queue_.size()) < options_.maxBacklogIntervals;
            status_.backlogIntervals = std::int64_t(queue_.size());
        }
        if (ready)
            feed(interval, withReadings);
    }
}

// Registers the covered hubs and clearing accounts, credits them, and waits until all of it
// is sealed: a settlement's dry run would otherwise see unknown alvéoles or empty purses.
bool LedgerFeeder::setUp() {
    std::vector<std::string> pending;
    auto track = [&](const LedgerSubmission& s, const std::string& what) {
        if (!s.ok)
            throw std::runtime_error(what + ": " + s.error);
        pending.push_back(s.transactionHash);
    };
    try {
        for (std::size_t i = 0; i < book_.alveoleIds.size(); ++i) {
            const auto& id = book_.alveoleIds[i];
            if (!coveredAlveoles_.count(id))
                continue;
            const auto registration = ledger_.registerDemoHub(id, book_.rucheIds[std::size_t(book_.rucheOf[i])]);
            if (!registration.ok)
                throw std::runtime_error(registration.error);
            track(ledger_.transferNrg(LedgerService::alveoleAccount(id), options_.welcomeNrg), "welcome credit of " + id);
        }
        for (const auto& ruche : ruchesOnLedger_) {
            const auto registration = ledger_.registerDemoHub(clearingId(ruche), ruche);
            if (!registration.ok)
                throw std::runtime_error(registration.error);
            track(ledger_.transferNrg(LedgerService::alveoleAccount(clearingId(ruche)), options_.clearingFloatNrg),
                  "float of " + clearingId(ruche));
        }
        if (!waitSealed(pending))
            throw std::runtime_error("the demo hubs' registrations and credits were not all sealed and successful in time");
        return true;
    } catch (const std::exception& error) {
        fail(std::string("ledger set-up failed, the market is not recorded: ") + error.what());
        return false;
    }
}

// Waits for each submission in turn to be sealed and to have succeeded.
bool LedgerFeeder::waitSealed(const std::vector<std::string>& hashes) {
    const auto deadline = std::chrono::steady_clock::now() + options_.setupTimeout;
    for (const auto& hash : hashes) {
        for (;;) {
            const auto status = ledger_.receiptStatus(hash);
            if (status) {
                if (!*status)
                    return false;
                break;
            }
            std::unique_lock lock(mutex_);
            // Polls the chain every 50 ms; wakes at once to stop.
            if (changed_.wait_until(lock, std::min(deadline, std::chrono::steady_clock::now() + std::chrono::milliseconds(50)),
                                    [this] { return stopping_; }))
                return false;
            if (std::chrono::steady_clock::now() >= deadline)
                return false;
        }
    }
    return true;
}

bool LedgerFeeder::waitForPoolRoom(std::optional<std::chrono::steady_clock::time_point> deadline) {
    while (ledger_.pendingTransactions() >= options_.maxPendingTransactions) {
        std::unique_lock lock(mutex_);
        const auto next = std::chrono::steady_clock::now() + std::chrono::milliseconds(50);
        if (changed_.wait_until(lock, deadline ? std::min(*deadline, next) : next, [this] { return stopping_; }))
            return false;
        if (deadline && std::chrono::steady_clock::now() >= *deadline)
            return false;
    }
    return true;
}

void LedgerFeeder::feed(const Interval& interval, bool withReadings) {
    const auto readings = readingsOf(interval);
    // Readings may wait a block period or two for room; beyond, they are skipped (counted).
    if (withReadings && !readings.empty())
        withReadings = waitForPoolRoom(std::chrono::steady_clock::now() + std::chrono::seconds(3));
    if (withReadings) {
        relayReadings(interval.startUtc, readings);
    } else {
        std::lock_guard lock(mutex_);
        status_.readingsSkipped += std::int64_t(readings.size());
    }
    recordSettlement(interval);
}

// One reading per covered alvéole with energy in the interval: exported and imported Wh
// summed over the interval's steps (a home may do both within 15 minutes).
std::map<std::string, LedgerFeeder::EnergyWh> LedgerFeeder::readingsOf(const Interval& interval) const {
    std::map<std::string, EnergyWh> energyWh;
    for (const auto& record : interval.records) {
        if (!coveredAlveoles_.count(record.alveoleId))
            continue;
        const std::int64_t wh = std::llround(record.energyKwh * 1000.0);
        auto& energy = energyWh[record.alveoleId];
        if (wh > 0)
            energy.exported += std::uint64_t(wh);
        else
            energy.imported += std::uint64_t(-wh);
    }
    std::erase_if(energyWh, [](const auto& entry) { return entry.second.exported == 0 && entry.second.imported == 0; });
    return energyWh;
}

void LedgerFeeder::relayReadings(std::int64_t intervalStartUtc, const std::map<std::string, EnergyWh>& readings) {
    std::int64_t relayed = 0;
    std::string error;
    for (const auto& [alveole, wh] : readings) {
        const auto s = ledger_.submitDemoReading(alveole, std::uint64_t(intervalStartUtc), wh.exported, wh.imported);
        if (s.ok)
            ++relayed;
        else
            error = "reading of " + alveole + " refused: " + s.error;
    }
    std::lock_guard lock(mutex_);
    status_.readingsRelayed += relayed;
    status_.readingsSkipped += std::int64_t(readings.size()) - relayed;
    if (!error.empty())
        status_.lastError = error;
}

void LedgerFeeder::recordSettlement(const Interval& interval) {
    std::vector<LedgerSettlementRecord> records;
    for (const auto& ruche : ruchesOnLedger_) {
        for (const auto& entry : market::ledgerEntries(interval.records, ruche, clearingId(ruche))) {
            records.push_back({entry.alveoleId, entry.energyWh, nanoToNrg(entry.priceMicroPerKwh * 1000),
                               nanoToNrg(entry.amountNano)});
        }
    }
    if (records.empty() || !waitForPoolRoom(std::nullopt))
        return;
    const auto s = ledger_.recordSettlement(std::uint64_t(interval.startUtc), records);
    std::lock_guard lock(mutex_);
    if (s.ok) {
        ++status_.intervalsRecorded;
        status_.lastRecordedIntervalUtc = interval.startUtc;
    } else {
        status_.lastError = "settlement of the interval at " + std::to_string(interval.startUtc) + " refused: " + s.error;
    }
}

}  // namespace swarmergy::app
