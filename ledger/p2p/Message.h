#pragma once
// Authenticated messages between SwarmLedger authorities. Every frame on the wire is
// u32 big-endian length || rlp([kind, chainId, timestampMs, sequence, session, body, signature])
// and the signature (65 bytes r||s||v, secp256k1, low-s) covers
// keccak256("SwarmLedger.p2p.v1" || rlp([kind, chainId, timestampMs, sequence, session, body])).
// The sender is the address the signature recovers: there is no separate identity field.
//
// Replay protection: a Hello (the first message of a connection) must be within a timestamp
// window and never seen before; every later message must carry the *receiver's* session nonce
// (sent in its Hello, fresh per connection) and a strictly increasing sequence number, so a
// message recorded on one connection is refused on any other and cannot be replayed on its own.
#include "ledger/crypto/Secp256k1.h"

#include <functional>
#include <set>
#include <deque>
#include <memory>

namespace swarmergy::ledger::p2p {

inline constexpr std::size_t kMaxFrameBytes = 32 * 1024 * 1024;

enum class MessageKind : std::uint8_t {
    Hello = 1,          // [genesisHash, headNumber, headHash, sessionNonce, listenPort]
    Status = 2,         // [headNumber, headHash]
    Transactions = 3,   // [rawTx, ...]
    NewBlock = 4,       // the block's RLP
    GetBlocks = 5,      // [fromNumber, count]
    Blocks = 6,         // [blockRlp, ...] consecutive canonical blocks
};
const char* kindName(MessageKind kind);

struct Envelope {
    MessageKind kind = MessageKind::Status;
    std::uint64_t chainId = 0;
    std::uint64_t timestampMs = 0;
    std::uint64_t sequence = 0;
    Hash256 session{};          // the receiver's session nonce (zero in a Hello)
    Bytes body;
    std::array<std::uint8_t, 65> signature{};

    Hash256 signingHash() const;
    Bytes encode() const;
    static Envelope decode(ByteView raw);   // strict; throws DecodeError
    void sign(const PrivateKey& key);
    std::optional<Address> sender() const;  // nullopt: unsigned or badly signed
};

struct Hello {
    Hash256 genesisHash{};
    std::uint64_t headNumber = 0;
    Hash256 headHash{};
    Hash256 sessionNonce{};
    std::uint16_t listenPort = 0;
    Bytes encode() const;
    static Hello decode(ByteView body);
};

struct HeadStatus {
    std::uint64_t headNumber = 0;
    Hash256 headHash{};
    Bytes encode() const;
    static HeadStatus decode(ByteView body);
};

struct BlockRange {
    std::uint64_t from = 0;
    std::uint64_t count = 0;
    Bytes encode() const;
    static BlockRange decode(ByteView body);
};

Bytes encodeByteList(const std::vector<Bytes>& items);
std::vector<Bytes> decodeByteList(ByteView body, const char* what);

// Why a message was refused (counted per reason in the network statistics).
enum class Refusal { None, Malformed, WrongChain, Unsigned, BadSignature, NotAuthority, Replayed, WrongGenesis, Protocol };
const char* refusalName(Refusal r);

// The admission checks of one connection, separated from sockets so tests can drive it.
class MessageGuard {
public:
    struct Verdict {
        Refusal refusal = Refusal::None;
        std::string detail;
        Address sender{};
        bool ok() const { return refusal == Refusal::None; }
    };
    // `seenHellos` is shared by all connections of a node (Hello replay across connections).
    MessageGuard(std::uint64_t chainId, Hash256 mySession, std::function<bool(const Address&)> isAllowed,
                 std::uint64_t windowMs, std::shared_ptr<std::set<Hash256>> seenHellos);
    Verdict check(const Envelope& envelope, std::uint64_t nowMs);
    bool helloDone() const { return peer_.has_value(); }
    const std::optional<Address>& peer() const { return peer_; }

private:
    std::uint64_t chainId_;
    Hash256 mySession_;
    std::function<bool(const Address&)> isAllowed_;
    std::uint64_t windowMs_;
    std::shared_ptr<std::set<Hash256>> seenHellos_;
    std::optional<Address> peer_;
    std::uint64_t lastSequence_ = 0;
};

std::uint64_t unixMillis();

}  // namespace swarmergy::ledger::p2p
