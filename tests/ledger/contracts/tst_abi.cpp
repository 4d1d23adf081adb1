// ABI encoding against ethers 6's Interface.encodeFunctionData, the selectors of DOMAIN.md,
// and strict decoding (dirty bits, bad offsets, short data).
#include "ledger/contracts/SwarmergyContracts.h"
#include "tests/ledger/Check.h"

using namespace swarmergy::ledger;
using namespace swarmergy::ledger::contracts;

namespace {
std::string sel(std::string_view sig) { return toHex(view(selectorOf(sig))); }
}  // namespace

int main() {
    // ERC-20 selectors and event topics as listed in DOMAIN.md.
    CHECK_EQ(sel("totalSupply()"), "0x18160ddd");
    CHECK_EQ(sel("balanceOf(address)"), "0x70a08231");
    CHECK_EQ(sel("transfer(address,uint256)"), "0xa9059cbb");
    CHECK_EQ(sel("transferFrom(address,address,uint256)"), "0x23b872dd");
    CHECK_EQ(sel("approve(address,uint256)"), "0x095ea7b3");
    CHECK_EQ(sel("allowance(address,address)"), "0xdd62ed3e");
    CHECK_EQ(sel("name()"), "0x06fdde03");
    CHECK_EQ(sel("symbol()"), "0x95d89b41");
    CHECK_EQ(sel("decimals()"), "0x313ce567");
    CHECK_EQ(toHex(view(topic::transfer())), "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");
    CHECK_EQ(toHex(view(topic::approval())), "0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925");

    // Dynamic arrays with negative int256 and bytes32 ids, byte for byte as ethers encodes them.
    const U256 price(200000000000000000ULL);
    const std::vector<SettlementEntry> entries = {
        {idFromString("a-0001"), SignedAmount::of(-1500), price, SignedAmount::of(-300000000000000000LL)},
        {idFromString("a-0002"), SignedAmount::of(1500), price, SignedAmount::of(300000000000000000LL)}};
    CHECK_EQ(toHex(view(call::recordSettlement(1782258300, entries))),
             "0xdc6f4444000000000000000000000000000000000000000000000000000000006a3b1a7c00000000000000000000000000000000000000000000000000000000000000a00000000000000000000000000000000000000000000000000000000000000100000000000000000000000000000000000000000000000000000000000000016000000000000000000000000000000000000000000000000000000000000001c00000000000000000000000000000000000000000000000000000000000000002612d303030310000000000000000000000000000000000000000000000000000612d3030303200000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000002fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa2400000000000000000000000000000000000000000000000000000000000005dc000000000000000000000000000000000000000000000000000000000000000200000000000000000000000000000000000000000000000002c68af0bb14000000000000000000000000000000000000000000000000000002c68af0bb1400000000000000000000000000000000000000000000000000000000000000000002fffffffffffffffffffffffffffffffffffffffffffffffffbd62f96e76200000000000000000000000000000000000000000000000000000429d069189e0000");
    // A bytes argument padded to whole words (65 bytes -> 96).
    Signature sig;
    sig.r.fill(0x11);
    sig.s.fill(0x11);
    sig.recoveryId = 0x11;
    MeterReading reading{parseAddress("0xabababababababababababababababababababab"), 1782258300, 1234, 56};
    CHECK_EQ(toHex(view(call::submitReading(reading, sig))),
             "0x3af05ef3000000000000000000000000abababababababababababababababababababab000000000000000000000000000000000000000000000000000000006a3b1a7c00000000000000000000000000000000000000000000000000000000000004d2000000000000000000000000000000000000000000000000000000000000003800000000000000000000000000000000000000000000000000000000000000a00000000000000000000000000000000000000000000000000000000000000041111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111100000000000000000000000000000000000000000000000000000000000000");

    // Decoding what we encode.
    const Bytes args = AbiWriter().string("NRGcoin").uint(U256(7)).bytes32Array({idFromString("x")}).address(reading.hub).finish();
    AbiReader r(view(args));
    CHECK_EQ(r.string(0), "NRGcoin");
    CHECK(r.uint(1) == U256(7) && r.uint64(1) == 7);
    CHECK(r.bytes32Array(2).size() == 1 && idToString(r.bytes32Array(2)[0]) == "x");
    CHECK(r.address(3) == reading.hub);
    const auto amounts = AbiReader(view(call::recordSettlement(1782258300, entries)).subspan(4)).uintArray(4);
    CHECK(SignedAmount::fromTwos(amounts[0]).negative && SignedAmount::fromTwos(amounts[0]).magnitude == U256(300000000000000000ULL));

    // Strictness.
    Bytes dirty = AbiWriter().address(reading.hub).finish();
    dirty[0] = 1;
    CHECK_THROWS(AbiError, AbiReader(view(dirty)).address(0));
    CHECK_THROWS(AbiError, AbiReader(view(AbiWriter().uint(U256(2)).finish())).boolean(0));
    CHECK_THROWS(AbiError, AbiReader(view(AbiWriter().uint(U256::max()).finish())).uint64(0));
    CHECK_THROWS(AbiError, AbiReader(view(Bytes(31, 0))).uint(0));
    CHECK_THROWS(AbiError, AbiReader(view(AbiWriter().uint(U256(1) ).finish())).string(0));          // offset 1, no length word
    CHECK_THROWS(AbiError, AbiReader(view(AbiWriter().uint(U256::max()).finish())).bytes(0));        // offset far away
    Bytes longString = AbiWriter().string("abc").finish();
    longString[63] = 200;                                                                            // length beyond data
    CHECK_THROWS(AbiError, AbiReader(view(longString)).string(0));
    Bytes longArray = AbiWriter().uintArray({U256(1)}).finish();
    longArray[63] = 3;
    CHECK_THROWS(AbiError, AbiReader(view(longArray)).uintArray(0));
    CHECK_THROWS(std::invalid_argument, idFromString(std::string(33, 'a')));
    CHECK_THROWS(std::invalid_argument, idFromString(""));
    return swarmergy::ledger_test::testResult("tst_ledger_abi");
}
