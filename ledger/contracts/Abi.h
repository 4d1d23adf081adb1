#pragma once
// Solidity contract ABI encoding (docs.soliditylang.org, "Contract ABI Specification") for
// the types the native contracts use: uint256/uint64, int256, address, bool, bytes32, string,
// bytes, and dynamic arrays of uint256, int256, address and bytes32. Every argument takes one
// head word; dynamic ones put an offset there and their content in the tail.
// The reader is strict: short data, out-of-range offsets, dirty address/bool/uint64 bits are
// AbiError (the contracts turn it into a revert naming the argument).
#include "ledger/crypto/U256.h"

#include <stdexcept>

namespace swarmergy::ledger {

struct AbiError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

using Selector = std::array<std::uint8_t, 4>;
// The first 4 bytes of keccak256 of a canonical signature such as "transfer(address,uint256)".
Selector selectorOf(std::string_view signature);
Hash256 eventTopic(std::string_view signature);   // keccak256 of the event signature

class AbiWriter {
public:
    AbiWriter& uint(const U256& v);
    AbiWriter& int256(const U256& twosComplement);
    AbiWriter& address(const Address& a);
    AbiWriter& boolean(bool b);
    AbiWriter& bytes32(const Hash256& h);
    AbiWriter& string(std::string_view s);
    AbiWriter& bytes(ByteView b);
    AbiWriter& uintArray(const std::vector<U256>& v);      // also int256[] (two's complement)
    AbiWriter& addressArray(const std::vector<Address>& v);
    AbiWriter& bytes32Array(const std::vector<Hash256>& v);
    Bytes finish() const;
    // selector || arguments: calldata for a call.
    Bytes finishCall(const Selector& selector) const;

private:
    struct Part {
        bool dynamic = false;
        Bytes content;   // the head word, or the tail content
    };
    std::vector<Part> parts_;
    AbiWriter& word(const std::array<std::uint8_t, 32>& w);
};

class AbiReader {
public:
    explicit AbiReader(ByteView arguments) : data_(arguments) {}
    U256 uint(std::size_t index) const;
    std::uint64_t uint64(std::size_t index) const;   // uint64 arguments: high bits must be zero
    U256 int256(std::size_t index) const { return uint(index); }   // two's complement
    Address address(std::size_t index) const;
    bool boolean(std::size_t index) const;
    Hash256 bytes32(std::size_t index) const;
    Bytes bytes(std::size_t index) const;
    std::string string(std::size_t index) const;
    std::vector<U256> uintArray(std::size_t index) const;
    std::vector<Address> addressArray(std::size_t index) const;
    std::vector<Hash256> bytes32Array(std::size_t index) const;

private:
    ByteView data_;
    Hash256 wordAt(std::size_t byteOffset, const char* what) const;
    std::size_t tailStart(std::size_t index) const;   // offset of a dynamic argument's length word
    std::size_t smallNumber(const Hash256& w, const char* what) const;
};

// Hex-friendly helpers for decoding return data (as a client would).
U256 abiWord(ByteView data, std::size_t index);

}  // namespace swarmergy::ledger
