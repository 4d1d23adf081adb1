// Block headers (encode/decode, Clique seal hash vs block hash, sealer recovery, tampering),
// block bodies, receipts with logs and the logs bloom.
#include "ledger/chain/Block.h"
#include "ledger/chain/Trie.h"
#include "ledger/crypto/Keccak.h"
#include "tests/ledger/Check.h"

using namespace swarmergy::ledger;

namespace {
SignedTransaction transfer(const PrivateKey& key, std::uint64_t nonce, TxType type) {
    Transaction tx;
    tx.type = type;
    tx.chainId = 2468;
    tx.nonce = nonce;
    tx.gasLimit = 21000;
    tx.to = Address{};
    tx.value = U256(nonce + 1);
    signTransaction(tx, key);
    return SignedTransaction::fromTransaction(tx);
}
}  // namespace

int main() {
    const PrivateKey sealerKey = generatePrivateKey(), userKey = generatePrivateKey();
    CHECK_EQ(toHex(view(emptyOmmersHash())), "0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347");

    BlockHeader h;
    h.parentHash = keccak256(std::string_view("parent"));
    h.number = 42;
    h.timestamp = 1782259200;
    h.gasLimit = 30000000;
    h.difficulty = U256(2);
    setCliqueExtra(h, view(Bytes{'s', 'w', 'a', 'r', 'm'}));
    CHECK_EQ(h.extraData.size(), kExtraVanityBytes + kExtraSealBytes);
    CHECK(!recoverSealer(h));   // an all-zero seal recovers nobody
    const Hash256 sealHashBefore = h.sealHash();
    sealHeader(h, sealerKey);
    CHECK(h.sealHash() == sealHashBefore);   // the seal is not part of what it signs
    const auto sealer = recoverSealer(h);
    CHECK(sealer && *sealer == addressOf(sealerKey));

    const BlockHeader round = BlockHeader::decode(view(h.encode()));
    CHECK(round.hash() == h.hash() && round.encode() == h.encode());
    CHECK(round.number == 42 && round.timestamp == 1782259200 && round.extraData == h.extraData);

    // Any change to a sealed field moves the sealer; a block hash includes the seal.
    BlockHeader forged = h;
    forged.number = 43;
    const auto forgedSealer = recoverSealer(forged);
    CHECK(!forgedSealer || *forgedSealer != addressOf(sealerKey));
    BlockHeader resealed = h;
    sealHeader(resealed, userKey);
    CHECK(resealed.hash() != h.hash() && resealed.sealHash() == h.sealHash());
    BlockHeader shortExtra = h;
    shortExtra.extraData.resize(96);
    CHECK(!recoverSealer(shortExtra));
    CHECK_THROWS(DecodeError, shortExtra.sealHash());
    Bytes badHeader = h.encode();
    badHeader.pop_back();
    CHECK_THROWS(DecodeError, BlockHeader::decode(view(badHeader)));

    // A body with legacy and type-2 transactions round-trips and its root is the ordered trie.
    Block block;
    block.header = h;
    block.transactions = {transfer(userKey, 0, TxType::Legacy), transfer(userKey, 1, TxType::DynamicFee)};
    const Block decoded = Block::decode(view(block.encode()));
    CHECK(decoded.hash() == block.hash());
    CHECK(decoded.transactions.size() == 2 && decoded.transactions[1].hash == block.transactions[1].hash);
    CHECK(decoded.transactions[0].sender == addressOf(userKey));
    CHECK(transactionsRoot(block.transactions) != emptyTrieRoot());
    CHECK(transactionsRoot({}) == emptyTrieRoot());

    // Receipts: logs, bloom and typed encoding round trip.
    Log log;
    log.address = addressOf(userKey);
    log.topics = {keccak256(std::string_view("Transfer(address,address,uint256)")), Hash256{}};
    log.data = Bytes(32, 0x01);
    Receipt r;
    r.type = TxType::DynamicFee;
    r.cumulativeGasUsed = 52000;
    r.logs = {log};
    r.finalizeBloom();
    CHECK(r.bloom.mayContain(view(log.address)) && r.bloom.mayContain(view(log.topics[0])));
    CHECK(!r.bloom.mayContain(view(keccak256(std::string_view("absent")))));
    int bitsSet = 0;
    for (auto b : r.bloom.bits) bitsSet += __builtin_popcount(b);
    CHECK(bitsSet > 0 && bitsSet <= 9);   // at most 3 bits for each of the 3 items
    CHECK_EQ(int(r.encode()[0]), 2);
    const Receipt back = Receipt::decode(view(r.encode()));
    CHECK(back.logs == r.logs && back.bloom == r.bloom && back.cumulativeGasUsed == 52000 && back.success);
    Receipt failed;
    failed.success = false;
    CHECK(!Receipt::decode(view(failed.encode())).success);
    CHECK(receiptsRoot({r}) != receiptsRoot({failed}));
    return swarmergy::ledger_test::testResult("tst_ledger_block");
}
