#pragma once
// TCP between SwarmLedger authorities over Boost.Asio: length-prefixed signed messages
// (Message.h), a Hello handshake checking chain id and genesis hash, broadcast of
// transactions, blocks and head status, block requests by number range, and reconnection to
// the configured peers with exponential backoff. One I/O thread; the handlers run on it and
// must not block for long (the node runtime posts the work to its own thread).
#include "ledger/p2p/Message.h"

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace swarmergy::ledger::p2p {

struct Endpoint {
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;
};

struct NetworkConfig {
    std::uint64_t chainId = 0;
    Hash256 genesisHash{};
    PrivateKey key;
    std::string listenHost = "127.0.0.1";
    std::uint16_t listenPort = 0;              // 0: an ephemeral port (see Network::listenPort)
    std::vector<Endpoint> peers;               // dialled and re-dialled with backoff
    std::uint64_t replayWindowMs = 30'000;     // Hello timestamps further from now are refused
    std::uint64_t backoffMinMs = 100;
    std::uint64_t backoffMaxMs = 3'000;
    std::uint64_t statusIntervalMs = 500;      // head status heartbeat (drives sync after a heal)
};

struct NetworkHandlers {
    std::function<bool(const Address&)> isAllowedPeer;            // authorities (and candidates)
    std::function<HeadStatus()> localHead;
    std::function<void(const Address&, std::vector<Bytes>)> onTransactions;
    std::function<void(const Address&, Bytes)> onBlock;
    std::function<void(const Address&, const HeadStatus&)> onStatus;   // also after each Hello
    std::function<std::vector<Bytes>(const BlockRange&)> serveBlocks;  // answer a GetBlocks
    std::function<void(const Address&, std::vector<Bytes>)> onBlocks;
};

struct PeerInfo {
    Address address{};
    std::string remote;
    bool outbound = false;
    HeadStatus head;
};

struct NetworkStats {
    std::map<std::string, std::uint64_t> refused;   // by refusalName
    std::uint64_t messagesIn = 0;
    std::uint64_t messagesOut = 0;
};

class Network {
public:
    Network(NetworkConfig config, NetworkHandlers handlers);
    ~Network();
    Network(const Network&) = delete;
    Network& operator=(const Network&) = delete;

    void start();   // binds (throws std::system_error if the port is taken) and starts the thread
    void stop();    // closes every connection and joins the thread; idempotent
    std::uint16_t listenPort() const { return boundPort_; }
    Address self() const { return self_; }

    void broadcastTransactions(std::vector<Bytes> rawTxs);
    void broadcastBlock(Bytes blockRlp, std::optional<Address> except = std::nullopt);
    void broadcastStatus();
    void requestBlocks(const Address& peer, BlockRange range);

    std::vector<PeerInfo> peers() const;
    NetworkStats stats() const;
    // Test hook for partitions: drop every message to and from `peer` while blocked (the TCP
    // connection stays up, as when a link silently stops forwarding).
    void setBlocked(const Address& peer, bool blocked);

    struct Impl;   // Asio state (Network.cpp)

private:
    std::unique_ptr<Impl> impl_;
    NetworkConfig config_;
    Address self_{};
    std::uint16_t boundPort_ = 0;
};

}  // namespace swarmergy::ledger::p2p
