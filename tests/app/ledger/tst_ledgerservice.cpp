// The console's embedded SwarmLedger (app/LedgerService): three authorities in process seal in
// turn, hubs register, readings mint, transfers and settlements move NRG, votes show, and the
// explorer's snapshot and NRG history reflect it all. Waits on conditions with deadlines.
#include "app/LedgerService.h"

#include "ledger/crypto/Keccak.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <thread>

using namespace swarmergy;
using app::LedgerService;

namespace {

int g_failures = 0;

#define CHECK(cond)                                                                        \
    do {                                                                                   \
        if (!(cond)) {                                                                     \
            std::fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
            ++g_failures;                                                                  \
        }                                                                                  \
    } while (0)

// Polls `condition` until it holds or `seconds` pass: the chain seals every second, so the
// test waits for what it needs instead of sleeping a guessed time.
bool waitFor(const std::function<bool()>& condition, double seconds = 15) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
        if (condition()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return condition();
}

ledger::PrivateKey seededKey(const std::string& seed) {
    return ledger::privateKeyFromBytes(ledger::view(ledger::keccak256(seed)));
}

bool sealed(const LedgerService& service, const std::string& hash) {
    return waitFor([&] { return service.receiptStatus(hash).has_value(); });
}

const app::LedgerAccountRow* accountLabelled(const app::LedgerSnapshot& s, const std::string& label) {
    for (const auto& a : s.accounts)
        if (a.label == label) return &a;
    return nullptr;
}

const app::LedgerTransactionRow* transaction(const app::LedgerSnapshot& s, const std::string& hash) {
    for (const auto& t : s.transactions)
        if (t.hash == hash) return &t;
    return nullptr;
}

void sealingInTurn(LedgerService& service) {
    CHECK(waitFor([&] {
        const auto s = service.snapshot();
        std::set<std::string> names;
        for (const auto& b : s->blocks) names.insert(b.sealerName);
        return s->headNumber >= 6 && names.size() == 3;
    }));
    const auto s = service.snapshot();
    CHECK(s->chainId == service.chainId());
    CHECK(s->tokenAddress == "0x0000000000000000000000000000000000001001");
    CHECK(s->totalSupplyNrg == "1000000.000000000000000000");
    CHECK(!s->blocks.empty() && s->blocks.front().number == s->headNumber);   // newest first
    // Clique: block n is in turn for signer n % 3 of the signers sorted by address.
    std::vector<std::string> sorted;
    for (int i = 0; i < LedgerService::kAuthorities; ++i) sorted.push_back(service.authorityAddress(i));
    std::sort(sorted.begin(), sorted.end(), [](const std::string& a, const std::string& b) {
        std::string la = a, lb = b;
        std::transform(la.begin(), la.end(), la.begin(), ::tolower);
        std::transform(lb.begin(), lb.end(), lb.begin(), ::tolower);
        return la < lb;
    });
    int inTurn = 0;
    for (const auto& b : s->blocks) {
        CHECK(b.sealerName.rfind("authority-", 0) == 0);
        if (b.inTurn) {
            ++inTurn;
            CHECK(b.sealer == sorted[b.number % sorted.size()]);
        }
    }
    CHECK(inTurn >= 3);
    CHECK(s->authorities.size() == 3);
    CHECK(waitFor([&] {
        const auto now = service.snapshot();
        return std::all_of(now->authorities.begin(), now->authorities.end(),
                           [](const auto& a) { return a.online && a.peers == 2 && a.lastSealedBlock > 0; });
    }));
}

void refusedRegistrations(LedgerService& service) {
    const auto bad = service.registerHub("0x1234", "r02-a0017", "r02");
    CHECK(!bad.ok);
    CHECK(bad.error.find("not a hub address") != std::string::npos);
    const auto notHex = service.registerHub("hub-17", "r02-a0017", "r02");
    CHECK(!notHex.ok && !notHex.error.empty());
    const auto longId = service.registerHub(service.fundedAddress(), std::string(40, 'x'), "r02");
    CHECK(!longId.ok && longId.error.find("alvéole") != std::string::npos);
}

std::string registerAndMint(LedgerService& service) {
    const auto hubKey = seededKey("test hub r02-a0017");
    const std::string hub = ledger::toChecksumAddress(ledger::addressOf(hubKey));
    const auto reg = service.registerHub(hub, "r02-a0017", "r02");
    CHECK(reg.ok);
    if (!reg.ok) std::fprintf(stderr, "registerHub: %s\n", reg.error.c_str());
    CHECK(waitFor([&] { return service.registeredAlveole(hub) == std::optional<std::string>("r02-a0017"); }));
    const std::string account = LedgerService::alveoleAccount("r02-a0017");
    const auto s = service.snapshot();
    const auto* row = accountLabelled(*s, "r02-a0017");
    CHECK(row && row->address == account && row->nrgBalance == "0.000000000000000000");

    // A reading for the last ended 15-minute interval mints 1.5 NRG (flat policy: 1 NRG/kWh).
    ledger::MeterReading reading;
    reading.hub = ledger::addressOf(hubKey);
    reading.intervalStartUnix = static_cast<std::uint64_t>(std::time(nullptr)) / 900 * 900 - 900;
    reading.exportedWh = 1500;
    reading.importedWh = 250;
    const auto sig = ledger::signReading(reading, service.chainId(), ledger::parseAddress(s->tokenAddress), hubKey);
    const auto minted = service.submitReading(reading, sig);
    CHECK(minted.ok);
    if (!minted.ok) std::fprintf(stderr, "submitReading: %s\n", minted.error.c_str());
    CHECK(sealed(service, minted.transactionHash) && service.receiptStatus(minted.transactionHash) == std::optional<bool>(true));
    CHECK(service.nrgBalance(account) == std::optional<std::string>("1.500000000000000000"));
    const auto replay = service.submitReading(reading, sig);   // one reading per (hub, interval)
    CHECK(!replay.ok && !replay.error.empty());
    const auto after = service.snapshot();
    CHECK(after->readingsMinted == 1);
    CHECK(after->totalSupplyNrg == "1000001.500000000000000000");
    const auto* tx = transaction(*after, minted.transactionHash);
    CHECK(tx && tx->call.rfind("submitReading(", 0) == 0 && tx->succeeded);
    CHECK(tx && tx->events.find("Transfer") != std::string::npos && tx->events.find("1.5 NRG") != std::string::npos);
    return account;
}

void transferAndHistory(LedgerService& service, const std::string& alveoleAccount) {
    const auto before = service.nrgHistory(service.fundedAddress());
    CHECK(!before.empty() && before.back().second == 1'000'000.0);
    const auto sent = service.transferNrg(alveoleAccount, "12.5");
    CHECK(sent.ok);
    CHECK(sealed(service, sent.transactionHash) && service.receiptStatus(sent.transactionHash) == std::optional<bool>(true));
    const auto history = service.nrgHistory(service.fundedAddress());
    CHECK(history.size() >= 2);
    CHECK(history.front().second == 1'000'000.0);
    CHECK(history.back().second == 999'987.5);
    CHECK(std::is_sorted(history.begin(), history.end(), [](const auto& a, const auto& b) { return a.first < b.first; }));
    const auto alveole = service.nrgHistory(alveoleAccount);
    CHECK(!alveole.empty() && alveole.back().second == 14.0);   // 1.5 minted + 12.5 received
    CHECK(service.nrgHistory("not an address").empty());
    const auto s = service.snapshot();
    const auto* tx = transaction(*s, sent.transactionHash);
    CHECK(tx && tx->call.find("transfer(") == 0 && tx->call.find("12.5 NRG") != std::string::npos);
    const auto* funded = accountLabelled(*s, "funded demo account");
    CHECK(funded && funded->nrgBalance == "999987.500000000000000000");
    CHECK(!service.transferNrg(alveoleAccount, "1.2.3").ok);
}

void settlement(LedgerService& service, const std::string& payerAccount) {
    const std::string hub2 = ledger::toChecksumAddress(ledger::addressOf(seededKey("test hub r02-a0018")));
    CHECK(service.registerHub(hub2, "r02-a0018", "r02").ok);
    CHECK(waitFor([&] { return service.registeredAlveole(hub2).has_value(); }));
    const std::uint64_t interval = static_cast<std::uint64_t>(std::time(nullptr)) / 900 * 900 - 900;
    const auto unbalanced = service.recordSettlement(interval, {{"r02-a0017", -2000, "0.2", "-0.4"}, {"r02-a0018", 2000, "0.2", "0.5"}});
    CHECK(!unbalanced.ok && !unbalanced.error.empty());
    CHECK(!service.recordSettlement(interval, {{"r02-a0017", -2000, "cheap", "-0.4"}}).ok);
    const auto recorded = service.recordSettlement(interval, {{"r02-a0017", -2000, "0.2", "-0.4"}, {"r02-a0018", 2000, "0.2", "0.4"}});
    CHECK(recorded.ok);
    if (!recorded.ok) std::fprintf(stderr, "recordSettlement: %s\n", recorded.error.c_str());
    CHECK(sealed(service, recorded.transactionHash) && service.receiptStatus(recorded.transactionHash) == std::optional<bool>(true));
    CHECK(service.nrgBalance(payerAccount) == std::optional<std::string>("13.600000000000000000"));
    CHECK(service.nrgBalance(LedgerService::alveoleAccount("r02-a0018")) == std::optional<std::string>("0.400000000000000000"));
    CHECK(service.snapshot()->settlementIntervals == 1);
}

void votes(LedgerService& service) {
    CHECK(service.proposeSignerVote("authority-4", true).find("not an address") != std::string::npos);
    CHECK(service.proposeSignerVote(service.authorityAddress(1), true).find("already") != std::string::npos);
    const std::string candidate = ledger::toChecksumAddress(ledger::addressOf(seededKey("test candidate authority")));
    CHECK(service.proposeSignerVote(candidate, false).find("not an authority") != std::string::npos);
    CHECK(service.proposeSignerVote(candidate, true).empty());
    auto voteFor = [&]() -> std::optional<app::LedgerVoteRow> {
        const auto s = service.snapshot();   // keeps the snapshot alive over the loop
        for (const auto& v : s->votes)
            if (v.candidate == candidate) return v;
        return std::nullopt;
    };
    CHECK(voteFor().has_value() && voteFor()->authorise && voteFor()->needed == 2);
    // The console's authority casts it in the next block it seals.
    CHECK(waitFor([&] { return voteFor() && voteFor()->votes == 1; }));
}

}  // namespace

int main() {
    const std::string tmp = (std::filesystem::temp_directory_path() / "tst_ledgerservice").string();
    LedgerService service(tmp, 1);
    CHECK(service.snapshot()->headNumber == 0 && service.snapshot()->blocks.empty());
    CHECK(!service.registerHub(service.fundedAddress(), "r02-a0017", "r02").ok);   // not running
    service.start();
    CHECK(service.running());
    const std::string dir = service.dataDirectory();
    CHECK(!dir.empty() && std::filesystem::exists(dir));

    sealingInTurn(service);
    refusedRegistrations(service);
    const std::string account = registerAndMint(service);
    transferAndHistory(service, account);
    settlement(service, account);
    votes(service);
    {   // informational: the explorer asks for a snapshot a few times a second
        const auto t0 = std::chrono::steady_clock::now();
        for (int i = 0; i < 10; ++i) CHECK(service.snapshot()->headNumber > 0);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() / 10;
        std::printf("snapshot: %.2f ms at head %llu\n", ms, static_cast<unsigned long long>(service.snapshot()->headNumber));
    }

    service.stop();
    CHECK(!service.running());
    CHECK(!std::filesystem::exists(dir));
    CHECK(service.snapshot()->blocks.empty());
    service.stop();   // idempotent

    // A restart begins a fresh chain in a fresh directory: nothing registered, nothing minted.
    service.start();
    CHECK(service.dataDirectory() != dir && !service.dataDirectory().empty());
    CHECK(waitFor([&] { return service.snapshot()->headNumber >= 1; }));
    CHECK(!service.registeredAlveole(ledger::toChecksumAddress(ledger::addressOf(seededKey("test hub r02-a0017")))).has_value());
    CHECK(service.snapshot()->totalSupplyNrg == "1000000.000000000000000000");
    CHECK(service.snapshot()->transactions.empty());
    service.stop();

    if (g_failures) {
        std::fprintf(stderr, "tst_ledgerservice: %d check(s) failed\n", g_failures);
        return 1;
    }
    std::printf("tst_ledgerservice: all checks passed\n");
    return 0;
}
