#include "ledger/chain/Block.h"

#include "ledger/chain/Rlp.h"
#include "ledger/chain/Trie.h"
#include "ledger/crypto/Keccak.h"

#include <cstring>

namespace swarmergy::ledger {

namespace {
std::vector<Bytes> headerFields(const BlockHeader& h, ByteView extra) {
    return {rlp::encodeBytes(view(h.parentHash)), rlp::encodeBytes(view(h.ommersHash)),
            rlp::encodeBytes(view(h.coinbase)),   rlp::encodeBytes(view(h.stateRoot)),
            rlp::encodeBytes(view(h.transactionsRoot)), rlp::encodeBytes(view(h.receiptsRoot)),
            rlp::encodeBytes(view(h.logsBloom.bits)), rlp::encodeUint(h.difficulty),
            rlp::encodeUint(h.number),            rlp::encodeUint(h.gasLimit),
            rlp::encodeUint(h.gasUsed),           rlp::encodeUint(h.timestamp),
            rlp::encodeBytes(extra),              rlp::encodeBytes(view(h.mixDigest)),
            rlp::encodeBytes(view(h.nonce)),      rlp::encodeUint(h.baseFeePerGas)};
}

// Transactions inside a block body: legacy as an RLP list, typed as a byte string.
Bytes bodyTransaction(const SignedTransaction& tx) {
    return tx.tx.type == TxType::Legacy ? tx.raw : rlp::encodeBytes(view(tx.raw));
}
}  // namespace

Hash256 emptyOmmersHash() { return keccak256(view(rlp::encodeList({}))); }

BlockHeader::BlockHeader() : ommersHash(emptyOmmersHash()) {}

Bytes BlockHeader::encode() const { return rlp::encodeList(headerFields(*this, view(extraData))); }

Hash256 BlockHeader::hash() const { return keccak256(view(encode())); }

Hash256 BlockHeader::sealHash() const {
    if (extraData.size() < kExtraVanityBytes + kExtraSealBytes)
        throw DecodeError("header: extraData of " + std::to_string(extraData.size()) + " bytes has no room for vanity and seal");
    const ByteView unsealed(extraData.data(), extraData.size() - kExtraSealBytes);
    return keccak256(view(rlp::encodeList(headerFields(*this, unsealed))));
}

BlockHeader BlockHeader::decode(ByteView raw) {
    const auto f = rlp::listOf(rlp::decode(raw), 16, "block header");
    BlockHeader h;
    h.parentHash = rlp::toHash(f[0], "parentHash");
    h.ommersHash = rlp::toHash(f[1], "ommersHash");
    h.coinbase = rlp::toAddress(f[2], "coinbase");
    h.stateRoot = rlp::toHash(f[3], "stateRoot");
    h.transactionsRoot = rlp::toHash(f[4], "transactionsRoot");
    h.receiptsRoot = rlp::toHash(f[5], "receiptsRoot");
    const Bytes bloom = rlp::toBytes(f[6], "logsBloom");
    if (bloom.size() != 256) throw DecodeError("block header: logsBloom must be 256 bytes");
    std::copy(bloom.begin(), bloom.end(), h.logsBloom.bits.begin());
    h.difficulty = rlp::toUint(f[7], "difficulty");
    h.number = rlp::toUint64(f[8], "number");
    h.gasLimit = rlp::toUint64(f[9], "gasLimit");
    h.gasUsed = rlp::toUint64(f[10], "gasUsed");
    h.timestamp = rlp::toUint64(f[11], "timestamp");
    h.extraData = rlp::toBytes(f[12], "extraData");
    h.mixDigest = rlp::toHash(f[13], "mixDigest");
    const Bytes nonce = rlp::toBytes(f[14], "nonce");
    if (nonce.size() != 8) throw DecodeError("block header: nonce must be 8 bytes");
    std::copy(nonce.begin(), nonce.end(), h.nonce.begin());
    h.baseFeePerGas = rlp::toUint(f[15], "baseFeePerGas");
    return h;
}

void setCliqueExtra(BlockHeader& header, ByteView vanity, const std::vector<Address>& checkpointSigners) {
    header.extraData.assign(kExtraVanityBytes, 0);
    if (!vanity.empty()) std::memcpy(header.extraData.data(), vanity.data(), std::min(vanity.size(), kExtraVanityBytes));
    for (const auto& s : checkpointSigners) append(header.extraData, view(s));
    header.extraData.resize(header.extraData.size() + kExtraSealBytes, 0);
}

std::vector<Address> cliqueCheckpointSigners(const BlockHeader& header) {
    const std::size_t fixedBytes = kExtraVanityBytes + kExtraSealBytes;
    if (header.extraData.size() < fixedBytes || (header.extraData.size() - fixedBytes) % 20 != 0)
        throw DecodeError("header: extraData signer list is not a whole number of 20-byte addresses");
    std::vector<Address> signers((header.extraData.size() - fixedBytes) / 20);
    for (std::size_t i = 0; i < signers.size(); ++i)
        std::memcpy(signers[i].data(), header.extraData.data() + kExtraVanityBytes + 20 * i, 20);
    return signers;
}

void sealHeader(BlockHeader& header, const PrivateKey& key) {
    const Signature sig = sign(header.sealHash(), key);
    const auto seal = sig.toBytes65();
    std::memcpy(header.extraData.data() + header.extraData.size() - kExtraSealBytes, seal.data(), kExtraSealBytes);
}

std::optional<Address> recoverSealer(const BlockHeader& header) {
    if (header.extraData.size() < kExtraVanityBytes + kExtraSealBytes) return std::nullopt;
    const ByteView seal(header.extraData.data() + header.extraData.size() - kExtraSealBytes, kExtraSealBytes);
    return recoverAddress(header.sealHash(), Signature::fromBytes65(seal));
}

Bytes Block::encode() const {
    std::vector<Bytes> txs;
    for (const auto& tx : transactions) txs.push_back(bodyTransaction(tx));
    return rlp::encodeList({header.encode(), rlp::encodeList(txs), rlp::encodeList({})});
}

namespace {
ByteView itemBytes(ByteView raw, const rlp::Item& item) {
    return raw.subspan(item.offset, static_cast<std::size_t>(item.payload.data() + item.payload.size() - (raw.data() + item.offset)));
}
}  // namespace

BlockHeader Block::decodeHeader(ByteView raw) {
    const auto parts = rlp::listOf(rlp::decode(raw), 3, "block");
    return BlockHeader::decode(itemBytes(raw, parts[0]));
}

Block Block::decode(ByteView raw, SenderCache* senders) {
    const auto parts = rlp::listOf(rlp::decode(raw), 3, "block");
    Block b;
    b.header = BlockHeader::decode(itemBytes(raw, parts[0]));
    if (!parts[1].isList) throw DecodeError("block: transactions must be a list");
    for (const auto& item : rlp::listItems(parts[1])) {
        if (item.isList) {
            b.transactions.push_back(SignedTransaction::fromRaw(itemBytes(raw, item), senders));
        } else {
            b.transactions.push_back(SignedTransaction::fromRaw(item.payload, senders));
        }
    }
    if (!rlp::listItems(parts[2]).empty()) throw DecodeError("block: ommers must be empty");
    return b;
}

Hash256 transactionsRoot(const std::vector<SignedTransaction>& txs) {
    std::vector<Bytes> items;
    items.reserve(txs.size());
    for (const auto& tx : txs) items.push_back(tx.raw);
    return orderedTrieRoot(items);
}

Hash256 receiptsRoot(const std::vector<Receipt>& receipts) {
    std::vector<Bytes> items;
    items.reserve(receipts.size());
    for (const auto& r : receipts) items.push_back(r.encode());
    return orderedTrieRoot(items);
}

}  // namespace swarmergy::ledger
