#pragma once
// A tiny chain for contract tests: one authority, funded users, the native contracts, and
// helpers that send a call as a real transaction (validation, execution, receipt, state
// applied) or simulate it as eth_call.
#include "ledger/contracts/SwarmergyContracts.h"
#include "tests/ledger/Check.h"

namespace swarmergy::ledger_test {

using namespace swarmergy::ledger;
using namespace swarmergy::ledger::contracts;

struct ContractsFixture {
    ChainConfig config;
    ContractsConfig contractsConfig;
    WorldState world;
    ContractHost host;
    PrivateKey authority = generatePrivateKey();
    PrivateKey alice = generatePrivateKey(), bob = generatePrivateKey(), carol = generatePrivateKey();
    BlockContext ctx;
    std::uint64_t now = 1'782'259'200;   // 2026-06-24T00:00:00Z, a multiple of 900

    explicit ContractsFixture(U256 aliceNrg = U256(1000) , std::shared_ptr<const MintPolicy> policy = nullptr) {
        config.chainId = 2468;
        config.authorities = {addressOf(authority)};
        if (policy) contractsConfig.mintPolicy = std::move(policy);
        contractsConfig.genesisNrg[addressOf(alice)] = aliceNrg;
        installContracts(host, contractsConfig);
        world.apply(genesisContractState(contractsConfig));
        ctx.config = &config;
        ctx.number = 1;
        ctx.timestamp = now;
        ctx.sealer = addressOf(authority);
    }

    Receipt send(const PrivateKey& from, const Address& to, Bytes data, std::uint64_t gas = 2'000'000) {
        Transaction tx;
        tx.chainId = config.chainId;
        tx.nonce = world.account(addressOf(from)).nonce;
        tx.gasLimit = gas;
        tx.to = to;
        tx.data = std::move(data);
        signTransaction(tx, from);
        BlockExecution ex = executeTransactions(world, {SignedTransaction::fromTransaction(tx)}, ctx, host);
        world.apply(ex.changes);
        ++ctx.number;
        return ex.receipts.at(0);
    }

    CallOutcome simulate(const Address& from, const Address& to, Bytes data) {
        CallRequest req;
        req.from = from;
        req.to = to;
        req.data = std::move(data);
        return simulateCall(world, req, ctx, host);
    }

    // Sends a call that must revert with `reason` in its message and leave contract storage
    // unchanged (only the sender's nonce moves). Returns false and prints why otherwise.
    bool reverts(const PrivateKey& from, const Address& to, const Bytes& data, const std::string& reason) {
        const CallOutcome sim = simulate(addressOf(from), to, data);
        if (sim.success || sim.revertReason.find(reason) == std::string::npos) {
            std::printf("  expected revert \"%s\", got %s \"%s\"\n", reason.c_str(), sim.success ? "success" : "revert",
                        sim.revertReason.c_str());
            return false;
        }
        const auto storageBefore = world.allStorage();
        const Receipt r = send(from, to, data);
        if (r.success || !r.logs.empty() || world.allStorage() != storageBefore) {
            std::printf("  revert \"%s\" left a trace (status %d, %zu logs)\n", reason.c_str(), int(r.success), r.logs.size());
            return false;
        }
        return true;
    }

    U256 nrgBalance(const Address& who) {
        return abiWord(view(simulate(who, kNrgToken, call::balanceOf(who)).returnData), 0);
    }
    U256 totalSupply() { return abiWord(view(simulate(Address{}, kNrgToken, call::totalSupply()).returnData), 0); }
};

}  // namespace swarmergy::ledger_test
