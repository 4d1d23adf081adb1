#include "ledger/contracts/Abi.h"

#include "ledger/crypto/Keccak.h"

#include <cstring>

namespace swarmergy::ledger {

namespace {
Bytes lengthPrefixed(ByteView content) {
    Bytes out;
    const auto len = U256(content.size()).toBigEndian();
    append(out, view(len));
    append(out, content);
    out.resize(32 + (content.size() + 31) / 32 * 32, 0);
    return out;
}

template <class T, class F>
Bytes wordArray(const std::vector<T>& items, F toWord) {
    Bytes out;
    const auto len = U256(items.size()).toBigEndian();
    append(out, view(len));
    for (const auto& item : items) {
        const auto w = toWord(item);
        append(out, view(w));
    }
    return out;
}

std::array<std::uint8_t, 32> addressWord(const Address& a) {
    std::array<std::uint8_t, 32> w{};
    std::memcpy(w.data() + 12, a.data(), 20);
    return w;
}
}  // namespace

Selector selectorOf(std::string_view signature) {
    const Hash256 h = keccak256(signature);
    return {h[0], h[1], h[2], h[3]};
}

Hash256 eventTopic(std::string_view signature) { return keccak256(signature); }

AbiWriter& AbiWriter::word(const std::array<std::uint8_t, 32>& w) {
    parts_.push_back(Part{false, Bytes(w.begin(), w.end())});
    return *this;
}
AbiWriter& AbiWriter::uint(const U256& v) { return word(v.toBigEndian()); }
AbiWriter& AbiWriter::int256(const U256& v) { return word(v.toBigEndian()); }
AbiWriter& AbiWriter::address(const Address& a) { return word(addressWord(a)); }
AbiWriter& AbiWriter::boolean(bool b) { return word(U256(b ? 1 : 0).toBigEndian()); }
AbiWriter& AbiWriter::bytes32(const Hash256& h) { return word(h); }
AbiWriter& AbiWriter::string(std::string_view s) {
    parts_.push_back(Part{true, lengthPrefixed(ByteView(reinterpret_cast<const std::uint8_t*>(s.data()), s.size()))});
    return *this;
}
AbiWriter& AbiWriter::bytes(ByteView b) {
    parts_.push_back(Part{true, lengthPrefixed(b)});
    return *this;
}
AbiWriter& AbiWriter::uintArray(const std::vector<U256>& v) {
    parts_.push_back(Part{true, wordArray(v, [](const U256& x) { return x.toBigEndian(); })});
    return *this;
}
AbiWriter& AbiWriter::addressArray(const std::vector<Address>& v) {
    parts_.push_back(Part{true, wordArray(v, addressWord)});
    return *this;
}
AbiWriter& AbiWriter::bytes32Array(const std::vector<Hash256>& v) {
    parts_.push_back(Part{true, wordArray(v, [](const Hash256& h) { return h; })});
    return *this;
}

Bytes AbiWriter::finish() const {
    Bytes head, tail;
    const std::size_t headSize = 32 * parts_.size();
    for (const auto& p : parts_) {
        if (!p.dynamic) {
            append(head, view(p.content));
            continue;
        }
        const auto offset = U256(headSize + tail.size()).toBigEndian();
        append(head, view(offset));
        append(tail, view(p.content));
    }
    append(head, view(tail));
    return head;
}

Bytes AbiWriter::finishCall(const Selector& selector) const {
    Bytes out(selector.begin(), selector.end());
    append(out, view(finish()));
    return out;
}

Hash256 AbiReader::wordAt(std::size_t byteOffset, const char* what) const {
    if (byteOffset > data_.size() || data_.size() - byteOffset < 32)
        throw AbiError(std::string(what) + ": data too short (" + std::to_string(data_.size()) + " bytes)");
    Hash256 w{};
    std::memcpy(w.data(), data_.data() + byteOffset, 32);
    return w;
}

std::size_t AbiReader::smallNumber(const Hash256& w, const char* what) const {
    const U256 v = U256::fromBigEndian(view(w));
    if (!v.fitsUint64() || v.low64() > data_.size()) throw AbiError(std::string(what) + " out of range");
    return static_cast<std::size_t>(v.low64());
}

U256 AbiReader::uint(std::size_t index) const {
    const std::string what = "argument " + std::to_string(index);
    return U256::fromBigEndian(view(wordAt(32 * index, what.c_str())));
}

std::uint64_t AbiReader::uint64(std::size_t index) const {
    const U256 v = uint(index);
    if (!v.fitsUint64()) throw AbiError("argument " + std::to_string(index) + ": does not fit uint64");
    return v.low64();
}

Address AbiReader::address(std::size_t index) const {
    const Hash256 w = wordAt(32 * index, "address argument");
    for (int i = 0; i < 12; ++i)
        if (w[i] != 0) throw AbiError("argument " + std::to_string(index) + ": address with dirty high bytes");
    Address a{};
    std::memcpy(a.data(), w.data() + 12, 20);
    return a;
}

bool AbiReader::boolean(std::size_t index) const {
    const U256 v = uint(index);
    if (v > U256(1)) throw AbiError("argument " + std::to_string(index) + ": bool must be 0 or 1");
    return v == U256(1);
}

Hash256 AbiReader::bytes32(std::size_t index) const { return wordAt(32 * index, "bytes32 argument"); }

std::size_t AbiReader::tailStart(std::size_t index) const {
    return smallNumber(wordAt(32 * index, "offset"), "offset of a dynamic argument");
}

Bytes AbiReader::bytes(std::size_t index) const {
    const std::size_t start = tailStart(index);
    const std::size_t length = smallNumber(wordAt(start, "length"), "length of a dynamic argument");
    if (data_.size() - start - 32 < length) throw AbiError("argument " + std::to_string(index) + ": content runs past the data");
    return Bytes(data_.begin() + static_cast<std::ptrdiff_t>(start + 32),
                 data_.begin() + static_cast<std::ptrdiff_t>(start + 32 + length));
}

std::string AbiReader::string(std::size_t index) const {
    const Bytes b = bytes(index);
    return std::string(b.begin(), b.end());
}

std::vector<U256> AbiReader::uintArray(std::size_t index) const {
    const std::size_t start = tailStart(index);
    const std::size_t count = smallNumber(wordAt(start, "array length"), "array length");
    if ((data_.size() - start - 32) / 32 < count) throw AbiError("argument " + std::to_string(index) + ": array runs past the data");
    std::vector<U256> out;
    out.reserve(count);
    for (std::size_t i = 0; i < count; ++i) out.push_back(U256::fromBigEndian(view(wordAt(start + 32 + 32 * i, "array item"))));
    return out;
}

std::vector<Address> AbiReader::addressArray(std::size_t index) const {
    std::vector<Address> out;
    for (const U256& v : uintArray(index)) {
        if (v.bitLength() > 160) throw AbiError("argument " + std::to_string(index) + ": address with dirty high bytes");
        const auto be = v.toBigEndian();
        Address a{};
        std::memcpy(a.data(), be.data() + 12, 20);
        out.push_back(a);
    }
    return out;
}

std::vector<Hash256> AbiReader::bytes32Array(std::size_t index) const {
    std::vector<Hash256> out;
    for (const U256& v : uintArray(index)) out.push_back(v.toBigEndian());
    return out;
}

U256 abiWord(ByteView data, std::size_t index) {
    if (data.size() < 32 * (index + 1)) throw AbiError("return data too short");
    return U256::fromBigEndian(data.subspan(32 * index, 32));
}

}  // namespace swarmergy::ledger
