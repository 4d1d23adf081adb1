// U256: byte and text round trips, checked arithmetic refusing overflow and underflow.
#include "ledger/crypto/U256.h"
#include "tests/ledger/Check.h"

using namespace swarmergy::ledger;

int main() {
    const U256 max = U256::max();
    CHECK_EQ(max.toDecimal(), "115792089237316195423570985008687907853269984665640564039457584007913129639935");
    CHECK(U256::fromDecimal(max.toDecimal()) == max);
    CHECK_THROWS(DecodeError, U256::fromDecimal("115792089237316195423570985008687907853269984665640564039457584007913129639936"));
    CHECK_THROWS(DecodeError, U256::fromDecimal("12a"));
    CHECK_EQ(U256(0).toHexQuantity(), "0x0");
    CHECK_EQ(U256(26).toHexQuantity(), "0x1a");
    CHECK(U256::fromHexQuantity("0x1a") == U256(26));
    CHECK(U256::fromHexQuantity("0xde0b6b3a7640000") == U256(1000000000000000000ULL));
    CHECK_THROWS(DecodeError, U256::fromHexQuantity("1a"));
    CHECK(U256(0).toMinimalBigEndian().empty());
    CHECK((U256(0x1234).toMinimalBigEndian() == Bytes{0x12, 0x34}));
    CHECK_THROWS(DecodeError, U256::fromBigEndian(view(Bytes(33, 1))));

    // Checked arithmetic: carries across limbs, and nullopt instead of wrapping.
    const U256 lowAll = U256(~0ULL);
    const auto carried = checkedAdd(lowAll, U256(1));
    CHECK(carried && carried->toHexQuantity() == "0x10000000000000000");
    CHECK(!checkedAdd(max, U256(1)));
    CHECK(!checkedSub(U256(1), U256(2)));
    CHECK(checkedSub(*carried, U256(1)) == lowAll);
    CHECK(*checkedSub(max, max) == U256(0));
    const U256 tenPow18 = U256(1000000000000000000ULL);
    const auto big = checkedMul(tenPow18, tenPow18);
    CHECK(big && big->toDecimal() == "1000000000000000000000000000000000000");
    CHECK(!checkedMul(max, U256(2)));
    CHECK(checkedMul(max, U256(1)) == max);
    CHECK(U256(5) < U256(7) && U256::fromLimbs({0, 1, 0, 0}) > lowAll);

    // Shifts and bits (the reading window bitmap).
    CHECK(U256(1).shiftedLeft(64) == U256::fromLimbs({0, 1, 0, 0}));
    CHECK(U256(3).shiftedLeft(63) == U256::fromLimbs({1ULL << 63, 1, 0, 0}));
    CHECK(U256(1).shiftedLeft(255).testBit(255) && U256(1).shiftedLeft(256).isZero());
    CHECK(U256(5).shiftedLeft(0) == U256(5));
    CHECK(U256().withBit(200).testBit(200) && !U256().withBit(200).testBit(199) && !U256(1).testBit(256));
    CHECK(U256::max().shiftedLeft(130).bitLength() == 256 && !U256::max().shiftedLeft(130).testBit(129));

    // Two's complement for ABI int256.
    const U256 minusOne = U256(1).negateTwos();
    CHECK(minusOne == max && minusOne.isNegativeTwos());
    CHECK(minusOne.negateTwos() == U256(1));
    return swarmergy::ledger_test::testResult("tst_ledger_u256");
}
