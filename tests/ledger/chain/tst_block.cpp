// Block headers (encode/decode, Clique seal hash vs block hash, sealer recovery, tampering),
// block bodies, receipts with logs and the logs bloom.
#include "ledger/chain/Block.h"
#include "ledger/chain/Rlp.h"
#include "ledger/chain/Trie.h"
#include "ledger/crypto/Keccak.h"
#include "tests/ledger/Check.h"

using namespace swarmergy::ledger;
using swarmergy::ledger_test::throwsA;

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

// go-ethereum core/types/block_test.go TestEIP1559BlockEncoding: a London block (16 header
// fields, baseFeePerGas 1 gwei) with a legacy and a type-2 transaction, and its known hash.
const char* kGethLondonBlock =
    "f9030bf901fea083cafc574e1f51ba9dc0568fc617a08ea2429fb384059c972f13b19fa1c8dd55a01dcc4de8dec75d7aab85b567b6ccd41ad312451b"
    "948a7413f0a142fd40d49347948888f1f195afa192cfee860698584c030f4c9db1a0ef1552a40b7165c3cd773806b9e0c165b75356e0314bf0706f27"
    "9c729f51e017a05fe50b260da6308036625b850b5d6ced6d0a9f814c0688bc91ffb7b7a3a54b67a0bc37d79753ad738a6dac4921e57392f145d88874"
    "76de3f783dfa7edae9283e52b90100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "000000000000000000000000000000000000000000000000000000000000008302000001832fefd8825208845506eb0780a0bd4472abb6659ebe3ee0"
    "6ee4d7b72a00a9f4d001caca51342001075469aff49888a13a5a8c8f2bb1c4843b9aca00f90106f85f800a82c35094095e7baea6a6c7c4c2dfeb977e"
    "fac326af552d870a801ba09bea4c4daac7c7c52e093e6a4c35dbbcf8856f1af7b059ba20253e70848d094fa08a8fae537ce25ed8cb5af9adac3f141a"
    "f69bd515bd2ba031522df09b97dd72b1b8a302f8a0018080843b9aca008301e24194095e7baea6a6c7c4c2dfeb977efac326af552d878080f838f794"
    "0000000000000000000000000000000000000001e1a0000000000000000000000000000000000000000000000000000000000000000080a0fe38ca4e"
    "44a30002ac54af7cf922a6ac2ba11b7d22f548e8ecb3f51f41cb31b0a06de6a5cbae13c0c856e33acf021b51819636cfc009d39eafb9f606d546e305"
    "a8c0";

int main() {
    {
        const Bytes raw = fromHex(kGethLondonBlock);
        const auto parts = rlp::listOf(rlp::decode(view(raw)), 3, "block");
        const std::size_t headerSize = static_cast<std::size_t>(parts[0].payload.data() + parts[0].payload.size() - raw.data()) - parts[0].offset;
        const Bytes headerBytes(raw.begin() + static_cast<std::ptrdiff_t>(parts[0].offset),
                                raw.begin() + static_cast<std::ptrdiff_t>(parts[0].offset + headerSize));
        const BlockHeader london = BlockHeader::decode(view(headerBytes));
        CHECK_EQ(toHex(view(london.hash())), "0xc7252048cd273fe0dac09650027d07f0e3da4ee0675ebbb26627cea92729c372");
        CHECK(london.encode() == headerBytes);
        CHECK(london.difficulty == U256(131072) && london.gasLimit == 3141592 && london.gasUsed == 21000);
        CHECK(london.timestamp == 1426516743 && london.baseFeePerGas == U256(1000000000));
        CHECK(toChecksumAddress(london.coinbase) == "0x8888f1F195AFa192CfeE860698584c030f4c9dB1");
        // Its type-2 transaction decodes; its Frontier-era legacy one has a high s, which this
        // chain refuses (EIP-2), so the block as a whole is refused.
        const auto txs = rlp::listItems(parts[1]);
        CHECK(txs.size() == 2 && SignedTransaction::fromRaw(txs[1].payload).tx.type == TxType::DynamicFee);
        std::string why;
        CHECK(throwsA<DecodeError>([&] { Block::decode(view(raw)); }, &why) && why.find("not low") != std::string::npos);
    }
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
