// Malformed calldata never crashes a contract: every selector of the three contracts with
// random, truncated or oversized arguments (and random selectors) gives a success or a revert
// with a reason, through eth_call and through real transactions, and the ERC-20 total supply
// never changes by such calls.
#include "tests/ledger/contracts/ContractsFixture.h"

#include <random>

using namespace swarmergy::ledger_test;

int main() {
    ContractsFixture f(U256(1'000'000));
    std::mt19937 rng(7);
    const std::vector<std::pair<Address, const char*>> functions = {
        {kNrgToken, "transfer(address,uint256)"}, {kNrgToken, "approve(address,uint256)"},
        {kNrgToken, "transferFrom(address,address,uint256)"}, {kNrgToken, "balanceOf(address)"},
        {kNrgToken, "allowance(address,address)"}, {kNrgToken, "submitReading(address,uint64,uint64,uint64,bytes)"},
        {kNrgToken, "readingRecorded(address,uint64)"}, {kNrgToken, "name()"},
        {kHubRegistry, "registerHub(address,bytes32,bytes32,address)"}, {kHubRegistry, "revokeHub(address)"},
        {kHubRegistry, "hubInfo(address)"}, {kHubRegistry, "accountOf(bytes32)"},
        {kSettlement, "recordSettlement(uint64,bytes32[],int256[],uint256[],int256[])"},
        {kSettlement, "isSettled(uint64)"}, {kSettlement, "settlementOf(uint64,bytes32)"}};
    const U256 supply = f.totalSupply();
    int successes = 0, reverts = 0;
    for (int i = 0; i < 6000; ++i) {
        const auto& [to, signature] = functions[rng() % functions.size()];
        const Selector sel = selectorOf(signature);
        Bytes data(sel.begin(), sel.end());
        const std::size_t words = rng() % 12;
        for (std::size_t w = 0; w < words; ++w) {
            std::array<std::uint8_t, 32> word{};
            switch (rng() % 4) {
            case 0: word[31] = static_cast<std::uint8_t>(rng() % 256); break;                       // small number / offset
            case 1: for (auto& b : word) b = static_cast<std::uint8_t>(rng()); break;               // anything
            case 2: word[30] = static_cast<std::uint8_t>(rng() % 3); word[31] = 0x20; break;      // plausible offset
            default: for (int b = 12; b < 32; ++b) word[b] = static_cast<std::uint8_t>(rng()); // address-like
            }
            data.insert(data.end(), word.begin(), word.end());
        }
        if (rng() % 5 == 0 && !data.empty()) data.resize(rng() % data.size());   // truncated
        if (rng() % 20 == 0) data[0] ^= 0xff;                                   // unknown selector
        const Address from = rng() % 3 == 0 ? addressOf(f.authority) : addressOf(f.alice);
        const CallOutcome out = f.simulate(from, to, data);
        if (out.success) ++successes;
        else if (!out.revertReason.empty()) ++reverts;
        else {
            std::printf("FAIL call without result or reason: %s\n", toHex(view(data)).c_str());
            ++swarmergy::ledger_test::failures;
        }
        if (i % 20 == 0) f.send(rng() % 3 == 0 ? f.authority : f.alice, to, data);   // the same through a transaction
    }
    std::printf("  %d calls succeeded, %d reverted with a reason\n", successes, reverts);
    CHECK(successes > 0 && reverts > 0);
    CHECK(f.totalSupply() == supply);   // random transfers move NRG but never create it
    return swarmergy::ledger_test::testResult("tst_ledger_calldata");
}
