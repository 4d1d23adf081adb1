#pragma once
// What the ledger explorer shows, as plain immutable data: the app's ledger service builds a
// snapshot from the embedded node (at most a few times a second) and the view only reads it.
// Amounts of NRG are decimal strings as well as doubles: balances are 18-decimal integers on
// chain, and a view must be able to show them exactly.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace swarmergy::app {

struct LedgerBlockRow {
    std::uint64_t number = 0;
    std::string hash;             // 0x-prefixed
    std::string sealer;           // authority address
    std::string sealerName;       // "authority-1"
    std::int64_t timestampUtc = 0;
    int transactionCount = 0;
    bool inTurn = true;           // difficulty 2 (in turn) or 1
};

struct LedgerTransactionRow {
    std::string hash;
    std::uint64_t blockNumber = 0;
    std::string from;
    std::string to;
    std::string call;             // decoded, e.g. "transfer(0xab…, 12.5 NRG)"
    std::string events;           // decoded logs, e.g. "Transfer 0xab… → 0xcd… 12.5 NRG"
    bool succeeded = true;
};

struct LedgerAccountRow {
    std::string address;
    std::string label;            // alvéole id, "authority-2", "funded demo account"
    std::string nrgBalance;       // exact decimal, e.g. "12.500000000000000000"
    double nrg = 0;               // the same, for sorting and charts
    std::uint64_t nonce = 0;
};

struct LedgerAuthorityRow {
    std::string address;
    std::string name;
    std::uint64_t lastSealedBlock = 0;
    std::int64_t lastSealedUtc = 0;
    int peers = 0;
    bool online = true;
};

struct LedgerVoteRow {
    std::string candidate;
    bool authorise = true;        // add (true) or remove (false)
    int votes = 0;
    int needed = 0;               // a majority of the current signers
};

struct LedgerSnapshot {
    std::uint64_t chainId = 0;
    std::uint64_t headNumber = 0;
    std::string tokenAddress;
    std::string totalSupplyNrg;
    double blockPeriodSeconds = 1;
    std::uint64_t readingsMinted = 0;       // hub readings that minted NRG
    std::uint64_t settlementIntervals = 0;  // intervals recorded by the Settlement contract
    std::vector<LedgerBlockRow> blocks;             // newest first
    std::vector<LedgerTransactionRow> transactions; // newest first
    std::vector<LedgerAccountRow> accounts;
    std::vector<LedgerAuthorityRow> authorities;
    std::vector<LedgerVoteRow> votes;
};

using LedgerSnapshotPtr = std::shared_ptr<const LedgerSnapshot>;

// What the explorer may ask of the ledger service. Implementations are thread-safe.
class LedgerControl {
public:
    virtual ~LedgerControl() = default;
    // NRG balance of an account over time (block timestamp, balance), oldest first.
    virtual std::vector<std::pair<std::int64_t, double>> nrgHistory(const std::string& address) const = 0;
    // Proposes, as the console's authority, to add or remove a signer. Returns an empty string
    // on success, else why it was refused (not an address, already a signer, ...).
    virtual std::string proposeSignerVote(const std::string& address, bool authorise) = 0;
};

}  // namespace swarmergy::app
