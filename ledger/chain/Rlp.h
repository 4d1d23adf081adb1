#pragma once
// Recursive Length Prefix encoding (Ethereum Yellow Paper, appendix B).
// The decoder is strict, as geth's rlp package: it refuses a single byte < 0x80 wrapped in a
// string header, a long form for a payload of 55 bytes or less, length prefixes with leading
// zeros, payloads running past the input, trailing bytes, and integers with leading zeros.
// Every refusal is a DecodeError naming the field and the byte offset.
#include "ledger/crypto/Bytes.h"
#include "ledger/crypto/U256.h"

#include <optional>

namespace swarmergy::ledger::rlp {

// --- encoding: encodeX returns one complete item; lists take already-encoded items ---
Bytes encodeBytes(ByteView bytes);
Bytes encodeUint(const U256& value);          // minimal big-endian, zero = empty string
Bytes encodeUint(std::uint64_t value);
Bytes encodeAddress(const std::optional<Address>& address);   // none = empty string
Bytes encodeList(const std::vector<Bytes>& encodedItems);
Bytes encodeListPayload(ByteView concatenatedItems);

// --- decoding ---
struct Item {
    bool isList = false;
    ByteView payload;         // string bytes, or the concatenated encodings of a list's items
    std::size_t offset = 0;   // offset of the item's header in the outermost input
};

// Exactly one item spanning the whole input (no trailing bytes).
Item decode(ByteView input, std::size_t baseOffset = 0);
// The items of a list, each checked.
std::vector<Item> listItems(const Item& list);
// listItems + a check of the count; `what` names the structure in errors.
std::vector<Item> listOf(const Item& list, std::size_t expectedCount, const char* what);

Bytes toBytes(const Item& item, const char* field);
U256 toUint(const Item& item, const char* field);            // at most 32 bytes, no leading zero
std::uint64_t toUint64(const Item& item, const char* field);
Hash256 toHash(const Item& item, const char* field);         // exactly 32 bytes
Address toAddress(const Item& item, const char* field);      // exactly 20 bytes
std::optional<Address> toOptionalAddress(const Item& item, const char* field);  // empty = none

}  // namespace swarmergy::ledger::rlp
