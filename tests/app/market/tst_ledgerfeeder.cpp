// The live market recorded on the embedded ledger: the feeder registers the covered demo hubs
// and clearing accounts, relays signed readings (which mint) and records each interval's
// settlement; readings are skipped when it is far behind; a replayed interval changes nothing.
// Waits on conditions with deadlines (the chain seals every second).
#include "app/LedgerFeeder.h"
#include "app/LedgerService.h"
#include "tests/support/Check.h"

#include <chrono>
#include <climits>
#include <filesystem>
#include <functional>
#include <thread>

using namespace swarmergy;
using app::LedgerFeeder;
using app::LedgerService;

namespace {

bool waitFor(const std::function<bool()>& condition, double seconds = 30) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
        if (condition())
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return condition();
}

bool balanceReaches(const LedgerService& ledger, const std::string& alveole, const std::string& nrg) {
    return waitFor([&] { return ledger.nrgBalance(LedgerService::alveoleAccount(alveole)) == nrg; });
}

market::SettlementRecord record(const std::string& alveole, const std::string& ruche, std::int64_t start, double kwh,
                                double price) {
    return {alveole, ruche, start, kwh, price, kwh * price};
}

// 2026-06-23T23:00:00Z, before the demo chain's genesis: the interval has ended for any block.
constexpr std::int64_t kInterval = 1'782'255'600;

void nanoFormatting() {
    CHECK(LedgerFeeder::nanoToNrg(-1'500'000'001) == "-1.500000001");
    CHECK(LedgerFeeder::nanoToNrg(0) == "0.000000000");
    CHECK(LedgerFeeder::nanoToNrg(42) == "0.000000042");
    CHECK(LedgerFeeder::nanoToNrg(LLONG_MIN) == "-9223372036.854775808");
}

void recordsAndMints(LedgerService& ledger) {
    app::LedgerFeederOptions options;
    options.maxAlveoles = 3;   // ruche r1 only
    LedgerFeeder feeder(ledger, options);
    feeder.start({{"r1-a1", "r1-a2", "r1-a3", "r2-a1"}, {0, 0, 0, 1}, {"r1", "r2"}});
    CHECK(feeder.status().attached && feeder.status().alveolesOnLedger == 3);
    const std::vector<market::SettlementRecord> records{record("r1-a1", "r1", kInterval, 0.5, 0.2),
                                                        record("r1-a2", "r1", kInterval, -0.25, 0.2),
                                                        record("r2-a1", "r2", kInterval, 1.0, 0.2)};
    feeder.enqueue(kInterval, records);
    CHECK(feeder.waitIdle(std::chrono::seconds(90)));
    // a1: 100 welcome + 0.5 minted for 500 Wh exported + 0.1 sold; a2 pays 0.05; the clearing
    // account takes the other side (-0.1 + 0.05); r2 is off the ledger.
    CHECK(balanceReaches(ledger, "r1-a1", "100.600000000000000000"));
    CHECK(balanceReaches(ledger, "r1-a2", "99.950000000000000000"));
    CHECK(balanceReaches(ledger, "r1-clearing", "9999.950000000000000000"));
    CHECK(ledger.nrgBalance(LedgerService::alveoleAccount("r2-a1")) == "0.000000000000000000");
    auto status = feeder.status();
    CHECK(status.intervalsRecorded == 1 && status.lastRecordedIntervalUtc == kInterval);
    CHECK(status.readingsRelayed == 2 && status.readingsSkipped == 0);
    CHECK(status.lastError.empty());

    // The same interval again: readings already recorded, interval already settled.
    feeder.enqueue(kInterval, records);
    CHECK(feeder.waitIdle(std::chrono::seconds(30)));
    status = feeder.status();
    CHECK(status.intervalsRecorded == 1 && status.readingsRelayed == 2 && status.readingsSkipped == 2);
    CHECK(!status.lastError.empty());
    CHECK(ledger.nrgBalance(LedgerService::alveoleAccount("r1-a1")) == "100.600000000000000000");
}

void skipsReadingsWhenBehind(LedgerService& ledger) {
    app::LedgerFeederOptions options;
    options.maxBacklogIntervals = 0;   // always "behind": settlements only
    LedgerFeeder feeder(ledger, options);
    feeder.start({{"r3-a1", "r3-a2"}, {0, 0}, {"r3"}});
    // The next interval (an interval is settled once for the whole essaim).
    const std::int64_t next = kInterval + 900;
    feeder.enqueue(next, {record("r3-a1", "r3", next, 1.0, 0.1), record("r3-a2", "r3", next, -1.0, 0.1)});
    CHECK(feeder.waitIdle(std::chrono::seconds(90)));
    CHECK(balanceReaches(ledger, "r3-a1", "100.100000000000000000"));   // paid, nothing minted
    CHECK(balanceReaches(ledger, "r3-a2", "99.900000000000000000"));
    const auto status = feeder.status();
    CHECK(status.intervalsRecorded == 1 && status.readingsRelayed == 0 && status.readingsSkipped == 2);
}

// The queue is bounded: intervals queued while the feeder is still registering its hubs beyond
// the bound are dropped, oldest first, and counted.
void dropsTheOldestBeyondTheBound(LedgerService& ledger) {
    app::LedgerFeederOptions options;
    options.maxQueuedIntervals = 2;
    LedgerFeeder feeder(ledger, options);
    feeder.start({{"r4-a1", "r4-a2"}, {0, 0}, {"r4"}});
    for (int k = 2; k < 7; ++k) {   // set-up waits for a sealed block: these all queue meanwhile
        const std::int64_t start = kInterval + 900 * k;
        feeder.enqueue(start, {record("r4-a1", "r4", start, 1.0, 0.1), record("r4-a2", "r4", start, -1.0, 0.1)});
    }
    CHECK(feeder.waitIdle(std::chrono::seconds(90)));
    const auto status = feeder.status();
    CHECK(status.intervalsDropped == 3);
    CHECK(status.intervalsRecorded == 2 && status.lastRecordedIntervalUtc == kInterval + 900 * 6);
}

}  // namespace

int main() {
    nanoFormatting();
    LedgerService ledger((std::filesystem::temp_directory_path() / "tst_ledgerfeeder").string(), 1);
    ledger.start();
    recordsAndMints(ledger);
    skipsReadingsWhenBehind(ledger);
    dropsTheOldestBeyondTheBound(ledger);
    ledger.stop();
    return testResult("tst_ledgerfeeder");
}
