#include "ledger/chain/Transaction.h"

#include "ledger/chain/Rlp.h"
#include "ledger/crypto/Keccak.h"

namespace swarmergy::ledger {

namespace {

Bytes encodeAccessList(const std::vector<AccessListEntry>& list) {
    std::vector<Bytes> entries;
    for (const auto& e : list) {
        std::vector<Bytes> keys;
        for (const auto& k : e.storageKeys) keys.push_back(rlp::encodeBytes(view(k)));
        entries.push_back(rlp::encodeList({rlp::encodeBytes(view(e.address)), rlp::encodeList(keys)}));
    }
    return rlp::encodeList(entries);
}

std::vector<AccessListEntry> decodeAccessList(const rlp::Item& item) {
    std::vector<AccessListEntry> list;
    if (!item.isList) throw DecodeError("transaction: accessList must be a list");
    for (const auto& entryItem : rlp::listItems(item)) {
        const auto fields = rlp::listOf(entryItem, 2, "transaction: accessList entry");
        AccessListEntry e;
        e.address = rlp::toAddress(fields[0], "accessList address");
        if (!fields[1].isList) throw DecodeError("transaction: accessList storageKeys must be a list");
        for (const auto& key : rlp::listItems(fields[1])) e.storageKeys.push_back(rlp::toHash(key, "accessList storage key"));
        list.push_back(std::move(e));
    }
    return list;
}

// Signature integers are minimal big-endian in RLP; Signature keeps 32-byte fields.
Bytes sigInt(const Hash256& v) { return rlp::encodeUint(U256::fromBigEndian(view(v))); }
Hash256 sigField(const rlp::Item& item, const char* field) { return rlp::toUint(item, field).toBigEndian(); }

std::vector<Bytes> legacyFields(const Transaction& tx) {
    return {rlp::encodeUint(tx.nonce), rlp::encodeUint(tx.gasPrice), rlp::encodeUint(tx.gasLimit),
            rlp::encodeAddress(tx.to),  rlp::encodeUint(tx.value),    rlp::encodeBytes(view(tx.data))};
}

std::vector<Bytes> dynamicFeeFields(const Transaction& tx) {
    return {rlp::encodeUint(tx.chainId.value_or(0)), rlp::encodeUint(tx.nonce),
            rlp::encodeUint(tx.maxPriorityFeePerGas), rlp::encodeUint(tx.maxFeePerGas),
            rlp::encodeUint(tx.gasLimit), rlp::encodeAddress(tx.to), rlp::encodeUint(tx.value),
            rlp::encodeBytes(view(tx.data)), encodeAccessList(tx.accessList)};
}

Bytes typed(TxType type, const Bytes& list) {
    Bytes out(list.size() + 1);
    out[0] = static_cast<std::uint8_t>(type);
    std::copy(list.begin(), list.end(), out.begin() + 1);
    return out;
}

Transaction decodeLegacy(ByteView raw) {
    const auto fields = rlp::listOf(rlp::decode(raw), 9, "legacy transaction");
    Transaction tx;
    tx.type = TxType::Legacy;
    tx.nonce = rlp::toUint64(fields[0], "nonce");
    tx.gasPrice = rlp::toUint(fields[1], "gasPrice");
    tx.gasLimit = rlp::toUint64(fields[2], "gasLimit");
    tx.to = rlp::toOptionalAddress(fields[3], "to");
    tx.value = rlp::toUint(fields[4], "value");
    tx.data = rlp::toBytes(fields[5], "data");
    const U256 v = rlp::toUint(fields[6], "v");
    if (v == U256(27) || v == U256(28)) {
        tx.signature.recoveryId = static_cast<std::uint8_t>(v.low64() - 27);
    } else if (v >= U256(35) && v.fitsUint64() && v.low64() < (1ULL << 62)) {
        tx.chainId = (v.low64() - 35) / 2;
        tx.signature.recoveryId = static_cast<std::uint8_t>((v.low64() - 35) % 2);
    } else {
        throw DecodeError("legacy transaction: v = " + v.toDecimal() + " is neither 27/28 nor chainId*2+35/36");
    }
    tx.signature.r = sigField(fields[7], "r");
    tx.signature.s = sigField(fields[8], "s");
    return tx;
}

Transaction decodeDynamicFee(ByteView raw) {
    const auto fields = rlp::listOf(rlp::decode(raw.subspan(1), 1), 12, "type-2 transaction");
    Transaction tx;
    tx.type = TxType::DynamicFee;
    tx.chainId = rlp::toUint64(fields[0], "chainId");
    tx.nonce = rlp::toUint64(fields[1], "nonce");
    tx.maxPriorityFeePerGas = rlp::toUint(fields[2], "maxPriorityFeePerGas");
    tx.maxFeePerGas = rlp::toUint(fields[3], "maxFeePerGas");
    tx.gasLimit = rlp::toUint64(fields[4], "gasLimit");
    tx.to = rlp::toOptionalAddress(fields[5], "to");
    tx.value = rlp::toUint(fields[6], "value");
    tx.data = rlp::toBytes(fields[7], "data");
    tx.accessList = decodeAccessList(fields[8]);
    const std::uint64_t parity = rlp::toUint64(fields[9], "yParity");
    if (parity > 1) throw DecodeError("type-2 transaction: yParity must be 0 or 1");
    tx.signature.recoveryId = static_cast<std::uint8_t>(parity);
    tx.signature.r = sigField(fields[10], "r");
    tx.signature.s = sigField(fields[11], "s");
    return tx;
}

}  // namespace

U256 Transaction::legacyV() const {
    if (!chainId) return U256(27 + signature.recoveryId);
    return U256(*chainId * 2 + 35 + signature.recoveryId);
}

Hash256 Transaction::signingHash() const {
    if (type == TxType::DynamicFee) return keccak256(view(typed(type, rlp::encodeList(dynamicFeeFields(*this)))));
    auto fields = legacyFields(*this);
    if (chainId) {   // EIP-155: sign (chainId, 0, 0) in place of (v, r, s)
        fields.push_back(rlp::encodeUint(*chainId));
        fields.push_back(rlp::encodeUint(std::uint64_t{0}));
        fields.push_back(rlp::encodeUint(std::uint64_t{0}));
    }
    return keccak256(view(rlp::encodeList(fields)));
}

Bytes Transaction::encode() const {
    if (type == TxType::DynamicFee) {
        auto fields = dynamicFeeFields(*this);
        fields.push_back(rlp::encodeUint(std::uint64_t{signature.recoveryId}));
        fields.push_back(sigInt(signature.r));
        fields.push_back(sigInt(signature.s));
        return typed(type, rlp::encodeList(fields));
    }
    auto fields = legacyFields(*this);
    fields.push_back(rlp::encodeUint(legacyV()));
    fields.push_back(sigInt(signature.r));
    fields.push_back(sigInt(signature.s));
    return rlp::encodeList(fields);
}

Hash256 Transaction::hash() const { return keccak256(view(encode())); }

U256 Transaction::maxGasPrice() const { return type == TxType::DynamicFee ? maxFeePerGas : gasPrice; }

U256 Transaction::effectiveGasPrice(const U256& baseFee) const {
    if (type == TxType::Legacy) return gasPrice;
    // EIP-1559: min(maxFeePerGas, baseFee + maxPriorityFeePerGas).
    const auto sum = checkedAdd(baseFee, maxPriorityFeePerGas);
    return (!sum || *sum > maxFeePerGas) ? maxFeePerGas : *sum;
}

std::optional<Address> Transaction::recoverSender() const { return recoverAddress(signingHash(), signature); }

Transaction decodeTransaction(ByteView raw) {
    if (raw.empty()) throw DecodeError("transaction: empty input");
    if (raw[0] >= 0xc0) return decodeLegacy(raw);
    if (raw[0] == 0x02) return decodeDynamicFee(raw);
    throw DecodeError("transaction: unsupported type 0x" + toHex(raw.subspan(0, 1)).substr(2));
}

void signTransaction(Transaction& tx, const PrivateKey& key) { tx.signature = sign(tx.signingHash(), key); }

SignedTransaction SignedTransaction::fromRaw(ByteView raw, SenderCache* cache) {
    SignedTransaction s;
    s.tx = decodeTransaction(raw);
    // Re-encoding must give the same bytes: strict RLP already guarantees it; keep the check
    // so a hash can never differ from what the sender computed.
    s.raw = Bytes(raw.begin(), raw.end());
    if (s.tx.encode() != s.raw) throw DecodeError("transaction: non-canonical encoding");
    s.hash = keccak256(raw);
    if (!isLowS(s.tx.signature.s)) throw DecodeError("transaction: signature s is not low (EIP-2)");
    if (cache) {
        if (const auto known = cache->find(s.hash)) {
            s.sender = *known;
            return s;
        }
    }
    const auto sender = s.tx.recoverSender();
    if (!sender) throw DecodeError("transaction: invalid signature (sender cannot be recovered)");
    s.sender = *sender;
    if (cache) cache->insert(s.hash, s.sender);
    return s;
}

SignedTransaction SignedTransaction::fromTransaction(const Transaction& tx) { return fromRaw(view(tx.encode())); }

}  // namespace swarmergy::ledger
