// p2p wire format and admission: envelopes round-trip and sign over every field; strict
// decoding refuses malformed input; MessageGuard refuses wrong-chain, unsigned, badly signed,
// non-authority, stale or replayed Hellos, replayed or cross-connection messages.
#include "ledger/crypto/Keccak.h"
#include "ledger/p2p/Message.h"
#include "tests/ledger/Check.h"

using namespace swarmergy::ledger;
using namespace swarmergy::ledger::p2p;

namespace {

PrivateKey keyOf(const std::string& seed) { return privateKeyFromBytes(view(keccak256(seed))); }

const PrivateKey kAuthority = keyOf("authority");
const PrivateKey kOther = keyOf("other authority");
const PrivateKey kOutsider = keyOf("outsider");
constexpr std::uint64_t kNow = 1'800'000'000'000;

Envelope make(MessageKind kind, std::uint64_t sequence, Hash256 session, const PrivateKey* key, std::uint64_t chainId = 2468,
              std::uint64_t ts = kNow) {
    Envelope e;
    e.kind = kind;
    e.chainId = chainId;
    e.timestampMs = ts;
    e.sequence = sequence;
    e.session = session;
    e.body = kind == MessageKind::Hello ? Hello{keccak256("genesis"), 7, keccak256("head"), keccak256("nonce"), 30303}.encode()
                                        : HeadStatus{8, keccak256("head 8")}.encode();
    if (key) e.sign(*key);
    return e;
}

struct Fixture {
    Hash256 mySession = keccak256("my session");
    std::shared_ptr<std::set<Hash256>> seen = std::make_shared<std::set<Hash256>>();
    MessageGuard guard() {
        return MessageGuard(2468, mySession, [](const Address& a) { return a == addressOf(kAuthority) || a == addressOf(kOther); },
                            30'000, seen);
    }
};

void codec() {
    const Envelope e = make(MessageKind::Hello, 1, {}, &kAuthority);
    const Envelope back = Envelope::decode(view(e.encode()));
    CHECK(back.kind == e.kind && back.chainId == e.chainId && back.timestampMs == e.timestampMs && back.body == e.body);
    CHECK(back.sender() == addressOf(kAuthority));
    const Hello h = Hello::decode(view(back.body));
    CHECK_EQ(h.headNumber, 7u);
    CHECK_EQ(h.listenPort, 30303);
    // Every field is signed: changing any of them changes the recovered sender.
    for (int field = 0; field < 5; ++field) {
        Envelope t = e;
        if (field == 0) t.kind = MessageKind::Status;
        if (field == 1) t.chainId = 1;
        if (field == 2) t.timestampMs += 1;
        if (field == 3) t.sequence += 1;
        if (field == 4) t.body.push_back(0);
        CHECK(t.sender() != addressOf(kAuthority));
    }
    CHECK_THROWS(DecodeError, Envelope::decode(view(Bytes{0xde, 0xad})));
    Bytes noSig = e.encode();
    noSig.resize(noSig.size() - 1);
    CHECK_THROWS(DecodeError, Envelope::decode(view(noSig)));
    Envelope badKind = e;
    badKind.kind = static_cast<MessageKind>(9);
    CHECK_THROWS(DecodeError, Envelope::decode(view(badKind.encode())));
    CHECK_THROWS(DecodeError, Hello::decode(view(HeadStatus{1, {}}.encode())));
    const auto list = decodeByteList(view(encodeByteList({Bytes{1, 2}, Bytes{}, Bytes(300, 7)})), "test");
    CHECK_EQ(list.size(), 3u);
    CHECK(list[2] == Bytes(300, 7));
    CHECK_EQ(BlockRange::decode(view(BlockRange{5, 128}.encode())).count, 128u);
}

Refusal verdict(MessageGuard& g, const Envelope& e, std::uint64_t now = kNow) { return g.check(e, now).refusal; }

void guardRefusals() {
    Fixture f;
    {
        auto g = f.guard();
        CHECK(verdict(g, make(MessageKind::Hello, 1, {}, &kAuthority, 1)) == Refusal::WrongChain);
        CHECK(verdict(g, make(MessageKind::Hello, 1, {}, nullptr)) == Refusal::Unsigned);
        Envelope bad = make(MessageKind::Hello, 1, {}, &kAuthority);
        bad.signature[64] = 5;   // recovery id out of range
        CHECK(verdict(g, bad) == Refusal::BadSignature);
        CHECK(verdict(g, make(MessageKind::Hello, 1, {}, &kOutsider)) == Refusal::NotAuthority);
        CHECK(verdict(g, make(MessageKind::Status, 1, f.mySession, &kAuthority)) == Refusal::Protocol);   // Hello first
        CHECK(verdict(g, make(MessageKind::Hello, 1, {}, &kAuthority, 2468, kNow - 60'000)) == Refusal::Replayed);   // stale
        CHECK(verdict(g, make(MessageKind::Hello, 1, {}, &kAuthority, 2468, kNow + 60'000)) == Refusal::Replayed);   // future
        CHECK(!g.helloDone());
    }
    auto g = f.guard();
    const Envelope hello = make(MessageKind::Hello, 1, {}, &kAuthority);
    const auto ok = g.check(hello, kNow);
    CHECK(ok.ok());
    CHECK(ok.sender == addressOf(kAuthority));
    CHECK(g.helloDone());
    CHECK(verdict(g, make(MessageKind::Status, 2, f.mySession, &kAuthority)) == Refusal::None);
    CHECK(verdict(g, make(MessageKind::Status, 2, f.mySession, &kAuthority)) == Refusal::Replayed);   // same sequence
    CHECK(verdict(g, make(MessageKind::Status, 1, f.mySession, &kAuthority)) == Refusal::Replayed);   // older
    CHECK(verdict(g, make(MessageKind::Status, 3, keccak256("another connection"), &kAuthority)) == Refusal::Replayed);
    CHECK(verdict(g, make(MessageKind::Status, 4, f.mySession, &kOther)) == Refusal::BadSignature);   // not the session's peer
    CHECK(verdict(g, make(MessageKind::Hello, 5, {}, &kAuthority)) == Refusal::Protocol);
    CHECK(verdict(g, make(MessageKind::Status, 9, f.mySession, &kAuthority)) == Refusal::None);   // gaps are fine
    // The same Hello on a new connection of this node is a replay.
    auto g2 = f.guard();
    CHECK(verdict(g2, hello) == Refusal::Replayed);
    CHECK(verdict(g2, make(MessageKind::Hello, 1, {}, &kOther)) == Refusal::None);
}

}  // namespace

int main() {
    codec();
    guardRefusals();
    return swarmergy::ledger_test::testResult("tst_p2p_message");
}
