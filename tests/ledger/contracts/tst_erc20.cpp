// NRGcoin as an ERC-20, rule by rule: metadata, balances, transfer (events, zero address,
// insufficient balance, self transfer), approve/allowance/transferFrom (insufficient
// allowance, infinite allowance), non-payable, unknown selector, malformed arguments.
#include "tests/ledger/contracts/ContractsFixture.h"

#include <cstring>

using namespace swarmergy::ledger_test;

namespace {
Address topicAddress(const Hash256& t) {
    Address a{};
    std::memcpy(a.data(), t.data() + 12, 20);
    return a;
}
}  // namespace

int main() {
    ContractsFixture f(U256(1000));
    const Address alice = addressOf(f.alice), bob = addressOf(f.bob), carol = addressOf(f.carol);

    // Metadata.
    CHECK_EQ(AbiReader(view(f.simulate(bob, kNrgToken, call::name()).returnData)).string(0), "NRGcoin");
    CHECK_EQ(AbiReader(view(f.simulate(bob, kNrgToken, call::symbol()).returnData)).string(0), "NRG");
    CHECK(abiWord(view(f.simulate(bob, kNrgToken, call::decimals()).returnData), 0) == U256(18));
    CHECK(f.totalSupply() == U256(1000));
    CHECK(f.nrgBalance(alice) == U256(1000) && f.nrgBalance(bob).isZero());

    // transfer: balances move, Transfer(from, to, value) with the standard topics, returns true.
    Receipt r = f.send(f.alice, kNrgToken, call::transfer(bob, U256(300)));
    CHECK(r.success && r.logs.size() == 1);
    const Log& log = r.logs.at(0);
    CHECK(log.address == kNrgToken && log.topics.size() == 3 && log.topics[0] == topic::transfer());
    CHECK(topicAddress(log.topics[1]) == alice && topicAddress(log.topics[2]) == bob);
    CHECK(abiWord(view(log.data), 0) == U256(300));
    CHECK(r.bloom.mayContain(view(kNrgToken)) && r.bloom.mayContain(view(topic::transfer())));
    CHECK(f.nrgBalance(alice) == U256(700) && f.nrgBalance(bob) == U256(300) && f.totalSupply() == U256(1000));
    CHECK(abiWord(view(f.simulate(alice, kNrgToken, call::transfer(bob, U256(1))).returnData), 0) == U256(1));

    // Exact revert rules; nothing moves.
    CHECK(f.reverts(f.alice, kNrgToken, call::transfer(bob, U256(701)), "ERC20: transfer amount exceeds balance"));
    CHECK(f.reverts(f.alice, kNrgToken, call::transfer(Address{}, U256(1)), "ERC20: transfer to the zero address"));
    CHECK(f.reverts(f.carol, kNrgToken, call::transfer(bob, U256(1)), "exceeds balance"));
    // The whole balance and zero amounts are fine; a self transfer keeps the balance.
    CHECK(f.send(f.bob, kNrgToken, call::transfer(carol, U256(300))).success);
    CHECK(f.nrgBalance(bob).isZero() && f.nrgBalance(carol) == U256(300));
    CHECK(f.send(f.bob, kNrgToken, call::transfer(carol, U256(0))).success);
    CHECK(f.send(f.carol, kNrgToken, call::transfer(carol, U256(100))).success);
    CHECK(f.nrgBalance(carol) == U256(300));

    // approve: Approval event, allowance readable, zero spender refused.
    r = f.send(f.alice, kNrgToken, call::approve(bob, U256(250)));
    CHECK(r.success && r.logs.size() == 1 && r.logs[0].topics[0] == topic::approval());
    CHECK(topicAddress(r.logs[0].topics[1]) == alice && topicAddress(r.logs[0].topics[2]) == bob);
    CHECK(abiWord(view(f.simulate(carol, kNrgToken, call::allowance(alice, bob)).returnData), 0) == U256(250));
    CHECK(f.reverts(f.alice, kNrgToken, call::approve(Address{}, U256(1)), "ERC20: approve to the zero address"));

    // transferFrom: spends the allowance; more than allowed or than the balance reverts.
    CHECK(f.reverts(f.bob, kNrgToken, call::transferFrom(alice, carol, U256(251)), "ERC20: insufficient allowance"));
    CHECK(f.reverts(f.carol, kNrgToken, call::transferFrom(alice, carol, U256(1)), "ERC20: insufficient allowance"));
    r = f.send(f.bob, kNrgToken, call::transferFrom(alice, carol, U256(200)));
    CHECK(r.success && r.logs.size() == 1 && r.logs[0].topics[0] == topic::transfer());
    CHECK(topicAddress(r.logs[0].topics[1]) == alice && topicAddress(r.logs[0].topics[2]) == carol);
    CHECK(abiWord(view(f.simulate(carol, kNrgToken, call::allowance(alice, bob)).returnData), 0) == U256(50));
    CHECK(f.nrgBalance(alice) == U256(500) && f.nrgBalance(carol) == U256(500));
    CHECK(f.reverts(f.bob, kNrgToken, call::transferFrom(alice, Address{}, U256(10)), "ERC20: transfer to the zero address"));
    // Allowance larger than the balance: the balance rule applies.
    CHECK(f.send(f.alice, kNrgToken, call::approve(bob, U256(10000))).success);
    CHECK(f.reverts(f.bob, kNrgToken, call::transferFrom(alice, bob, U256(501)), "ERC20: transfer amount exceeds balance"));
    // An infinite allowance is not decreased.
    CHECK(f.send(f.alice, kNrgToken, call::approve(bob, U256::max())).success);
    CHECK(f.send(f.bob, kNrgToken, call::transferFrom(alice, bob, U256(100))).success);
    CHECK(abiWord(view(f.simulate(carol, kNrgToken, call::allowance(alice, bob)).returnData), 0) == U256::max());
    CHECK(f.totalSupply() == U256(1000));

    // Calls the token refuses.
    CHECK(f.reverts(f.alice, kNrgToken, Bytes{0x12, 0x34, 0x56, 0x78}, "unknown function selector 0x12345678"));
    CHECK(f.reverts(f.alice, kNrgToken, Bytes{0xa9, 0x05}, "no function selector"));
    Bytes shortArgs = call::transfer(bob, U256(1));
    shortArgs.resize(40);
    CHECK(f.reverts(f.alice, kNrgToken, shortArgs, "invalid arguments"));
    Bytes dirtyAddress = call::transfer(bob, U256(1));
    dirtyAddress[4] = 0xff;
    CHECK(f.reverts(f.alice, kNrgToken, dirtyAddress, "dirty high bytes"));
    CallRequest paying;
    paying.from = alice;
    paying.to = kNrgToken;
    paying.value = U256(1);
    paying.data = call::totalSupply();
    StateChanges fund;
    fund.accounts[alice] = Account{f.world.account(alice).nonce, U256(10)};
    f.world.apply(fund);
    const CallOutcome payable = simulateCall(f.world, paying, f.ctx, f.host);
    CHECK(!payable.success && payable.revertReason.find("not payable") != std::string::npos);
    return swarmergy::ledger_test::testResult("tst_ledger_erc20");
}
