#pragma once
// Ethereum transactions: legacy with EIP-155 replay protection (v = chainId * 2 + 35 + yParity)
// and EIP-1559 type 2 (0x02 || rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas,
// gasLimit, to, value, data, accessList, yParity, r, s])). The hash is keccak256 of the signed
// encoding (for type 2 including the 0x02 byte), exactly as eth_sendRawTransaction returns it.
// Sources: EIP-155, EIP-2718, EIP-2930 (access list shape), EIP-1559.
#include "ledger/chain/SenderCache.h"
#include "ledger/crypto/Secp256k1.h"
#include "ledger/crypto/U256.h"

#include <optional>

namespace swarmergy::ledger {

enum class TxType : std::uint8_t { Legacy = 0, DynamicFee = 2 };

struct AccessListEntry {
    Address address{};
    std::vector<Hash256> storageKeys;
    friend bool operator==(const AccessListEntry&, const AccessListEntry&) = default;
};

struct Transaction {
    TxType type = TxType::Legacy;
    std::optional<std::uint64_t> chainId;   // legacy without EIP-155 has none
    std::uint64_t nonce = 0;
    U256 gasPrice;                         // legacy only
    U256 maxPriorityFeePerGas;             // type 2 only
    U256 maxFeePerGas;                     // type 2 only
    std::uint64_t gasLimit = 0;
    std::optional<Address> to;             // none = contract creation (refused by validation)
    U256 value;
    Bytes data;
    std::vector<AccessListEntry> accessList;   // type 2 only
    Signature signature;                   // r, s, and yParity as recoveryId

    // The digest the sender signs (EIP-155 / EIP-1559 rules).
    Hash256 signingHash() const;
    // The signed wire encoding (what eth_sendRawTransaction carries).
    Bytes encode() const;
    Hash256 hash() const;
    // Legacy v as carried on the wire: chainId * 2 + 35 + yParity, or 27 + yParity.
    U256 legacyV() const;
    // The most the sender can pay per gas, and what is paid given a base fee (0 here).
    U256 maxGasPrice() const;
    U256 effectiveGasPrice(const U256& baseFee) const;
    std::optional<Address> recoverSender() const;
};

// Strict decoding of a signed transaction (legacy RLP list or typed 0x02 envelope); throws
// DecodeError saying which field is wrong. Unknown types (including type 1) are refused.
Transaction decodeTransaction(ByteView raw);
// Sets tx.signature from the key (RFC 6979, low-s).
void signTransaction(Transaction& tx, const PrivateKey& key);

// A decoded transaction with its raw bytes, hash and sender recovered once: what the pool,
// blocks and receipts work with.
struct SignedTransaction {
    Transaction tx;
    Bytes raw;
    Hash256 hash{};
    Address sender{};

    // Decodes and recovers the sender; throws DecodeError for bad bytes or a bad signature
    // (including high s). With a cache: a hash found there skips the recovery (the bytes were
    // recovered before, see SenderCache.h); any other is recovered and then remembered.
    static SignedTransaction fromRaw(ByteView raw, SenderCache* cache = nullptr);
    static SignedTransaction fromTransaction(const Transaction& tx);
};

}  // namespace swarmergy::ledger
