// Three in-process authorities on loopback (1 s period): they seal in turn and converge and a
// transaction submitted to one is included everywhere; a partition of one from two heals to
// one chain with no committed or submitted transaction lost; a signer vote adds a fourth
// authority that then seals; forged, unsigned, non-authority, replayed and wrong-chain
// messages are refused while the network keeps sealing.
#include "tests/ledger/functional/NetTestSupport.h"

#include "ledger/chain/Rlp.h"

#include <boost/asio.hpp>

using namespace swarmergy::ledger_test;
namespace asio = boost::asio;

namespace {

bool sameHeadAtLeast(const std::vector<std::unique_ptr<AuthorityNode>>& nodes, std::uint64_t number) {
    for (const auto& n : nodes)
        if (n->chain().headNumber() < number) return false;
    const auto ref = nodes[0]->chain().blockByNumber(number);
    for (const auto& n : nodes)
        if (!ref || n->chain().blockByNumber(number)->hash() != ref->hash()) return false;
    return true;
}

bool converged(const std::vector<AuthorityNode*>& nodes) {
    const Hash256 head = nodes[0]->chain().headHeader().hash();
    for (auto* n : nodes)
        if (n->chain().headHeader().hash() != head) return false;
    return true;
}

void sealInTurnAndConverge() {
    ScratchDir dir("net-converge");
    std::vector<std::unique_ptr<AuthorityNode>> nodes;
    std::vector<AuthorityConfig> configs{authorityConfig(dir, 0), authorityConfig(dir, 1), authorityConfig(dir, 2)};
    for (auto& c : configs) c.clique.epochLength = 4;   // checkpoints at 4 and 8
    startMesh(nodes, configs);
    CHECK(waitUntil([&] { return nodes[0]->status().peers.size() == 2 && nodes[2]->status().peers.size() == 2; }, 10'000, "full mesh"));
    const Bytes tx = nrgTransfer(0, 0, addressOf(userKey(1)), 5);
    CHECK(nodes[0]->submitRawTransaction(view(tx)).accepted);
    CHECK(waitUntil([&] { return sameHeadAtLeast(nodes, 6); }, 20'000, "three authorities agree on block 6"));
    CHECK(waitUntil([&] { return nodes[2]->chain().receiptByHash(txHash(tx)).has_value(); }, 10'000, "gossiped tx included"));
    // Every block sealed by a signer, never the same signer twice in a row (limit 2 of 3),
    // and all three take part.
    std::set<Address> sealers;
    std::optional<Address> previous;
    for (std::uint64_t n = 1; n <= 6; ++n) {
        const auto b = nodes[1]->chain().blockByNumber(n);
        const auto sealer = recoverSealer(b->header);
        CHECK(sealer.has_value());
        if (!sealer) continue;
        CHECK(!previous || *previous != *sealer);
        previous = sealer;
        sealers.insert(*sealer);
        CHECK(b->header.timestamp >= nodes[1]->chain().blockByNumber(n - 1)->header.timestamp + 1);
    }
    CHECK_EQ(sealers.size(), 3u);
    // The epoch checkpoint lists the signers (sorted) and carries no vote; others list none.
    const auto checkpoint = nodes[2]->chain().blockByNumber(4);
    CHECK_EQ(cliqueCheckpointSigners(checkpoint->header).size(), 3u);
    CHECK(checkpoint->header.coinbase == Address{});
    CHECK(cliqueCheckpointSigners(nodes[2]->chain().blockByNumber(5)->header).empty());
    const auto st = nodes[0]->status();
    CHECK_EQ(st.signers.size(), 3u);
    CHECK_EQ(st.lastSealedBySigner.size(), 3u);
    for (auto& n : nodes) n->stop();
}

void partitionAndHeal() {
    ScratchDir dir("net-partition");
    std::vector<std::unique_ptr<AuthorityNode>> nodes;
    startMesh(nodes, {authorityConfig(dir, 0), authorityConfig(dir, 1), authorityConfig(dir, 2)});
    CHECK(waitUntil([&] { return sameHeadAtLeast(nodes, 2); }, 15'000, "network running"));
    AuthorityNode& a = *nodes[0];
    AuthorityNode& b = *nodes[1];
    AuthorityNode& c = *nodes[2];
    auto partition = [&](bool on) {
        a.network().setBlocked(c.address(), on);
        b.network().setBlocked(c.address(), on);
        c.network().setBlocked(a.address(), on);
        c.network().setBlocked(b.address(), on);
    };
    partition(true);
    const std::uint64_t splitAt = a.chain().headNumber();
    // Transactions on both sides of the partition.
    std::vector<Bytes> txs;
    for (std::uint64_t i = 0; i < 3; ++i) txs.push_back(nrgTransfer(0, i, addressOf(userKey(3)), 10 + i));
    for (std::uint64_t i = 0; i < 3; ++i) txs.push_back(nrgTransfer(1, i, addressOf(userKey(3)), 20 + i));
    for (std::size_t i = 0; i < 3; ++i) CHECK(a.submitRawTransaction(view(txs[i])).accepted);
    for (std::size_t i = 3; i < 6; ++i) CHECK(c.submitRawTransaction(view(txs[i])).accepted);
    // The majority side (2 of 3) keeps sealing; the lone signer cannot (one block in 2).
    CHECK(waitUntil([&] { return a.chain().headNumber() >= splitAt + 4; }, 15'000, "majority side keeps sealing"));
    CHECK(c.chain().headNumber() <= splitAt + 2);
    CHECK(!c.chain().receiptByHash(txHash(txs[0])).has_value());   // C did not hear of A's transactions
    std::vector<Hash256> committedBeforeHeal;
    for (const auto& t : txs)
        for (auto* n : {&a, &c})
            if (n->chain().receiptByHash(txHash(t))) committedBeforeHeal.push_back(txHash(t));
    CHECK(!committedBeforeHeal.empty());
    partition(false);
    const std::vector<AuthorityNode*> all{&a, &b, &c};
    CHECK(waitUntil([&] {
        if (!converged(all)) return false;
        for (const auto& t : txs)
            for (auto* n : all)
                if (!n->chain().receiptByHash(txHash(t))) return false;
        return true;
    }, 30'000, "one chain holding every transaction after the heal"));
    for (const auto& h : committedBeforeHeal) CHECK(a.chain().receiptByHash(h).has_value());
    // User 3 received every transfer exactly once (no loss, no double inclusion).
    CallRequest q;
    q.to = contracts::kNrgToken;
    q.data = contracts::call::balanceOf(addressOf(userKey(3)));
    const auto balance = a.chain().call(q);
    CHECK(U256::fromBigEndian(view(balance.returnData)) == U256(1'000'000'000'000'000'000ULL + 10 + 11 + 12 + 20 + 21 + 22));
    for (auto& n : nodes) n->stop();
}

void voteInFourth() {
    ScratchDir dir("net-vote");
    std::vector<std::unique_ptr<AuthorityNode>> nodes;
    std::vector<AuthorityConfig> configs{authorityConfig(dir, 0), authorityConfig(dir, 1), authorityConfig(dir, 2)};
    AuthorityConfig fourth = authorityConfig(dir, 3);
    const Address d = addressOf(fourth.key);
    startMesh(nodes, configs);
    for (auto& n : nodes) n->propose(d, true);
    startMesh(nodes, {fourth});   // dials the three: admitted as the candidate they vote for
    AuthorityNode& dNode = *nodes[3];
    CHECK(waitUntil([&] { return dNode.status().peers.size() == 3; }, 10'000, "candidate connected"));
    CHECK(waitUntil([&] {
        for (const auto& n : nodes) {
            const auto s = n->status().signers;
            if (std::find(s.begin(), s.end(), d) == s.end()) return false;
        }
        return true;
    }, 20'000, "the vote adds the fourth signer everywhere"));
    CHECK(waitUntil([&] {
        const auto last = nodes[0]->status().lastSealedBySigner;
        return last.count(d) > 0;
    }, 20'000, "the fourth authority seals a block"));
    // The voted-in signer is also a contract authority: it registers a hub (the genesis
    // list alone would refuse it), and every node executes that the same way.
    const Address hub = addressOf(seededKey("hub of the fourth"));
    const Bytes reg = signedCall(fourth.key, 0, contracts::kHubRegistry,
                                 contracts::call::registerHub(hub, contracts::idFromString("a-4"), contracts::idFromString("r-4"),
                                                              addressOf(userKey(2))));
    CHECK(dNode.submitRawTransaction(view(reg)).accepted);
    CHECK(waitUntil([&] {
        for (const auto& n : nodes)
            if (!n->chain().receiptByHash(txHash(reg))) return false;
        return true;
    }, 15'000, "hub registration by the new authority included everywhere"));
    for (const auto& n : nodes) {
        const auto r = n->chain().receiptByHash(txHash(reg));
        CHECK(r && r->receipt.success);
    }
    const std::uint64_t head = nodes[0]->chain().headNumber();
    CHECK(waitUntil([&] { return sameHeadAtLeast(nodes, head); }, 10'000, "four authorities converge"));
    for (auto& n : nodes) n->stop();
}

// --- hostile peer ---
struct RawPeer {
    asio::io_context io;
    asio::ip::tcp::socket socket{io};
    explicit RawPeer(std::uint16_t port) { socket.connect({asio::ip::make_address("127.0.0.1"), port}); }
    void sendFrame(const Bytes& payload) {
        Bytes frame(4);
        const auto n = static_cast<std::uint32_t>(payload.size());
        for (int i = 0; i < 4; ++i) frame[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(n >> (24 - 8 * i));
        frame.insert(frame.end(), payload.begin(), payload.end());
        boost::system::error_code ec;
        asio::write(socket, asio::buffer(frame), ec);
    }
    std::optional<p2p::Envelope> readEnvelope() {
        std::array<std::uint8_t, 4> h{};
        boost::system::error_code ec;
        asio::read(socket, asio::buffer(h), ec);
        if (ec) return std::nullopt;
        Bytes body((std::uint32_t(h[0]) << 24) | (std::uint32_t(h[1]) << 16) | (std::uint32_t(h[2]) << 8) | h[3]);
        asio::read(socket, asio::buffer(body), ec);
        if (ec) return std::nullopt;
        return p2p::Envelope::decode(view(body));
    }
    // True when the node closed the connection (a refusal drops the peer).
    bool closedByNode() {
        for (;;) {
            if (!readEnvelope()) return true;   // its Hello may come first
        }
    }
};

p2p::Envelope envelope(p2p::MessageKind kind, std::uint64_t chainId, Bytes body, const PrivateKey* key, std::uint64_t sequence = 1,
                       Hash256 session = {}, std::uint64_t timestampMs = p2p::unixMillis()) {
    p2p::Envelope e;
    e.kind = kind;
    e.chainId = chainId;
    e.timestampMs = timestampMs;
    e.sequence = sequence;
    e.session = session;
    e.body = std::move(body);
    if (key) e.sign(*key);
    return e;
}

Bytes hello(const Hash256& genesis) {
    p2p::Hello h;
    h.genesisHash = genesis;
    h.sessionNonce = keccak256(std::to_string(p2p::unixMillis()) + "nonce");
    return h.encode();
}

void hostileMessages() {
    ScratchDir dir("net-hostile");
    const PrivateKey observer = seededKey("observer");
    std::vector<AuthorityConfig> configs{authorityConfig(dir, 0), authorityConfig(dir, 1), authorityConfig(dir, 2)};
    configs[0].extraPeers.push_back(addressOf(observer));
    std::vector<std::unique_ptr<AuthorityNode>> nodes;
    startMesh(nodes, configs);
    AuthorityNode& target = *nodes[0];
    const std::uint16_t port = target.p2pPort();
    const Hash256 genesis = target.chain().genesisHash();
    CHECK(waitUntil([&] { return target.chain().headNumber() >= 1; }, 10'000, "sealing started"));
    auto refusedCount = [&](const char* why) {
        const auto s = target.network().stats().refused;
        auto it = s.find(why);
        return it == s.end() ? 0ull : static_cast<unsigned long long>(it->second);
    };
    const PrivateKey outsider = seededKey("outsider");
    const PrivateKey authority1 = authorityKey(1);
    {
        RawPeer p(port);
        p.sendFrame(Bytes{0xde, 0xad, 0xbe, 0xef});
        CHECK(p.closedByNode());
    }
    {
        RawPeer p(port);
        p.sendFrame(envelope(p2p::MessageKind::Hello, 2468, hello(genesis), nullptr).encode());
        CHECK(p.closedByNode());
    }
    {
        RawPeer p(port);
        auto e = envelope(p2p::MessageKind::Hello, 2468, hello(genesis), &authority1);
        e.body.push_back(0x00);   // altered after signing: recovers another (non-authority) key or none
        p.sendFrame(e.encode());
        CHECK(p.closedByNode());
    }
    {
        RawPeer p(port);
        p.sendFrame(envelope(p2p::MessageKind::Hello, 2468, hello(genesis), &outsider).encode());
        CHECK(p.closedByNode());
    }
    {
        RawPeer p(port);
        p.sendFrame(envelope(p2p::MessageKind::Hello, 9999, hello(genesis), &observer).encode());
        CHECK(p.closedByNode());
    }
    {
        RawPeer p(port);
        p.sendFrame(envelope(p2p::MessageKind::Hello, 2468, hello(keccak256("other genesis")), &observer).encode());
        CHECK(p.closedByNode());
    }
    {
        RawPeer p(port);   // a Hello recorded an hour ago
        p.sendFrame(envelope(p2p::MessageKind::Hello, 2468, hello(genesis), &observer, 1, {}, p2p::unixMillis() - 3'600'000).encode());
        CHECK(p.closedByNode());
    }
    CHECK(refusedCount("malformed") >= 1);
    CHECK(refusedCount("unsigned") >= 1);
    CHECK(refusedCount("not-authority") >= 2);   // the outsider and the altered message
    CHECK(refusedCount("wrong-chain") >= 1);
    CHECK(refusedCount("wrong-genesis") >= 1);
    CHECK(refusedCount("replayed") >= 1);

    // An admitted peer: a valid session, then a replayed message and a block sealed by a
    // non-authority.
    const std::uint64_t refusedBlocksBefore = target.status().blocksRefused;
    {
        RawPeer p(port);
        const auto recorded = envelope(p2p::MessageKind::Hello, 2468, hello(genesis), &observer);
        p.sendFrame(recorded.encode());
        const auto theirs = p.readEnvelope();
        CHECK(theirs && theirs->kind == p2p::MessageKind::Hello);
        if (theirs) {
            const Hash256 session = p2p::Hello::decode(view(theirs->body)).sessionNonce;
            Block forged = *target.chain().blockByNumber(target.chain().headNumber());
            BlockHeader& h = forged.header;
            h.parentHash = forged.hash();
            h.number += 1;
            h.timestamp += 1;
            setCliqueExtra(h, {});
            sealHeader(h, outsider);
            p.sendFrame(envelope(p2p::MessageKind::NewBlock, 2468, forged.encode(), &observer, 2, session).encode());
            CHECK(waitUntil([&] { return target.status().blocksRefused > refusedBlocksBefore; }, 5'000, "forged block refused"));
            const auto replay = envelope(p2p::MessageKind::Status, 2468, p2p::HeadStatus{}.encode(), &observer, 2, session);
            p.sendFrame(replay.encode());   // sequence 2 again
            CHECK(p.closedByNode());
        }
        RawPeer again(port);   // the recorded Hello on a new connection
        again.sendFrame(recorded.encode());
        CHECK(again.closedByNode());
    }
    CHECK(refusedCount("replayed") >= 3);
    // The network still works: the three authorities keep sealing one chain.
    const std::uint64_t head = target.chain().headNumber();
    CHECK(waitUntil([&] { return sameHeadAtLeast(nodes, head + 2); }, 15'000, "sealing continues after the attacks"));
    CHECK(target.chain().headNumber() >= head + 2);
    for (auto& n : nodes) n->stop();
}

}  // namespace

int main(int argc, char** argv) {
    const std::string only = argc > 1 ? argv[1] : "";
    if (only.empty() || only == "converge") sealInTurnAndConverge();
    if (only.empty() || only == "hostile") hostileMessages();
    if (only.empty() || only == "partition") partitionAndHeal();
    if (only.empty() || only == "vote") voteInFourth();
    return testResult("tst_authorities");
}
