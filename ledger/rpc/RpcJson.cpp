#include "ledger/rpc/RpcJson.h"

#include <algorithm>

namespace swarmergy::ledger::rpc {

namespace {

[[noreturn]] void badParam(const char* what, const std::string& why) {
    throw RpcError(code::kInvalidParams, std::string("invalid ") + what + ": " + why);
}

std::string_view hexString(const json::value& v, const char* what) {
    if (!v.is_string()) badParam(what, std::string("expected a 0x-prefixed hex string, got ") + std::string(to_string(v.kind())));
    const json::string& s = v.get_string();
    if (s.size() < 2 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X')) badParam(what, "missing 0x prefix");
    return {s.data(), s.size()};
}

json::value nullable(const std::optional<Address>& a) {
    return a ? json::value(hexAddress(*a)) : json::value(nullptr);
}

std::string sigQuantity(const Hash256& word) { return quantity(U256::fromBigEndian(view(word))); }

}  // namespace

std::string quantity(std::uint64_t v) { return U256(v).toHexQuantity(); }
std::string quantity(const U256& v) { return v.toHexQuantity(); }
std::string hexData(ByteView bytes) { return toHex(bytes); }
std::string hexAddress(const Address& a) { return toHex(view(a)); }

json::object logJson(const Log& log, std::uint64_t blockNumber, const Hash256& blockHash, const Hash256& txHash,
                     std::uint32_t txIndex, std::uint32_t logIndex) {
    json::array topics;
    for (const auto& t : log.topics) topics.emplace_back(hexData(view(t)));
    json::object o;
    o["address"] = hexAddress(log.address);
    o["topics"] = std::move(topics);
    o["data"] = hexData(view(log.data));
    o["blockNumber"] = quantity(blockNumber);
    o["blockHash"] = hexData(view(blockHash));
    o["transactionHash"] = hexData(view(txHash));
    o["transactionIndex"] = quantity(txIndex);
    o["logIndex"] = quantity(logIndex);
    o["removed"] = false;
    return o;
}

json::object logEntryJson(const LogEntry& e) {
    return logJson(e.log, e.blockNumber, e.blockHash, e.transactionHash, e.transactionIndex, e.logIndex);
}

json::object transactionJson(const SignedTransaction& stx, const TransactionLocation* location) {
    const Transaction& tx = stx.tx;
    json::object o;
    o["hash"] = hexData(view(stx.hash));
    o["type"] = quantity(static_cast<std::uint64_t>(tx.type));
    o["nonce"] = quantity(tx.nonce);
    o["from"] = hexAddress(stx.sender);
    o["to"] = nullable(tx.to);
    o["value"] = quantity(tx.value);
    o["gas"] = quantity(tx.gasLimit);
    o["input"] = hexData(view(tx.data));
    if (tx.chainId) o["chainId"] = quantity(*tx.chainId);
    o["r"] = sigQuantity(tx.signature.r);
    o["s"] = sigQuantity(tx.signature.s);
    if (tx.type == TxType::DynamicFee) {
        o["maxFeePerGas"] = quantity(tx.maxFeePerGas);
        o["maxPriorityFeePerGas"] = quantity(tx.maxPriorityFeePerGas);
        // Mined: the price actually paid (base fee 0); pending: the most it may pay (as geth).
        o["gasPrice"] = quantity(location ? tx.effectiveGasPrice(U256(0)) : tx.maxFeePerGas);
        json::array access;
        for (const auto& entry : tx.accessList) {
            json::array keys;
            for (const auto& k : entry.storageKeys) keys.emplace_back(hexData(view(k)));
            access.emplace_back(json::object{{"address", hexAddress(entry.address)}, {"storageKeys", std::move(keys)}});
        }
        o["accessList"] = std::move(access);
        o["v"] = quantity(std::uint64_t{tx.signature.recoveryId});
        o["yParity"] = quantity(std::uint64_t{tx.signature.recoveryId});
    } else {
        o["gasPrice"] = quantity(tx.gasPrice);
        o["v"] = quantity(tx.legacyV());
    }
    if (location) {
        o["blockHash"] = hexData(view(location->blockHash));
        o["blockNumber"] = quantity(location->blockNumber);
        o["transactionIndex"] = quantity(location->index);
    } else {
        o["blockHash"] = nullptr;
        o["blockNumber"] = nullptr;
        o["transactionIndex"] = nullptr;
    }
    return o;
}

json::object receiptJson(const ReceiptLookup& lookup) {
    const Receipt& r = lookup.receipt;
    const TransactionLocation& at = lookup.location;
    json::array logs;
    for (std::size_t i = 0; i < r.logs.size(); ++i)
        logs.emplace_back(logJson(r.logs[i], at.blockNumber, at.blockHash, lookup.tx.hash, at.index,
                                  lookup.firstLogIndex + static_cast<std::uint32_t>(i)));
    json::object o;
    o["transactionHash"] = hexData(view(lookup.tx.hash));
    o["transactionIndex"] = quantity(at.index);
    o["blockHash"] = hexData(view(at.blockHash));
    o["blockNumber"] = quantity(at.blockNumber);
    o["from"] = hexAddress(lookup.tx.sender);
    o["to"] = nullable(lookup.tx.tx.to);
    o["cumulativeGasUsed"] = quantity(r.cumulativeGasUsed);
    o["gasUsed"] = quantity(r.gasUsed);
    o["effectiveGasPrice"] = quantity(r.effectiveGasPrice);
    o["contractAddress"] = nullptr;   // no contract creation on SwarmLedger
    o["logs"] = std::move(logs);
    o["logsBloom"] = hexData(view(r.bloom.bits));
    o["status"] = r.success ? "0x1" : "0x0";
    o["type"] = quantity(static_cast<std::uint64_t>(r.type));
    return o;
}

json::object blockJson(const Block& block, bool fullTransactions) {
    const BlockHeader& h = block.header;
    const Hash256 hash = block.hash();
    json::array txs;
    for (std::size_t i = 0; i < block.transactions.size(); ++i) {
        if (fullTransactions) {
            const TransactionLocation at{h.number, static_cast<std::uint32_t>(i), hash};
            txs.emplace_back(transactionJson(block.transactions[i], &at));
        } else {
            txs.emplace_back(hexData(view(block.transactions[i].hash)));
        }
    }
    // Clique: the block's author is the sealer recovered from extraData (coinbase carries
    // votes), as geth's clique API reports it; genesis has no seal.
    const std::optional<Address> sealer = h.number == 0 ? std::nullopt : recoverSealer(h);
    json::object o;
    o["number"] = quantity(h.number);
    o["hash"] = hexData(view(hash));
    o["parentHash"] = hexData(view(h.parentHash));
    o["nonce"] = hexData(view(h.nonce));
    o["mixHash"] = hexData(view(h.mixDigest));
    o["sha3Uncles"] = hexData(view(h.ommersHash));
    o["logsBloom"] = hexData(view(h.logsBloom.bits));
    o["transactionsRoot"] = hexData(view(h.transactionsRoot));
    o["stateRoot"] = hexData(view(h.stateRoot));
    o["receiptsRoot"] = hexData(view(h.receiptsRoot));
    o["miner"] = hexAddress(sealer.value_or(h.coinbase));
    o["difficulty"] = quantity(h.difficulty);
    o["extraData"] = hexData(view(h.extraData));
    o["size"] = quantity(static_cast<std::uint64_t>(block.encode().size()));
    o["gasLimit"] = quantity(h.gasLimit);
    o["gasUsed"] = quantity(h.gasUsed);
    o["timestamp"] = quantity(h.timestamp);
    o["baseFeePerGas"] = quantity(h.baseFeePerGas);
    o["transactions"] = std::move(txs);
    o["uncles"] = json::array();
    return o;
}

std::uint64_t parseQuantityU64(const json::value& v, const char* what) {
    if (v.is_uint64()) return v.get_uint64();
    if (v.is_int64()) {
        if (v.get_int64() < 0) badParam(what, "negative number");
        return static_cast<std::uint64_t>(v.get_int64());
    }
    const U256 q = parseQuantityU256(v, what);
    if (!q.fitsUint64()) badParam(what, "quantity above 2^64-1");
    return q.low64();
}

U256 parseQuantityU256(const json::value& v, const char* what) {
    if (v.is_uint64()) return U256(v.get_uint64());
    if (v.is_int64() && v.get_int64() >= 0) return U256(static_cast<std::uint64_t>(v.get_int64()));
    const std::string_view s = hexString(v, what);
    try {
        return U256::fromHexQuantity(s);
    } catch (const DecodeError& e) {
        badParam(what, e.what());
    }
}

Address parseAddressParam(const json::value& v, const char* what) {
    const std::string_view s = hexString(v, what);
    if (s.size() != 42) badParam(what, "an address is 0x followed by 40 hex digits, got " + std::to_string(s.size()) + " characters");
    try {
        return parseAddress(s);
    } catch (const DecodeError& e) {
        badParam(what, e.what());
    }
}

Hash256 parseHashParam(const json::value& v, const char* what) {
    const std::string_view s = hexString(v, what);
    if (s.size() != 66) badParam(what, "a hash is 0x followed by 64 hex digits, got " + std::to_string(s.size()) + " characters");
    try {
        return hashFromHex(s);
    } catch (const DecodeError& e) {
        badParam(what, e.what());
    }
}

Bytes parseDataParam(const json::value& v, const char* what) {
    const std::string_view s = hexString(v, what);
    try {
        return fromHex(s);
    } catch (const DecodeError& e) {
        badParam(what, e.what());
    }
}

bool parseBoolParam(const json::value& v, const char* what) {
    if (!v.is_bool()) badParam(what, std::string("expected true or false, got ") + std::string(to_string(v.kind())));
    return v.get_bool();
}

BlockRef parseBlockRef(const json::value& v, const char* what) {
    BlockRef ref;
    if (v.is_object()) {   // EIP-1898
        const json::object& o = v.get_object();
        const json::value* hash = o.if_contains("blockHash");
        const json::value* number = o.if_contains("blockNumber");
        if ((hash != nullptr) == (number != nullptr)) badParam(what, "expected exactly one of blockHash or blockNumber");
        if (hash) {
            ref.kind = BlockRef::Kind::Hash;
            ref.hash = parseHashParam(*hash, what);
            return ref;
        }
        return parseBlockRef(*number, what);
    }
    if (v.is_string()) {
        const std::string_view s = v.get_string();
        if (s == "latest" || s == "safe" || s == "finalized") return ref;   // PoA: the head is final enough
        if (s == "pending") {
            ref.kind = BlockRef::Kind::Pending;
            return ref;
        }
        if (s == "earliest") {
            ref.kind = BlockRef::Kind::Number;
            return ref;
        }
    }
    if (!v.is_string() && !v.is_number()) badParam(what, "expected a block number or tag");
    ref.kind = BlockRef::Kind::Number;
    ref.number = parseQuantityU64(v, what);
    return ref;
}

CallObject parseCallObject(const json::value& v, std::uint64_t defaultGas) {
    if (!v.is_object()) badParam("call object", std::string("expected an object, got ") + std::string(to_string(v.kind())));
    const json::object& o = v.get_object();
    CallObject out;
    out.request.gasLimit = defaultGas;
    auto present = [&](const char* key) -> const json::value* {
        const json::value* p = o.if_contains(key);
        return p && !p->is_null() ? p : nullptr;
    };
    if (const auto* p = present("from")) out.request.from = parseAddressParam(*p, "call object 'from'");
    if (const auto* p = present("to")) out.request.to = parseAddressParam(*p, "call object 'to'");
    if (const auto* p = present("value")) out.request.value = parseQuantityU256(*p, "call object 'value'");
    if (const auto* p = present("gas")) {
        out.request.gasLimit = std::min(parseQuantityU64(*p, "call object 'gas'"), defaultGas);
        out.gasGiven = true;
    }
    const json::value* data = present("data");
    const json::value* input = present("input");
    if (data && input && parseDataParam(*data, "call object 'data'") != parseDataParam(*input, "call object 'input'"))
        badParam("call object", "both \"data\" and \"input\" are set and not equal");
    if (input) out.request.data = parseDataParam(*input, "call object 'input'");
    else if (data) out.request.data = parseDataParam(*data, "call object 'data'");
    return out;
}

}  // namespace swarmergy::ledger::rpc
