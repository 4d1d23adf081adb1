#pragma once
// The console's embedded SwarmLedger (issue #5, "In the console"): three authority nodes run
// in this process on loopback, like `swarmergy-node devnet` (same seeded demo keys, demo block
// period 1 s), in a fresh data directory under the temporary directory given to the
// constructor. The service is what the views see of the ledger:
//   - app::HubRegistrar: the provisioning wizard's last step (registerHub);
//   - app::LedgerControl: the explorer's NRG history chart and signer votes;
//   - snapshot(): the explorer's immutable LedgerSnapshot;
//   - submitReading / recordSettlement / transferNrg: helpers for the demo;
//   - optionally (setRpcPort before start()), the console authority's open JSON-RPC API on
//     127.0.0.1 (ledger/rpc: the Ethereum methods) plus `swarm_recommendations`, SwarmBrain's
//     household recommendations (issue #7), and any method added with addRpcMethod.
// Plain C++ (no Qt): every public method is thread-safe and answers at once (transactions are
// submitted to the pool, not waited for; receiptStatus() tells when they are sealed).
#include "app/services/HubRegistrar.h"
#include "app/services/LedgerSnapshot.h"

#include "engine/model/Plan.h"
#include "ledger/contracts/MeterReading.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

// The extra-method type of ledger/rpc/RpcDispatcher.h, declared here without Boost.JSON's
// headers (this header is read by every console source, and by lupdate).
namespace boost::json {
class value;
class array;
}  // namespace boost::json
namespace swarmergy::ledger::rpc {
using ExtraMethod = std::function<boost::json::value(const boost::json::array& params)>;
}  // namespace swarmergy::ledger::rpc

namespace swarmergy::ledger::authority {
class AuthorityNode;
}
namespace swarmergy::ledger::consensus {
class Clique;
}

namespace swarmergy::app {

// What a helper submission gave: the transaction hash when the pool accepted it, else why not.
struct LedgerSubmission {
    bool ok = false;
    std::string transactionHash;   // 0x-prefixed
    std::string error;
};

// One line of an interval's settlement (the engine's settlement record), for the Settlement
// contract. NRG amounts are exact decimal strings ("-1.25"); they must balance over the interval.
struct LedgerSettlementRecord {
    std::string alveoleId;         // as registered with registerHub, e.g. "r02-a0017"
    std::int64_t energyWh = 0;     // > 0 exported (sold), < 0 imported (bought)
    std::string priceNrgPerKwh;    // e.g. "0.18"
    std::string amountNrg;         // > 0 the alvéole receives NRG, < 0 it pays
};

class LedgerService final : public HubRegistrar, public LedgerControl {
public:
    static constexpr int kAuthorities = 3;

    // temporaryDirectory: where start() creates its fresh data directory (removed by stop()).
    explicit LedgerService(std::string temporaryDirectory, std::uint64_t blockPeriodSeconds = 1);
    ~LedgerService() override;
    LedgerService(const LedgerService&) = delete;
    LedgerService& operator=(const LedgerService&) = delete;

    // Starts the three authorities (throws std::runtime_error saying what failed); idempotent.
    void start();
    // Stops them and removes the data directory; idempotent. Queries after stop() answer from
    // nothing (an empty snapshot).
    void stop();
    bool running() const;

    std::uint64_t chainId() const;
    std::string fundedAddress() const;               // the funded demo account (EIP-55)
    std::string authorityAddress(int index) const;   // 0-based; index 0 is the console's authority
    std::string dataDirectory() const;               // empty when stopped

    // --- HubRegistrar: a HubRegistry registration signed by the console's authority. The hub
    // is bound to the alvéole's account (the existing one, else a demo account derived from
    // the alvéole id, see alveoleAccount()).
    HubRegistration registerHub(const std::string& address, const std::string& alveole,
                                const std::string& ruche) override;
    // This chain's id and NRGcoin address: what provisioned hubs sign their readings for.
    std::optional<LedgerReadingDomain> readingDomain() const override;
    // The demo account an alvéole's NRG goes to (EIP-55).
    static std::string alveoleAccount(const std::string& alveole);
    // The alvéole a hub is registered to, from an eth_call of hubInfo on the head state.
    std::optional<std::string> registeredAlveole(const std::string& hubAddress) const;

    // --- the demo's simulated Smart Hubs: every simulated alvéole has a hub whose key is
    // derived from its id (the real hubs of the wizard keep theirs on the hub).
    static std::string demoHubAddress(const std::string& alveole);
    HubRegistration registerDemoHub(const std::string& alveole, const std::string& ruche);
    // The reading signed with the alvéole's demo hub key, relayed to NRGcoin.submitReading.
    LedgerSubmission submitDemoReading(const std::string& alveole, std::uint64_t intervalStartUnix,
                                       std::uint64_t exportedWh, std::uint64_t importedWh);

    // --- demo helpers (submitted by the console's authority or the funded account) ---
    LedgerSubmission submitReading(const ledger::MeterReading& reading, const ledger::Signature& hubSignature);
    LedgerSubmission recordSettlement(std::uint64_t intervalStartUnix, const std::vector<LedgerSettlementRecord>& records);
    LedgerSubmission transferNrg(const std::string& toAddress, const std::string& amountNrg);
    // Transactions waiting in the console authority's pool (0 when stopped): for back-pressure.
    std::size_t pendingTransactions() const;
    // nullopt while pending or unknown; else whether the sealed transaction succeeded.
    std::optional<bool> receiptStatus(const std::string& transactionHash) const;
    // Exact NRG balance ("12.500000000000000000") at the head, or nullopt for a bad address.
    std::optional<std::string> nrgBalance(const std::string& address) const;

    // --- LedgerControl ---
    std::vector<std::pair<std::int64_t, double>> nrgHistory(const std::string& address) const override;
    std::string proposeSignerVote(const std::string& address, bool authorise) override;

    // --- open JSON-RPC API (ledger/rpc/README.md) of the console's authority ---
    // Serve it on 127.0.0.1:port from the next start() (0 = any free port); nullopt (the
    // default) = not served. start() throws std::runtime_error naming the port if it cannot bind.
    void setRpcPort(std::optional<std::uint16_t> port);
    // "http://127.0.0.1:PORT" while served, else empty.
    std::string rpcUrl() const;
    // What `swarm_recommendations` (no params) answers: a JSON array of objects {alveole,
    // appliance, suggestedStartUtc, usualStartUtc (Unix seconds), savingCu}; [] without a
    // provider. The provider is called on the RPC server's threads, outside the service's
    // lock: it must be thread-safe and quick (e.g. copy from the latest PlanSnapshotPtr).
    using RecommendationsProvider = std::function<std::vector<model::Recommendation>()>;
    void setRecommendationsProvider(RecommendationsProvider provider);
    // Shorthand: answer this fixed list until the next call (e.g. on each new PlanSnapshot).
    void setRecommendations(std::vector<model::Recommendation> recommendations);
    // An extra JSON-RPC method (see rpc::ExtraMethod for the error mapping), kept across
    // restarts. Throws std::invalid_argument when the name is reserved (eth_, net_, web3_,
    // clique_, rpc.), empty, swarm_recommendations, or already added.
    void addRpcMethod(const std::string& name, ledger::rpc::ExtraMethod handler);
    static constexpr const char* kRecommendationsMethod = "swarm_recommendations";

    // The explorer's view of the chain, built from the console's authority node.
    LedgerSnapshotPtr snapshot() const;

    // An 18-decimal integer (wei, decimal digits) as exact NRG: "12500000000000000000" gives
    // "12.500000000000000000".
    static std::string formatNrg(const std::string& weiDecimal);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace swarmergy::app
