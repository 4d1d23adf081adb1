#pragma once
// Logs, the 2048-bit logs bloom and receipts as Ethereum encodes them (Yellow Paper 4.3.1;
// EIP-658 status; EIP-2718 typed receipts 0x02 || rlp([status, cumulativeGasUsed, bloom, logs])).
#include "ledger/chain/Transaction.h"

namespace swarmergy::ledger {

struct Log {
    Address address{};
    std::vector<Hash256> topics;   // at most 4
    Bytes data;
    friend bool operator==(const Log&, const Log&) = default;
};

// 256 bytes. For each of the log's address and topics: three 11-bit indices taken from byte
// pairs (0,1), (2,3), (4,5) of keccak256(item) set bits counted from the last byte.
struct Bloom {
    std::array<std::uint8_t, 256> bits{};
    void add(ByteView item);
    void add(const Log& log);
    void merge(const Bloom& other);
    bool mayContain(ByteView item) const;
    friend bool operator==(const Bloom&, const Bloom&) = default;
};

struct Receipt {
    TxType type = TxType::Legacy;
    bool success = true;
    std::uint64_t cumulativeGasUsed = 0;
    std::uint64_t gasUsed = 0;            // not encoded; kept for the node API
    U256 effectiveGasPrice;               // not encoded; kept for the node API
    std::vector<Log> logs;
    Bloom bloom;                          // computed from logs by finalizeBloom()

    void finalizeBloom();
    Bytes encode() const;                 // consensus encoding (what receiptsRoot commits to)
    // Decodes a consensus receipt; gasUsed and effectiveGasPrice are not part of it.
    static Receipt decode(ByteView raw);
};

Bytes encodeLog(const Log& log);

}  // namespace swarmergy::ledger
