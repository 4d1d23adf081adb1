// Transaction validation and execution: value transfers, fees to the sealer, every refusal
// (chain id, EIP-155, nonce/replay, funds, intrinsic gas, creation), reverted and out-of-gas
// calls leaving no trace but the nonce and fee, eth_call, state root and its undo.
#include "ledger/chain/Execution.h"
#include "ledger/chain/Rlp.h"
#include "ledger/chain/Trie.h"

#include <set>
#include "ledger/crypto/Keccak.h"
#include "tests/ledger/Check.h"

using namespace swarmergy::ledger;

namespace {
const Address kProbe = parseAddress("0x000000000000000000000000000000000000beef");

// Writes slot 1 = 7, then reverts if the input's first byte is 1, burns gas if 2, else returns "ok".
class ProbeContract : public NativeContract {
public:
    Bytes call(ExecutionEnv& env) override {
        env.store(env.self(), slotOf(1), U256(7));
        env.emitLog(env.self(), {keccak256(std::string_view("Probe()"))}, {});
        if (!env.input().empty() && env.input()[0] == 1) env.revert("probe says no");
        if (!env.input().empty() && env.input()[0] == 2)
            for (;;) env.chargeGas(1000);
        return Bytes{'o', 'k'};
    }
};

struct Fixture {
    ChainConfig config;
    WorldState world;
    ContractHost host;
    PrivateKey alice = generatePrivateKey();
    Address aliceAddr = addressOf(alice);
    Address bob = addressOf(generatePrivateKey());
    Address sealer = addressOf(generatePrivateKey());
    BlockContext ctx;

    Fixture() {
        config.chainId = 2468;
        config.blockGasLimit = 10'000'000;
        StateChanges genesis;
        genesis.accounts[aliceAddr] = Account{0, U256(1'000'000'000'000ULL)};
        world.apply(genesis);
        host.install(kProbe, std::make_shared<ProbeContract>());
        ctx.number = 1;
        ctx.timestamp = 1000;
        ctx.sealer = sealer;
        ctx.config = &config;
    }

    SignedTransaction tx(std::uint64_t nonce, Address to, U256 value, Bytes data = {}, std::uint64_t gas = 100000,
                         U256 price = U256(0), std::optional<std::uint64_t> chain = 2468, TxType type = TxType::Legacy) {
        Transaction t;
        t.type = type;
        t.chainId = chain;
        t.nonce = nonce;
        t.gasPrice = price;
        t.maxFeePerGas = price;
        t.maxPriorityFeePerGas = price;
        t.gasLimit = gas;
        t.to = to;
        t.value = value;
        t.data = std::move(data);
        signTransaction(t, alice);
        return SignedTransaction::fromTransaction(t);
    }
    std::optional<std::string> check(const SignedTransaction& t) { return validateTransaction(t, world, config, config.blockGasLimit); }
};

// The state root rebuilt from scratch with the reference trie builder (Yellow Paper 4.1),
// to cross-check WorldState's incremental tries.
Hash256 fullStateRoot(const WorldState& world) {
    std::set<Address> present;
    for (const auto& [a, acc] : world.accounts()) present.insert(a);
    for (const auto& [a, slots] : world.allStorage()) present.insert(a);
    TrieEntries accounts;
    for (const Address& a : present) {
        TrieEntries slots;
        if (auto it = world.allStorage().find(a); it != world.allStorage().end())
            for (const auto& [slot, value] : it->second) {
                const Hash256 k = keccak256(view(slot));
                slots[Bytes(k.begin(), k.end())] = rlp::encodeUint(value);
            }
        const Account acc = world.account(a);
        const Hash256 storageRoot = trieRoot(slots), codeHash = keccak256(ByteView{});
        const Hash256 k = keccak256(view(a));
        accounts[Bytes(k.begin(), k.end())] = rlp::encodeList({rlp::encodeUint(acc.nonce), rlp::encodeUint(acc.balance),
                                                               rlp::encodeBytes(view(storageRoot)), rlp::encodeBytes(view(codeHash))});
    }
    return trieRoot(accounts);
}

bool mentions(const std::optional<std::string>& error, const char* words) {
    if (!error) {
        std::printf("  accepted, expected an error with \"%s\"\n", words);
        return false;
    }
    if (error->find(words) == std::string::npos) std::printf("  \"%s\" lacks \"%s\"\n", error->c_str(), words);
    return error->find(words) != std::string::npos;
}
}  // namespace

int main() {
    Fixture f;
    const Hash256 rootBefore = f.world.stateRoot();
    CHECK(rootBefore != emptyTrieRoot());

    // A value transfer with gas price 1: bob gets the value, the sealer the fee (21000 * 1).
    const auto t0 = f.tx(0, f.bob, U256(500), {}, 30000, U256(1));
    CHECK(!f.check(t0));
    BlockExecution ex = executeTransactions(f.world, {t0}, f.ctx, f.host);
    CHECK(ex.receipts.size() == 1 && ex.receipts[0].success && ex.gasUsed == 21000);
    const StateChanges undo = f.world.apply(ex.changes);
    CHECK(f.world.account(f.bob).balance == U256(500));
    CHECK(f.world.account(f.sealer).balance == U256(21000));
    CHECK(f.world.account(f.aliceAddr).balance == U256(1'000'000'000'000ULL - 500 - 21000));
    CHECK(f.world.account(f.aliceAddr).nonce == 1);
    const Hash256 rootAfter = f.world.stateRoot();
    CHECK(rootAfter != rootBefore);
    CHECK(rootAfter == fullStateRoot(f.world) && rootBefore != fullStateRoot(f.world));
    f.world.apply(undo);
    CHECK(f.world.stateRoot() == rootBefore);   // undo restores the exact state
    f.world.apply(ex.changes);
    CHECK(f.world.stateRoot() == rootAfter);

    // Refusals, each with a message naming the rule.
    CHECK(mentions(f.check(t0), "nonce too low"));   // replay of an included transaction
    CHECK(mentions(f.check(f.tx(5, f.bob, U256(1))), "nonce too high"));
    CHECK(mentions(f.check(f.tx(1, f.bob, U256(1), {}, 100000, U256(0), 1)), "wrong chain id"));
    CHECK(mentions(f.check(f.tx(1, f.bob, U256(1), {}, 100000, U256(0), std::nullopt)), "EIP-155"));
    CHECK(mentions(f.check(f.tx(1, f.bob, U256(1), {}, 20999)), "intrinsic gas"));
    CHECK(mentions(f.check(f.tx(1, f.bob, U256(1), Bytes(10, 1), 21100)), "intrinsic gas"));   // 21000 + 160
    CHECK(mentions(f.check(f.tx(1, f.bob, U256(1'000'000'000'000ULL))), "insufficient funds"));
    CHECK(mentions(f.check(f.tx(1, f.bob, U256(0), {}, 30000, U256(100'000'000ULL))), "insufficient funds"));
    CHECK(mentions(f.check(f.tx(1, f.bob, U256(0), {}, 30000, U256::max())), "overflows"));
    CHECK(mentions(f.check(f.tx(1, f.bob, U256(1), {}, 20'000'000)), "block's remaining gas"));
    Transaction create;
    create.chainId = 2468;
    create.nonce = 1;
    create.gasLimit = 100000;
    signTransaction(create, f.alice);
    CHECK(mentions(f.check(SignedTransaction::fromTransaction(create)), "contract creation"));
    CHECK_THROWS(InvalidTransaction, executeTransactions(f.world, {t0}, f.ctx, f.host));

    // A type-2 call to the probe succeeds: storage written, log emitted, output returned.
    const auto okCall = f.tx(1, kProbe, U256(0), {0}, 100000, U256(0), 2468, TxType::DynamicFee);
    ex = executeTransactions(f.world, {okCall}, f.ctx, f.host);
    CHECK(ex.receipts[0].success && ex.receipts[0].logs.size() == 1 && ex.receipts[0].type == TxType::DynamicFee);
    CHECK(ex.receipts[0].bloom.mayContain(view(kProbe)));
    f.world.apply(ex.changes);
    CHECK(f.world.storage(kProbe, slotOf(1)) == U256(7));
    const Hash256 rootWithStorage = f.world.stateRoot();
    CHECK(rootWithStorage == fullStateRoot(f.world));

    // Reverted and out-of-gas calls: status 0, no logs, storage untouched, nonce bumped,
    // fee charged (price 1) on the gas used (all of it when out of gas).
    StateChanges reset;
    reset.storage[{kProbe, slotOf(1)}] = U256(0);
    f.world.apply(reset);
    const U256 balanceBefore = f.world.account(f.aliceAddr).balance;
    const auto reverting = f.tx(2, kProbe, U256(0), {1}, 100000, U256(1));
    const auto burning = f.tx(3, kProbe, U256(0), {2}, 60000, U256(1));
    ex = executeTransactions(f.world, {reverting, burning}, f.ctx, f.host);
    CHECK(!ex.receipts[0].success && ex.receipts[0].logs.empty());
    CHECK(!ex.receipts[1].success && ex.receipts[1].gasUsed == 60000);
    CHECK(ex.receipts[1].cumulativeGasUsed == ex.receipts[0].gasUsed + 60000);
    f.world.apply(ex.changes);
    CHECK(f.world.storage(kProbe, slotOf(1)).isZero());
    CHECK(f.world.account(f.aliceAddr).nonce == 4);
    CHECK(f.world.account(f.aliceAddr).balance == *checkedSub(balanceBefore, U256(ex.gasUsed)));
    CHECK(f.world.stateRoot() != rootWithStorage);
    CHECK(f.world.stateRoot() == fullStateRoot(f.world));

    // eth_call: returns data or the revert reason, and never changes the state.
    const Hash256 rootNow = f.world.stateRoot();
    CallRequest req;
    req.from = f.bob;
    req.to = kProbe;
    req.data = {0};
    CallOutcome out = simulateCall(f.world, req, f.ctx, f.host);
    CHECK(out.success && out.returnData == (Bytes{'o', 'k'}) && out.gasUsed > 21000);
    req.data = {1};
    out = simulateCall(f.world, req, f.ctx, f.host);
    CHECK(!out.success && out.revertReason == "probe says no");
    CHECK_EQ(toHex(view(out.returnData)).substr(0, 10), "0x08c379a0");
    CHECK(f.world.stateRoot() == rootNow && f.world.storage(kProbe, slotOf(1)).isZero());
    return swarmergy::ledger_test::testResult("tst_ledger_execution");
}
