#include "ledger/chain/Receipt.h"

#include "ledger/chain/Rlp.h"
#include "ledger/crypto/Keccak.h"

namespace swarmergy::ledger {

void Bloom::add(ByteView item) {
    const Hash256 h = keccak256(item);
    for (int i = 0; i < 6; i += 2) {
        const unsigned bit = ((static_cast<unsigned>(h[i]) << 8) | h[i + 1]) & 2047u;
        bits[255 - bit / 8] |= static_cast<std::uint8_t>(1u << (bit % 8));
    }
}

void Bloom::add(const Log& log) {
    add(view(log.address));
    for (const auto& t : log.topics) add(view(t));
}

void Bloom::merge(const Bloom& other) {
    for (std::size_t i = 0; i < bits.size(); ++i) bits[i] |= other.bits[i];
}

bool Bloom::mayContain(ByteView item) const {
    Bloom probe;
    probe.add(item);
    for (std::size_t i = 0; i < bits.size(); ++i)
        if ((bits[i] & probe.bits[i]) != probe.bits[i]) return false;
    return true;
}

Bytes encodeLog(const Log& log) {
    std::vector<Bytes> topics;
    for (const auto& t : log.topics) topics.push_back(rlp::encodeBytes(view(t)));
    return rlp::encodeList({rlp::encodeBytes(view(log.address)), rlp::encodeList(topics), rlp::encodeBytes(view(log.data))});
}

void Receipt::finalizeBloom() {
    bloom = Bloom{};
    for (const auto& log : logs) bloom.add(log);
}

Bytes Receipt::encode() const {
    std::vector<Bytes> logItems;
    for (const auto& log : logs) logItems.push_back(encodeLog(log));
    const Bytes list = rlp::encodeList({rlp::encodeUint(std::uint64_t{success ? 1u : 0u}), rlp::encodeUint(cumulativeGasUsed),
                                        rlp::encodeBytes(view(bloom.bits)), rlp::encodeList(logItems)});
    if (type == TxType::Legacy) return list;
    Bytes out(list.size() + 1);
    out[0] = static_cast<std::uint8_t>(type);
    std::copy(list.begin(), list.end(), out.begin() + 1);
    return out;
}

Receipt Receipt::decode(ByteView raw) {
    if (raw.empty()) throw DecodeError("receipt: empty input");
    Receipt r;
    if (raw[0] == 0x02) {
        r.type = TxType::DynamicFee;
        raw = raw.subspan(1);
    } else if (raw[0] < 0xc0) {
        throw DecodeError("receipt: unsupported type");
    }
    const auto fields = rlp::listOf(rlp::decode(raw), 4, "receipt");
    const auto status = rlp::toUint64(fields[0], "status");
    if (status > 1) throw DecodeError("receipt: status must be 0 or 1");
    r.success = status == 1;
    r.cumulativeGasUsed = rlp::toUint64(fields[1], "cumulativeGasUsed");
    const Bytes bloom = rlp::toBytes(fields[2], "logsBloom");
    if (bloom.size() != 256) throw DecodeError("receipt: logsBloom must be 256 bytes");
    std::copy(bloom.begin(), bloom.end(), r.bloom.bits.begin());
    if (!fields[3].isList) throw DecodeError("receipt: logs must be a list");
    for (const auto& logItem : rlp::listItems(fields[3])) {
        const auto lf = rlp::listOf(logItem, 3, "log");
        Log log;
        log.address = rlp::toAddress(lf[0], "log address");
        if (!lf[1].isList) throw DecodeError("log: topics must be a list");
        for (const auto& t : rlp::listItems(lf[1])) log.topics.push_back(rlp::toHash(t, "log topic"));
        log.data = rlp::toBytes(lf[2], "log data");
        r.logs.push_back(std::move(log));
    }
    return r;
}

}  // namespace swarmergy::ledger
