#include "ledger/chain/Rlp.h"

#include <cstring>

namespace swarmergy::ledger::rlp {

namespace {

void appendLength(Bytes& out, std::size_t length, std::uint8_t shortBase, std::uint8_t longBase) {
    if (length <= 55) {
        out.push_back(static_cast<std::uint8_t>(shortBase + length));
        return;
    }
    Bytes len;
    for (std::size_t l = length; l > 0; l >>= 8) len.insert(len.begin(), static_cast<std::uint8_t>(l & 0xff));
    out.push_back(static_cast<std::uint8_t>(longBase + len.size()));
    append(out, view(len));
}

[[noreturn]] void fail(const std::string& what, std::size_t offset) {
    throw DecodeError("rlp: " + what + " at offset " + std::to_string(offset));
}

// Decodes the item starting at input[pos]; advances pos past it.
Item decodeAt(ByteView input, std::size_t& pos, std::size_t baseOffset) {
    const std::size_t at = baseOffset + pos;
    if (pos >= input.size()) fail("unexpected end of input", at);
    const std::uint8_t b = input[pos];
    Item item;
    item.offset = at;
    if (b < 0x80) {
        item.payload = input.subspan(pos, 1);
        pos += 1;
        return item;
    }
    std::size_t headerSize = 1, length = 0;
    item.isList = b >= 0xc0;
    const std::uint8_t shortBase = item.isList ? 0xc0 : 0x80;
    const std::uint8_t longBase = item.isList ? 0xf7 : 0xb7;
    if (b <= longBase) {
        length = b - shortBase;
    } else {
        const std::size_t lenOfLen = b - longBase;
        if (pos + 1 + lenOfLen > input.size()) fail("truncated length prefix", at);
        if (input[pos + 1] == 0) fail("length prefix with a leading zero (non-canonical)", at);
        if (lenOfLen > 4) fail("length prefix of " + std::to_string(lenOfLen) + " bytes is too large", at);
        for (std::size_t i = 0; i < lenOfLen; ++i) length = (length << 8) | input[pos + 1 + i];
        if (length <= 55) fail("long form for a payload of " + std::to_string(length) + " bytes (non-canonical)", at);
        headerSize += lenOfLen;
    }
    if (length > input.size() - pos - headerSize)
        fail("payload of " + std::to_string(length) + " bytes runs past the end of the input", at);
    item.payload = input.subspan(pos + headerSize, length);
    if (!item.isList && length == 1 && item.payload[0] < 0x80)
        fail("single byte below 0x80 wrapped in a string header (non-canonical)", at);
    pos += headerSize + length;
    return item;
}

std::string fieldMessage(const char* field, const std::string& what) { return std::string(field) + ": " + what; }

}  // namespace

Bytes encodeBytes(ByteView bytes) {
    Bytes out;
    if (bytes.size() == 1 && bytes[0] < 0x80) {
        out.push_back(bytes[0]);
        return out;
    }
    out.reserve(bytes.size() + 9);
    appendLength(out, bytes.size(), 0x80, 0xb7);
    append(out, bytes);
    return out;
}

Bytes encodeUint(const U256& value) { return encodeBytes(view(value.toMinimalBigEndian())); }
Bytes encodeUint(std::uint64_t value) { return encodeUint(U256(value)); }

Bytes encodeAddress(const std::optional<Address>& address) {
    return address ? encodeBytes(view(*address)) : encodeBytes({});
}

Bytes encodeListPayload(ByteView concatenatedItems) {
    Bytes out;
    out.reserve(concatenatedItems.size() + 9);
    appendLength(out, concatenatedItems.size(), 0xc0, 0xf7);
    append(out, concatenatedItems);
    return out;
}

Bytes encodeList(const std::vector<Bytes>& encodedItems) {
    Bytes payload;
    for (const auto& item : encodedItems) append(payload, view(item));
    return encodeListPayload(view(payload));
}

Item decode(ByteView input, std::size_t baseOffset) {
    std::size_t pos = 0;
    Item item = decodeAt(input, pos, baseOffset);
    if (pos != input.size())
        fail(std::to_string(input.size() - pos) + " trailing byte(s) after the item", baseOffset + pos);
    return item;
}

std::vector<Item> listItems(const Item& list) {
    if (!list.isList) fail("expected a list, found a string", list.offset);
    std::vector<Item> items;
    // The payload starts after the list header: 1 byte, plus the length bytes in long form.
    std::size_t lengthBytes = 0;
    if (list.payload.size() > 55)
        for (std::size_t l = list.payload.size(); l > 0; l >>= 8) ++lengthBytes;
    const std::size_t payloadOffset = list.offset + 1 + lengthBytes;
    std::size_t pos = 0;
    while (pos < list.payload.size()) items.push_back(decodeAt(list.payload, pos, payloadOffset));
    return items;
}

std::vector<Item> listOf(const Item& list, std::size_t expectedCount, const char* what) {
    if (!list.isList) fail(std::string(what) + ": expected a list, found a string", list.offset);
    auto items = listItems(list);
    if (items.size() != expectedCount)
        fail(std::string(what) + ": expected " + std::to_string(expectedCount) + " items, found " +
                 std::to_string(items.size()), list.offset);
    return items;
}

Bytes toBytes(const Item& item, const char* field) {
    if (item.isList) fail(fieldMessage(field, "expected a byte string, found a list"), item.offset);
    return Bytes(item.payload.begin(), item.payload.end());
}

U256 toUint(const Item& item, const char* field) {
    if (item.isList) fail(fieldMessage(field, "expected an integer, found a list"), item.offset);
    if (item.payload.size() > 32) fail(fieldMessage(field, "integer longer than 32 bytes"), item.offset);
    if (!item.payload.empty() && item.payload[0] == 0)
        fail(fieldMessage(field, "integer with a leading zero byte (non-canonical)"), item.offset);
    return U256::fromBigEndian(item.payload);
}

std::uint64_t toUint64(const Item& item, const char* field) {
    const U256 v = toUint(item, field);
    if (!v.fitsUint64()) fail(fieldMessage(field, "integer does not fit 64 bits"), item.offset);
    return v.low64();
}

Hash256 toHash(const Item& item, const char* field) {
    if (item.isList || item.payload.size() != 32)
        fail(fieldMessage(field, "expected 32 bytes"), item.offset);
    Hash256 h{};
    std::memcpy(h.data(), item.payload.data(), 32);
    return h;
}

Address toAddress(const Item& item, const char* field) {
    if (item.isList || item.payload.size() != 20)
        fail(fieldMessage(field, "expected a 20-byte address"), item.offset);
    Address a{};
    std::memcpy(a.data(), item.payload.data(), 20);
    return a;
}

std::optional<Address> toOptionalAddress(const Item& item, const char* field) {
    if (!item.isList && item.payload.empty()) return std::nullopt;
    return toAddress(item, field);
}

}  // namespace swarmergy::ledger::rlp
