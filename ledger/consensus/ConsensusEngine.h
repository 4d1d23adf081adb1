#pragma once
// The consensus interface of SwarmLedger, shaped like go-ethereum's consensus.Engine: who may
// seal the next block and when (prepare), whether a header from a peer is acceptable
// (verifyHeader), and which of two branches is canonical (compareBranches). Clique (EIP-225)
// implements it in Clique.h; the node runtime (ledger/authority) only talks to this interface.
#include "ledger/chain/Block.h"

#include <functional>
#include <stdexcept>

namespace swarmergy::ledger::consensus {

// A header refused by the consensus rules; the message says which rule and which block.
struct ConsensusError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Where the engine reads past headers: the canonical chain plus any side branch being
// evaluated. Returns nullopt for an unknown hash.
using HeaderLookup = std::function<std::optional<BlockHeader>(const Hash256& hash)>;

// What a signer should do on top of a parent.
struct SealPlan {
    bool allowed = false;            // false: not a signer, or signed too recently
    std::string reason;              // why not, when !allowed
    bool inTurn = false;             // difficulty 2 (else 1)
    std::uint64_t timestamp = 0;     // header timestamp (seconds)
    std::uint64_t delayMs = 0;       // wait this long from `nowMs` before sealing (period + wiggle)
    Address coinbase{};              // vote target, zero when not voting
    std::array<std::uint8_t, 8> nonce{};
    std::vector<Address> checkpointSigners;   // non-empty on epoch checkpoints
};

// One side of a fork: the headers above the common ancestor, oldest first.
struct Branch {
    std::vector<BlockHeader> headers;
};

class ConsensusEngine {
public:
    virtual ~ConsensusEngine() = default;
    // The address that sealed a header (throws ConsensusError if the seal is invalid).
    virtual Address author(const BlockHeader& header) const = 0;
    // Full consensus check of `header` whose parent is `parent` (found through `lookup`);
    // `nowSeconds` bounds timestamps from the future. Throws ConsensusError.
    virtual void verifyHeader(const BlockHeader& header, const HeaderLookup& lookup, std::uint64_t nowSeconds) = 0;
    // Plan the block `signer` could seal on top of `parent` at `nowMs` (Unix milliseconds).
    virtual SealPlan prepare(const BlockHeader& parent, const Address& signer, const HeaderLookup& lookup,
                             std::uint64_t nowMs) = 0;
    // > 0 when `candidate` should replace `current` (both above the same ancestor), < 0 when
    // not, 0 only for identical branches. Deterministic: every node picks the same branch.
    virtual int compareBranches(const Branch& candidate, const Branch& current, const HeaderLookup& lookup) = 0;
    // The signer set in force after `header` (for status, p2p admission and tests).
    virtual std::vector<Address> signersAt(const BlockHeader& header, const HeaderLookup& lookup) = 0;
};

}  // namespace swarmergy::ledger::consensus
