#pragma once
// The node runtime of one SwarmLedger authority: a Chain (ledger/node), the Clique engine
// (ledger/consensus), the authenticated p2p network (ledger/p2p) and a sealing timer. It seals
// when Clique allows (in turn at the period, out of turn after a random wiggle), imports and
// relays blocks from peers after verifying their headers, syncs missing blocks by number range,
// switches branches by the EIP-3436 rule, and gossips submitted transactions.
//
// Threads: one worker thread owns every chain mutation (sealing, imports, reorgs), the p2p
// thread only decodes and forwards; every public method may be called from any thread (the
// RPC layer and the console call submitRawTransaction/status/propose concurrently).
#include "ledger/consensus/Clique.h"
#include "ledger/node/Chain.h"
#include "ledger/p2p/Network.h"

namespace swarmergy::ledger::authority {

struct AuthorityConfig {
    ChainSetup chain;                        // sealersCheckedByConsensus is forced to true
    consensus::CliqueConfig clique;
    PrivateKey key;                          // this authority's signer and p2p identity
    bool seal = true;                        // false: follow the chain without sealing
    std::string listenHost = "127.0.0.1";
    std::uint16_t listenPort = 0;            // 0: ephemeral (see p2pPort())
    std::vector<p2p::Endpoint> peers;
    std::vector<Address> extraPeers;         // admitted to p2p besides the signers (observers)
    std::size_t maxBlockTransactions = 20'000;
    std::uint64_t txGossipBatchMs = 10;      // submitted transactions are gossiped in batches
    std::string statusFile;                  // when set, rewritten (atomically) on every new head
};

struct AuthorityStatus {
    Address self{};
    std::uint64_t headNumber = 0;
    Hash256 headHash{};
    std::uint64_t headTimestamp = 0;
    std::vector<p2p::PeerInfo> peers;
    std::vector<Address> signers;
    std::map<Address, std::uint64_t> lastSealedBySigner;   // block number, among recent blocks
    std::size_t pendingTransactions = 0;
    std::uint64_t blocksSealed = 0;
    std::uint64_t blocksImported = 0;
    std::uint64_t reorgs = 0;
    std::uint64_t blocksRefused = 0;
    std::string lastRefusal;
    p2p::NetworkStats network;
    std::map<Address, bool> proposals;
    std::string toJson() const;
};

class AuthorityNode {
public:
    explicit AuthorityNode(AuthorityConfig config);   // opens the chain (throws on a bad database)
    ~AuthorityNode();
    AuthorityNode(const AuthorityNode&) = delete;
    AuthorityNode& operator=(const AuthorityNode&) = delete;

    void start();   // binds the p2p port and starts sealing/syncing
    void stop();    // idempotent; the chain stays open (queries still answer)

    Chain& chain() { return *chain_; }
    const Chain& chain() const { return *chain_; }
    Address address() const { return self_; }
    std::uint16_t p2pPort() const;

    // eth_sendRawTransaction: admit to the pool and gossip to the other authorities.
    SubmitResult submitRawTransaction(ByteView raw);
    // Signer votes (clique_propose / clique_discard): cast in the blocks this node seals.
    void propose(const Address& candidate, bool authorize);
    void discard(const Address& candidate);
    std::map<Address, bool> proposals() const { return clique_.proposals(); }
    // True when this node's votes are cast: it seals and is a current Clique signer.
    bool canVote();
    // The Clique signer set in force after block `number` (clique_getSigners), sorted;
    // nullopt when there is no such block. Thread-safe.
    std::optional<std::vector<Address>> signersAt(std::uint64_t number);
    AuthorityStatus status() const;

    p2p::Network& network() { return *network_; }   // tests: partitions (setBlocked), stats

private:
    struct Worker;
    AuthorityConfig config_;
    Address self_{};
    std::unique_ptr<Chain> chain_;
    consensus::Clique clique_;
    std::unique_ptr<p2p::Network> network_;
    std::unique_ptr<Worker> worker_;
};

}  // namespace swarmergy::ledger::authority
