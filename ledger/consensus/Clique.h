#pragma once
// Clique proof of authority (EIP-225, go-ethereum consensus/clique) with the EIP-3436 block
// choice rule. The signer set lives in headers only: genesis and epoch checkpoints list it in
// extraData; in between, signers vote with coinbase (the candidate) and nonce (0xff..ff add,
// 0x00..00 drop); a candidate with votes from more than half the signers is added/removed.
#include "ledger/consensus/ConsensusEngine.h"

#include <map>
#include <mutex>
#include <random>
#include <set>
#include <unordered_map>

namespace swarmergy::ledger::consensus {

struct CliqueConfig {
    std::uint64_t periodSeconds = 5;        // minimum seconds between blocks (demo: 1)
    std::uint64_t epochLength = 1000;       // checkpoint (vote reset, signer list) every N blocks
    std::uint64_t wiggleMsPerSigner = 500;  // out-of-turn delay: random in [0, (N/2+1) * wiggle) as geth
    std::uint64_t maxFutureSeconds = 2;     // refuse headers further than this in the future
};

inline constexpr std::array<std::uint8_t, 8> kNonceAuthorize{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
inline constexpr std::array<std::uint8_t, 8> kNonceDrop{};

struct Vote {
    Address signer{};
    Address candidate{};
    bool authorize = false;
};

struct Tally {
    bool authorize = false;
    int votes = 0;
};

// The Clique state after a block: signers, who signed recently, running votes.
struct Snapshot {
    std::uint64_t number = 0;
    Hash256 hash{};
    std::set<Address> signers;                  // sorted ascending: in-turn order
    std::map<std::uint64_t, Address> recents;   // block number -> signer, the last N/2+1
    std::vector<Vote> votes;
    std::map<Address, Tally> tally;

    std::size_t recentLimit() const { return signers.size() / 2 + 1; }
    bool inTurn(std::uint64_t number, const Address& signer) const;
    // True when `signer` sealed one of the last limit-1 blocks before `number`.
    bool signedRecently(std::uint64_t number, const Address& signer) const;
    std::size_t indexOf(const Address& signer) const;
    // Applies one child header (already linked); throws ConsensusError on a rule violation.
    void apply(const BlockHeader& header, const Address& sealer, std::uint64_t epochLength);
};

class Clique final : public ConsensusEngine {
public:
    explicit Clique(CliqueConfig config = {});
    const CliqueConfig& config() const { return config_; }

    Address author(const BlockHeader& header) const override;
    void verifyHeader(const BlockHeader& header, const HeaderLookup& lookup, std::uint64_t nowSeconds) override;
    SealPlan prepare(const BlockHeader& parent, const Address& signer, const HeaderLookup& lookup, std::uint64_t nowMs) override;
    int compareBranches(const Branch& candidate, const Branch& current, const HeaderLookup& lookup) override;
    std::vector<Address> signersAt(const BlockHeader& header, const HeaderLookup& lookup) override;

    // The snapshot after `header` (walks back to a cached snapshot or a checkpoint).
    Snapshot snapshot(const BlockHeader& header, const HeaderLookup& lookup);

    // This node's signer votes (clique_propose / clique_discard): cast in the blocks it seals
    // until the candidate's state matches the proposal.
    void propose(const Address& candidate, bool authorize);
    void discard(const Address& candidate);
    std::map<Address, bool> proposals() const;

private:
    CliqueConfig config_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, Snapshot> cache_;   // by block hash (bounded)
    std::map<Address, bool> proposals_;
    std::mt19937_64 random_;
    void remember(const Snapshot& snap);
};

}  // namespace swarmergy::ledger::consensus
