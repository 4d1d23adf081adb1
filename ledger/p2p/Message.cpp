#include "ledger/p2p/Message.h"

#include "ledger/chain/Rlp.h"
#include "ledger/crypto/Keccak.h"

#include <chrono>

namespace swarmergy::ledger::p2p {

namespace {
constexpr std::string_view kDomain = "SwarmLedger.p2p.v1";

Bytes unsignedPart(const Envelope& e) {
    return rlp::encodeList({rlp::encodeUint(static_cast<std::uint64_t>(e.kind)), rlp::encodeUint(e.chainId),
                            rlp::encodeUint(e.timestampMs), rlp::encodeUint(e.sequence), rlp::encodeBytes(view(e.session)),
                            rlp::encodeBytes(view(e.body))});
}
}  // namespace

std::uint64_t unixMillis() {
    return static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count());
}

const char* kindName(MessageKind kind) {
    switch (kind) {
    case MessageKind::Hello: return "Hello";
    case MessageKind::Status: return "Status";
    case MessageKind::Transactions: return "Transactions";
    case MessageKind::NewBlock: return "NewBlock";
    case MessageKind::GetBlocks: return "GetBlocks";
    case MessageKind::Blocks: return "Blocks";
    }
    return "unknown";
}

const char* refusalName(Refusal r) {
    switch (r) {
    case Refusal::None: return "none";
    case Refusal::Malformed: return "malformed";
    case Refusal::WrongChain: return "wrong-chain";
    case Refusal::Unsigned: return "unsigned";
    case Refusal::BadSignature: return "bad-signature";
    case Refusal::NotAuthority: return "not-authority";
    case Refusal::Replayed: return "replayed";
    case Refusal::WrongGenesis: return "wrong-genesis";
    case Refusal::Protocol: return "protocol";
    }
    return "unknown";
}

Hash256 Envelope::signingHash() const {
    Keccak256 k;
    k.update(ByteView(reinterpret_cast<const std::uint8_t*>(kDomain.data()), kDomain.size()));
    const Bytes part = unsignedPart(*this);
    k.update(view(part));
    return k.finish();
}

Bytes Envelope::encode() const {
    return rlp::encodeList({rlp::encodeUint(static_cast<std::uint64_t>(kind)), rlp::encodeUint(chainId), rlp::encodeUint(timestampMs),
                            rlp::encodeUint(sequence), rlp::encodeBytes(view(session)), rlp::encodeBytes(view(body)),
                            rlp::encodeBytes(view(signature))});
}

Envelope Envelope::decode(ByteView raw) {
    const auto items = rlp::listOf(rlp::decode(raw), 7, "p2p envelope");
    Envelope e;
    const std::uint64_t kind = rlp::toUint64(items[0], "envelope.kind");
    if (kind < 1 || kind > 6) throw DecodeError("envelope.kind: unknown message kind " + std::to_string(kind));
    e.kind = static_cast<MessageKind>(kind);
    e.chainId = rlp::toUint64(items[1], "envelope.chainId");
    e.timestampMs = rlp::toUint64(items[2], "envelope.timestampMs");
    e.sequence = rlp::toUint64(items[3], "envelope.sequence");
    e.session = rlp::toHash(items[4], "envelope.session");
    e.body = rlp::toBytes(items[5], "envelope.body");
    const Bytes sig = rlp::toBytes(items[6], "envelope.signature");
    if (sig.size() != 65) throw DecodeError("envelope.signature: expected 65 bytes, got " + std::to_string(sig.size()));
    std::copy(sig.begin(), sig.end(), e.signature.begin());
    return e;
}

void Envelope::sign(const PrivateKey& key) { signature = ledger::sign(signingHash(), key).toBytes65(); }

std::optional<Address> Envelope::sender() const {
    try {
        return recoverAddress(signingHash(), Signature::fromBytes65(view(signature)));
    } catch (const DecodeError&) {
        return std::nullopt;
    }
}

Bytes Hello::encode() const {
    return rlp::encodeList({rlp::encodeBytes(view(genesisHash)), rlp::encodeUint(headNumber), rlp::encodeBytes(view(headHash)),
                            rlp::encodeBytes(view(sessionNonce)), rlp::encodeUint(static_cast<std::uint64_t>(listenPort))});
}

Hello Hello::decode(ByteView body) {
    const auto items = rlp::listOf(rlp::decode(body), 5, "Hello");
    Hello h;
    h.genesisHash = rlp::toHash(items[0], "Hello.genesisHash");
    h.headNumber = rlp::toUint64(items[1], "Hello.headNumber");
    h.headHash = rlp::toHash(items[2], "Hello.headHash");
    h.sessionNonce = rlp::toHash(items[3], "Hello.sessionNonce");
    const std::uint64_t port = rlp::toUint64(items[4], "Hello.listenPort");
    if (port > 65535) throw DecodeError("Hello.listenPort: out of range");
    h.listenPort = static_cast<std::uint16_t>(port);
    return h;
}

Bytes HeadStatus::encode() const { return rlp::encodeList({rlp::encodeUint(headNumber), rlp::encodeBytes(view(headHash))}); }

HeadStatus HeadStatus::decode(ByteView body) {
    const auto items = rlp::listOf(rlp::decode(body), 2, "Status");
    return HeadStatus{rlp::toUint64(items[0], "Status.headNumber"), rlp::toHash(items[1], "Status.headHash")};
}

Bytes BlockRange::encode() const { return rlp::encodeList({rlp::encodeUint(from), rlp::encodeUint(count)}); }

BlockRange BlockRange::decode(ByteView body) {
    const auto items = rlp::listOf(rlp::decode(body), 2, "GetBlocks");
    return BlockRange{rlp::toUint64(items[0], "GetBlocks.from"), rlp::toUint64(items[1], "GetBlocks.count")};
}

Bytes encodeByteList(const std::vector<Bytes>& items) {
    std::vector<Bytes> encoded;
    encoded.reserve(items.size());
    for (const auto& item : items) encoded.push_back(rlp::encodeBytes(view(item)));
    return rlp::encodeList(encoded);
}

std::vector<Bytes> decodeByteList(ByteView body, const char* what) {
    std::vector<Bytes> out;
    for (const auto& item : rlp::listItems(rlp::decode(body))) out.push_back(rlp::toBytes(item, what));
    return out;
}

MessageGuard::MessageGuard(std::uint64_t chainId, Hash256 mySession, std::function<bool(const Address&)> isAllowed,
                           std::uint64_t windowMs, std::shared_ptr<std::set<Hash256>> seenHellos)
    : chainId_(chainId), mySession_(mySession), isAllowed_(std::move(isAllowed)), windowMs_(windowMs), seenHellos_(std::move(seenHellos)) {}

MessageGuard::Verdict MessageGuard::check(const Envelope& e, std::uint64_t nowMs) {
    Verdict v;
    auto refuse = [&](Refusal r, std::string detail) {
        v.refusal = r;
        v.detail = std::string(kindName(e.kind)) + ": " + std::move(detail);
        return v;
    };
    if (e.chainId != chainId_) return refuse(Refusal::WrongChain, "chain id " + std::to_string(e.chainId) + ", expected " + std::to_string(chainId_));
    if (e.signature == std::array<std::uint8_t, 65>{}) return refuse(Refusal::Unsigned, "no signature");
    const auto sender = e.sender();
    if (!sender) return refuse(Refusal::BadSignature, "signature does not recover");
    v.sender = *sender;
    if (!isAllowed_(*sender)) return refuse(Refusal::NotAuthority, toChecksumAddress(*sender) + " is not an authority");
    if (!peer_) {
        if (e.kind != MessageKind::Hello) return refuse(Refusal::Protocol, "first message must be Hello");
        const std::uint64_t skew = nowMs > e.timestampMs ? nowMs - e.timestampMs : e.timestampMs - nowMs;
        if (skew > windowMs_) return refuse(Refusal::Replayed, "timestamp " + std::to_string(skew) + " ms away from now");
        const Hash256 id = keccak256(view(e.encode()));   // signature included (low-s: not malleable)
        if (seenHellos_->count(id)) return refuse(Refusal::Replayed, "Hello already seen");
        seenHellos_->insert(id);
        if (seenHellos_->size() > 100'000) seenHellos_->clear();   // the timestamp window still bounds replays
        peer_ = *sender;
        return v;
    }
    if (*sender != *peer_) return refuse(Refusal::BadSignature, "signed by " + toChecksumAddress(*sender) + ", not the session's peer");
    if (e.kind == MessageKind::Hello) return refuse(Refusal::Protocol, "second Hello");
    if (e.session != mySession_) return refuse(Refusal::Replayed, "session nonce of another connection");
    if (e.sequence <= lastSequence_) return refuse(Refusal::Replayed, "sequence " + std::to_string(e.sequence) + " not after " + std::to_string(lastSequence_));
    lastSequence_ = e.sequence;
    return v;
}

}  // namespace swarmergy::ledger::p2p
