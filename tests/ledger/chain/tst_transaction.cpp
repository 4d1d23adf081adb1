// Transactions: the EIP-155 example of the EIP text (signing hash, signed RLP, hash), a type-2
// transaction with an access list signed by ethers 6 (bytes and hash must match exactly),
// sender recovery, and refusal of malformed, high-s and unknown-type inputs.
#include "ledger/chain/Rlp.h"
#include "ledger/chain/Transaction.h"
#include "ledger/crypto/Keccak.h"
#include "tests/ledger/Check.h"

using namespace swarmergy::ledger;

namespace {
const char* kEip155Signed =
    "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe5375"
    "67866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83";
const char* kType2Signed =
    "0x02f8ea8209a4078459682f0084b2d05e0082ea6094000000000000000000000000000000000000100180b844a9059cbb00000000000000000000"
    "000035353535353535353535353535353535353535350000000000000000000000000000000000000000000000000de0b6b3a7640000f838f794"
    "1212121212121212121212121212121212121212e1a0000000000000000000000000000000000000000000000000000000000000000101a0c697"
    "9504ad3cc6d9779b66d808fc51f1d33c837d55c1a13cb4b273e93698938ca02b33b76ef0401ef52268755138a1fce62a970849c67c74952865d0"
    "561773234f";
const U256 kOrder = U256::fromHexQuantity("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
}  // namespace

int main() {
    const PrivateKey key = privateKeyFromBytes(view(fromHex("4646464646464646464646464646464646464646464646464646464646464646")));
    const Address signer = addressOf(key);

    // EIP-155 example: nonce 9, gasPrice 20 gwei, gas 21000, to 0x3535..35, value 1 ether, chain 1.
    Transaction legacy;
    legacy.chainId = 1;
    legacy.nonce = 9;
    legacy.gasPrice = U256(20000000000ULL);
    legacy.gasLimit = 21000;
    legacy.to = parseAddress("0x3535353535353535353535353535353535353535");
    legacy.value = U256(1000000000000000000ULL);
    CHECK_EQ(toHex(view(legacy.signingHash())), "0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53");
    signTransaction(legacy, key);
    CHECK_EQ(toHex(view(legacy.encode())), std::string(kEip155Signed));
    CHECK(legacy.legacyV() == U256(37));
    CHECK_EQ(toHex(view(legacy.hash())), "0x33469b22e9f636356c4160a87eb19df52b7412e8eac32a4a55ffe88ea8350788");
    const SignedTransaction decodedLegacy = SignedTransaction::fromRaw(view(fromHex(kEip155Signed)));
    CHECK(decodedLegacy.sender == signer);
    CHECK(decodedLegacy.tx.chainId == std::optional<std::uint64_t>(1));
    CHECK(decodedLegacy.hash == legacy.hash());

    // Type 2 with an access list, chain 2468 (bytes from ethers 6 Wallet.signTransaction).
    Transaction t2;
    t2.type = TxType::DynamicFee;
    t2.chainId = 2468;
    t2.nonce = 7;
    t2.maxPriorityFeePerGas = U256(1500000000ULL);
    t2.maxFeePerGas = U256(3000000000ULL);
    t2.gasLimit = 60000;
    t2.to = parseAddress("0x0000000000000000000000000000000000001001");
    t2.data = fromHex("a9059cbb0000000000000000000000003535353535353535353535353535353535353535"
                      "0000000000000000000000000000000000000000000000000de0b6b3a7640000");
    Hash256 slot1{};
    slot1[31] = 1;
    t2.accessList = {AccessListEntry{parseAddress("0x1212121212121212121212121212121212121212"), {slot1}}};
    CHECK_EQ(toHex(view(t2.signingHash())), "0xc89f6fcaa225954bf5230954240845493593281d552f71582caa43c1d71843c8");
    signTransaction(t2, key);
    CHECK_EQ(toHex(view(t2.encode())), std::string(kType2Signed));
    CHECK_EQ(toHex(view(t2.hash())), "0xa2370572dca4627e305d31ef2fe91272ed2f4ed9850bc5fe3a67617e28a5a32d");
    const SignedTransaction decoded2 = SignedTransaction::fromRaw(view(fromHex(kType2Signed)));
    CHECK(decoded2.sender == signer && decoded2.tx.accessList == t2.accessList && decoded2.tx.data == t2.data);
    CHECK(decoded2.tx.effectiveGasPrice(U256(0)) == U256(1500000000ULL));

    // Pre-EIP-155 legacy decodes with no chain id (validation refuses it later).
    Transaction old = legacy;
    old.chainId.reset();
    signTransaction(old, key);
    const auto oldDecoded = SignedTransaction::fromRaw(view(old.encode()));
    CHECK(!oldDecoded.tx.chainId && oldDecoded.sender == signer);

    // High s (the malleable twin) is refused even though ECDSA would accept it.
    Transaction high = legacy;
    high.signature.s = checkedSub(kOrder, U256::fromBigEndian(view(legacy.signature.s)))->toBigEndian();
    high.signature.recoveryId ^= 1;
    CHECK_THROWS(DecodeError, SignedTransaction::fromRaw(view(high.encode())));
    // A tampered field makes the signature recover someone else (or nobody).
    Bytes tampered = fromHex(kEip155Signed);
    tampered[3] ^= 1;   // inside gasPrice
    try {
        CHECK(SignedTransaction::fromRaw(view(tampered)).sender != signer);
    } catch (const DecodeError&) {
    }

    // Malformed inputs: each a DecodeError, never a crash.
    const Bytes signed2 = fromHex(kType2Signed);
    CHECK_THROWS(DecodeError, decodeTransaction({}));
    CHECK_THROWS(DecodeError, decodeTransaction(view(Bytes{0x01, 0xc0})));                 // type 1 unsupported
    CHECK_THROWS(DecodeError, decodeTransaction(view(Bytes{0x03, 0xc0})));
    CHECK_THROWS(DecodeError, decodeTransaction(ByteView(signed2.data(), signed2.size() - 1)));
    CHECK_THROWS(DecodeError, decodeTransaction(view(rlp::encodeList({rlp::encodeUint(std::uint64_t{1})}))));
    Bytes trailing = fromHex(kEip155Signed);
    trailing.push_back(0);
    CHECK_THROWS(DecodeError, decodeTransaction(view(trailing)));
    // v = 29 is neither 27/28 nor EIP-155.
    Transaction badV = legacy;
    auto fields = std::vector<Bytes>{rlp::encodeUint(legacy.nonce), rlp::encodeUint(legacy.gasPrice), rlp::encodeUint(legacy.gasLimit),
                                     rlp::encodeAddress(legacy.to), rlp::encodeUint(legacy.value), rlp::encodeBytes({}),
                                     rlp::encodeUint(std::uint64_t{29}), rlp::encodeBytes(view(legacy.signature.r)),
                                     rlp::encodeBytes(view(legacy.signature.s))};
    CHECK_THROWS(DecodeError, decodeTransaction(view(rlp::encodeList(fields))));
    // Every truncation of a valid transaction is refused.
    for (std::size_t n = 0; n < signed2.size(); ++n)
        CHECK_THROWS(DecodeError, SignedTransaction::fromRaw(ByteView(signed2.data(), n)));
    return swarmergy::ledger_test::testResult("tst_ledger_transaction");
}
