// Malformed input never crashes the decoders: random bytes and mutations of valid encodings
// (bit flips, truncations, insertions) fed to the transaction, block, header and receipt
// decoders either decode to something that re-encodes to the same bytes, or throw DecodeError.
#include "ledger/chain/Block.h"
#include "ledger/chain/Rlp.h"
#include "tests/ledger/Check.h"

#include <random>

using namespace swarmergy::ledger;

namespace {
std::mt19937 rng(20260624);

template <class F>
void mustDecodeOrRefuse(const Bytes& input, F decode, const char* what, int& accepted) {
    try {
        if (decode(input)) ++accepted;
    } catch (const DecodeError&) {
    } catch (const std::exception& e) {
        std::printf("FAIL %s: %s threw a non-DecodeError: %s\n", what, toHex(view(input)).c_str(), e.what());
        ++swarmergy::ledger_test::failures;
    }
}

Bytes mutate(Bytes b) {
    switch (rng() % 4) {
    case 0:
        if (!b.empty()) b[rng() % b.size()] ^= static_cast<std::uint8_t>(1u << (rng() % 8));
        break;
    case 1:
        b.resize(b.empty() ? 0 : rng() % b.size());
        break;
    case 2:
        b.insert(b.begin() + static_cast<std::ptrdiff_t>(b.empty() ? 0 : rng() % b.size()), static_cast<std::uint8_t>(rng()));
        break;
    default:
        if (!b.empty()) b[rng() % b.size()] = static_cast<std::uint8_t>(rng());
    }
    return b;
}
}  // namespace

int main() {
    const PrivateKey key = generatePrivateKey();
    std::vector<Bytes> seeds;
    for (TxType type : {TxType::Legacy, TxType::DynamicFee}) {
        Transaction tx;
        tx.type = type;
        tx.chainId = 2468;
        tx.nonce = 3;
        tx.gasLimit = 60000;
        tx.to = addressOf(key);
        tx.value = U256(12345);
        tx.data = Bytes(70, 0xab);
        if (type == TxType::DynamicFee) tx.accessList = {AccessListEntry{addressOf(key), {Hash256{}}}};
        signTransaction(tx, key);
        seeds.push_back(tx.encode());
    }
    Block block;
    setCliqueExtra(block.header, {});
    sealHeader(block.header, key);
    block.transactions = {SignedTransaction::fromRaw(view(seeds[0])), SignedTransaction::fromRaw(view(seeds[1]))};
    const Bytes blockBytes = block.encode(), headerBytes = block.header.encode();
    Receipt receipt;
    receipt.type = TxType::DynamicFee;
    receipt.logs = {Log{addressOf(key), {Hash256{}}, Bytes(40, 1)}};
    receipt.finalizeBloom();
    const Bytes receiptBytes = receipt.encode();

    // A decoded input must re-encode to the very same bytes (strict decoding: one encoding
    // per value), else two byte strings would share a hash-relevant meaning.
    auto sameBytes = [](const Bytes& again, const Bytes& b, const char* what) {
        if (again != b) {
            std::printf("FAIL %s accepted a non-canonical encoding: %s\n", what, toHex(view(b)).c_str());
            ++swarmergy::ledger_test::failures;
        }
        return true;
    };
    auto tx = [&](const Bytes& b) { return sameBytes(SignedTransaction::fromRaw(view(b)).tx.encode(), b, "transaction"); };
    auto blk = [&](const Bytes& b) { return sameBytes(Block::decode(view(b)).encode(), b, "block"); };
    auto hdr = [&](const Bytes& b) { return sameBytes(BlockHeader::decode(view(b)).encode(), b, "header"); };
    auto rcp = [&](const Bytes& b) { return sameBytes(Receipt::decode(view(b)).encode(), b, "receipt"); };
    int accepted = 0;
    for (int i = 0; i < 4000; ++i) {
        mustDecodeOrRefuse(mutate(seeds[static_cast<std::size_t>(i % 2)]), tx, "transaction", accepted);
        mustDecodeOrRefuse(mutate(blockBytes), blk, "block", accepted);
        mustDecodeOrRefuse(mutate(headerBytes), hdr, "header", accepted);
        mustDecodeOrRefuse(mutate(receiptBytes), rcp, "receipt", accepted);
        Bytes noise(rng() % 200);
        for (auto& b : noise) b = static_cast<std::uint8_t>(rng());
        if (!noise.empty() && i % 3 == 0) noise[0] = static_cast<std::uint8_t>(0xc0 + rng() % 64);   // look like a list
        mustDecodeOrRefuse(noise, tx, "transaction noise", accepted);
        mustDecodeOrRefuse(noise, blk, "block noise", accepted);
        mustDecodeOrRefuse(noise, rcp, "receipt noise", accepted);
    }
    std::printf("  %d mutated inputs still decoded (canonical re-encoding checked)\n", accepted);
    // Deep nesting is bounded by the input size, not by recursion in the decoder.
    Bytes deep;
    for (int i = 0; i < 20000; ++i) deep.push_back(0xc1);
    deep.push_back(0x80);
    CHECK_THROWS(DecodeError, decodeTransaction(view(deep)));
    return swarmergy::ledger_test::testResult("tst_ledger_malformed");
}
