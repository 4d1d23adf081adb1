#pragma once
// What the JSON-RPC layer needs from a ledger node: a small interface so the same RPC server
// runs over a single-process Chain (ChainNodeApi, tests and the dev harness) and over the
// authority runtime of ledger/authority (which also gossips submitted transactions).
// Every method may be called concurrently from several RPC threads.
#include "ledger/node/Chain.h"

#include <map>
#include <optional>
#include <string>

namespace swarmergy::ledger::rpc {

class NodeApi {
public:
    virtual ~NodeApi() = default;

    virtual std::uint64_t chainId() const = 0;
    virtual std::string clientVersion() const = 0;          // web3_clientVersion
    virtual std::size_t peerCount() const { return 0; }      // net_peerCount

    // --- blocks and state (state queries answer the head state: there is no archive) ---
    virtual std::uint64_t headNumber() const = 0;
    virtual std::optional<Block> blockByNumber(std::uint64_t number) const = 0;
    virtual std::optional<Block> blockByHash(const Hash256& hash) const = 0;
    virtual Account account(const Address& address) const = 0;
    virtual std::uint64_t pendingNonce(const Address& address) const = 0;
    virtual U256 storageAt(const Address& address, const Hash256& slot) const = 0;
    // Non-empty for a native contract address (ethers and web3 check eth_getCode before
    // treating an address as a contract), empty for any other account.
    virtual Bytes code(const Address& address) const = 0;

    // --- execution ---
    virtual CallOutcome call(const CallRequest& request) const = 0;
    // eth_sendRawTransaction: admit to the pool (and, for a networked node, gossip it).
    virtual SubmitResult submitRawTransaction(ByteView raw) = 0;

    // --- transactions, receipts, logs ---
    virtual std::optional<TransactionLookup> transactionByHash(const Hash256& hash) const = 0;
    virtual std::optional<SignedTransaction> pendingTransaction(const Hash256& hash) const = 0;
    virtual std::optional<ReceiptLookup> receiptByHash(const Hash256& hash) const = 0;
    virtual std::vector<LogEntry> logs(const LogFilter& filter) const = 0;

    // --- fees (base fee is always 0 on SwarmLedger) ---
    virtual U256 gasPriceWei() const = 0;                    // eth_gasPrice
    virtual U256 maxPriorityFeePerGasWei() const = 0;        // eth_maxPriorityFeePerGas

    // --- Clique signer votes (clique_*; geth's API). A node without the consensus layer
    // keeps these defaults: -32601 "does not exist/is not available", as geth without the
    // clique API. An implementation refuses with RpcError (e.g. -32000 for a node that is
    // not an authority). ---
    // The signer set in force after block `number`, sorted; nullopt for an unknown block.
    virtual std::optional<std::vector<Address>> cliqueSigners(std::uint64_t number) const;
    // This node's open proposals: candidate -> authorize (true) or drop (false).
    virtual std::map<Address, bool> cliqueProposals() const;
    virtual void cliquePropose(const Address& candidate, bool authorize);
    virtual void cliqueDiscard(const Address& candidate);
};

// Marker "bytecode" reported by eth_getCode for native contracts: 0xfe is EVM's INVALID
// opcode, so the code is non-empty (clients see a contract) yet could never run on an EVM.
Bytes nativeContractCode();

// NodeApi over one ledger::Chain (single node: a submitted transaction only enters its pool).
class ChainNodeApi : public NodeApi {
public:
    struct Options {
        std::string clientVersion = "SwarmLedger/v0.1.0/linux/c++20";
        U256 gasPriceWei = U256(0);          // fees are 0 by default on the cooperative chain
        U256 maxPriorityFeePerGasWei = U256(0);
    };
    explicit ChainNodeApi(Chain& chain) : ChainNodeApi(chain, Options{}) {}
    ChainNodeApi(Chain& chain, Options options) : chain_(chain), options_(std::move(options)) {}

    std::uint64_t chainId() const override { return chain_.config().chainId; }
    std::string clientVersion() const override { return options_.clientVersion; }
    std::uint64_t headNumber() const override { return chain_.headNumber(); }
    std::optional<Block> blockByNumber(std::uint64_t number) const override { return chain_.blockByNumber(number); }
    std::optional<Block> blockByHash(const Hash256& hash) const override { return chain_.blockByHash(hash); }
    Account account(const Address& address) const override { return chain_.account(address); }
    std::uint64_t pendingNonce(const Address& address) const override { return chain_.pendingNonce(address); }
    U256 storageAt(const Address& address, const Hash256& slot) const override { return chain_.storageAt(address, slot); }
    Bytes code(const Address& address) const override;
    CallOutcome call(const CallRequest& request) const override { return chain_.call(request); }
    SubmitResult submitRawTransaction(ByteView raw) override { return chain_.submitRawTransaction(raw); }
    std::optional<TransactionLookup> transactionByHash(const Hash256& hash) const override {
        return chain_.transactionByHash(hash);
    }
    std::optional<SignedTransaction> pendingTransaction(const Hash256& hash) const override {
        return chain_.pendingTransaction(hash);
    }
    std::optional<ReceiptLookup> receiptByHash(const Hash256& hash) const override { return chain_.receiptByHash(hash); }
    std::vector<LogEntry> logs(const LogFilter& filter) const override { return chain_.logs(filter); }
    U256 gasPriceWei() const override { return options_.gasPriceWei; }
    U256 maxPriorityFeePerGasWei() const override { return options_.maxPriorityFeePerGasWei; }

private:
    Chain& chain_;
    Options options_;
};

}  // namespace swarmergy::ledger::rpc
