#include "ledger/p2p/Network.h"

#include <boost/asio.hpp>

#include <cstdio>

namespace swarmergy::ledger::p2p {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {
Hash256 freshNonce() {
    const PrivateKey k = generatePrivateKey();   // 32 bytes from getrandom(2)
    Hash256 h;
    std::copy(k.bytes.begin(), k.bytes.end(), h.begin());
    return h;
}
}  // namespace

struct Session;

struct Dialer {
    Endpoint endpoint;
    std::unique_ptr<asio::steady_timer> timer;
    std::uint64_t backoffMs = 0;
    std::optional<Address> known;
};

struct Network::Impl {
    NetworkConfig config;
    NetworkHandlers handlers;
    Address self{};
    asio::io_context io;
    std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
    tcp::acceptor acceptor{io};
    asio::steady_timer statusTimer{io};
    std::thread thread;
    std::vector<Dialer> dialers;
    std::set<std::shared_ptr<Session>> sessions;                 // io thread only
    std::map<Address, std::shared_ptr<Session>> established;     // guarded by mutex
    std::set<Address> blocked;                                   // guarded by mutex
    NetworkStats stats;                                          // guarded by mutex
    mutable std::mutex mutex;
    std::shared_ptr<std::set<Hash256>> seenHellos = std::make_shared<std::set<Hash256>>();
    bool stopping = false;

    void accept();
    void dial(std::size_t index);
    void scheduleDial(std::size_t index, std::uint64_t delayMs);
    void tickStatus();
    void refused(Refusal r, const std::string& detail);
    void closed(const std::shared_ptr<Session>& s);
    void established_(const std::shared_ptr<Session>& s);
    bool isBlocked(const Address& a) {
        std::lock_guard lock(mutex);
        return blocked.count(a) > 0;
    }
    void sendTo(const std::shared_ptr<Session>& s, MessageKind kind, Bytes body);
    std::vector<std::shared_ptr<Session>> live() {
        std::lock_guard lock(mutex);
        std::vector<std::shared_ptr<Session>> out;
        for (const auto& [a, s] : established)
            if (!blocked.count(a)) out.push_back(s);
        return out;
    }
};

struct Session : std::enable_shared_from_this<Session> {
    Network::Impl& net;
    tcp::socket socket;
    bool outbound;
    std::optional<std::size_t> dialer;
    Hash256 mySession = freshNonce();
    Hash256 peerSession{};
    bool peerHello = false;
    MessageGuard guard;
    std::uint64_t sequence = 0;
    std::deque<std::pair<MessageKind, Bytes>> beforeHello;
    std::deque<std::shared_ptr<Bytes>> writes;
    bool writing = false;
    bool closedFlag = false;
    std::array<std::uint8_t, 4> header{};
    Bytes body;
    HeadStatus head;
    std::string remote;

    Session(Network::Impl& n, tcp::socket s, bool out, std::optional<std::size_t> d)
        : net(n), socket(std::move(s)), outbound(out), dialer(d),
          guard(n.config.chainId, mySession, n.handlers.isAllowedPeer, n.config.replayWindowMs, n.seenHellos) {
        boost::system::error_code ec;
        const auto ep = socket.remote_endpoint(ec);
        remote = ec ? "?" : ep.address().to_string() + ":" + std::to_string(ep.port());
    }

    void start() {
        Hello hello;
        hello.genesisHash = net.config.genesisHash;
        const HeadStatus local = net.handlers.localHead();
        hello.headNumber = local.headNumber;
        hello.headHash = local.headHash;
        hello.sessionNonce = mySession;
        hello.listenPort = net.acceptor.is_open() ? net.acceptor.local_endpoint().port() : 0;
        write(MessageKind::Hello, hello.encode());
        readHeader();
    }

    void send(MessageKind kind, Bytes b) {
        if (closedFlag) return;
        if (!peerHello) {
            beforeHello.emplace_back(kind, std::move(b));
            return;
        }
        write(kind, std::move(b));
    }

    void write(MessageKind kind, Bytes b) {
        Envelope e;
        e.kind = kind;
        e.chainId = net.config.chainId;
        e.timestampMs = unixMillis();
        e.sequence = ++sequence;
        e.session = kind == MessageKind::Hello ? Hash256{} : peerSession;
        e.body = std::move(b);
        e.sign(net.config.key);
        const Bytes encoded = e.encode();
        auto frame = std::make_shared<Bytes>();
        const auto n = static_cast<std::uint32_t>(encoded.size());
        frame->resize(encoded.size() + 4);
        for (int i = 0; i < 4; ++i) (*frame)[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(n >> (24 - 8 * i));
        std::copy(encoded.begin(), encoded.end(), frame->begin() + 4);
        writes.push_back(std::move(frame));
        {
            std::lock_guard lock(net.mutex);
            ++net.stats.messagesOut;
        }
        pump();
    }

    void pump() {
        if (writing || writes.empty() || closedFlag) return;
        writing = true;
        auto self = shared_from_this();
        asio::async_write(socket, asio::buffer(*writes.front()), [self](boost::system::error_code ec, std::size_t) {
            self->writing = false;
            if (ec) return self->close();
            self->writes.pop_front();
            self->pump();
        });
    }

    void readHeader() {
        auto self = shared_from_this();
        asio::async_read(socket, asio::buffer(header), [self](boost::system::error_code ec, std::size_t) {
            if (ec) return self->close();
            const std::uint32_t n = (std::uint32_t(self->header[0]) << 24) | (std::uint32_t(self->header[1]) << 16) |
                                    (std::uint32_t(self->header[2]) << 8) | std::uint32_t(self->header[3]);
            if (n == 0 || n > kMaxFrameBytes) {
                self->net.refused(Refusal::Malformed, "frame length " + std::to_string(n));
                return self->close();
            }
            self->body.resize(n);
            self->readBody();
        });
    }

    void readBody() {
        auto self = shared_from_this();
        asio::async_read(socket, asio::buffer(body), [self](boost::system::error_code ec, std::size_t) {
            if (ec) return self->close();
            if (self->handle()) self->readHeader();
            else self->close();
        });
    }

    // Returns false to drop the connection.
    bool handle() {
        Envelope e;
        try {
            e = Envelope::decode(view(body));
        } catch (const DecodeError& err) {
            net.refused(Refusal::Malformed, err.what());
            return false;
        }
        const auto verdict = guard.check(e, unixMillis());
        if (!verdict.ok()) {
            net.refused(verdict.refusal, verdict.detail + " from " + remote);
            return false;
        }
        {
            std::lock_guard lock(net.mutex);
            ++net.stats.messagesIn;
        }
        const Address from = verdict.sender;
        try {
            if (e.kind == MessageKind::Hello) return onHello(Hello::decode(view(e.body)));
            if (net.isBlocked(from)) return true;   // partition test: the link drops it
            switch (e.kind) {
            case MessageKind::Status:
            {
                const HeadStatus status = HeadStatus::decode(view(e.body));
                {
                    std::lock_guard lock(net.mutex);
                    head = status;
                }
                if (net.handlers.onStatus) net.handlers.onStatus(from, status);
            }
                break;
            case MessageKind::Transactions:
                if (net.handlers.onTransactions) net.handlers.onTransactions(from, decodeByteList(view(e.body), "Transactions"));
                break;
            case MessageKind::NewBlock:
                if (net.handlers.onBlock) net.handlers.onBlock(from, std::move(e.body));
                break;
            case MessageKind::GetBlocks: {
                const BlockRange range = BlockRange::decode(view(e.body));
                std::vector<Bytes> blocks = net.handlers.serveBlocks ? net.handlers.serveBlocks(range) : std::vector<Bytes>{};
                send(MessageKind::Blocks, encodeByteList(blocks));
                break;
            }
            case MessageKind::Blocks:
                if (net.handlers.onBlocks) net.handlers.onBlocks(from, decodeByteList(view(e.body), "Blocks"));
                break;
            case MessageKind::Hello: break;
            }
        } catch (const DecodeError& err) {
            net.refused(Refusal::Malformed, std::string(kindName(e.kind)) + ": " + err.what());
            return false;
        }
        return true;
    }

    bool onHello(const Hello& hello) {
        if (hello.genesisHash != net.config.genesisHash) {
            net.refused(Refusal::WrongGenesis, "Hello with genesis " + toHex(view(hello.genesisHash)) + " from " + remote);
            return false;
        }
        if (*guard.peer() == net.self) return false;   // dialled ourselves
        peerSession = hello.sessionNonce;
        peerHello = true;
        {
            std::lock_guard lock(net.mutex);
            head = HeadStatus{hello.headNumber, hello.headHash};
        }
        if (dialer) net.dialers[*dialer].known = *guard.peer();
        net.established_(shared_from_this());
        if (closedFlag) return false;
        while (!beforeHello.empty()) {
            auto [kind, b] = std::move(beforeHello.front());
            beforeHello.pop_front();
            write(kind, std::move(b));
        }
        if (dialer) net.dialers[*dialer].backoffMs = net.config.backoffMinMs;
        if (net.handlers.onStatus && !net.isBlocked(*guard.peer()))
            net.handlers.onStatus(*guard.peer(), HeadStatus{hello.headNumber, hello.headHash});
        return true;
    }

    void close() {
        if (closedFlag) return;
        closedFlag = true;
        boost::system::error_code ec;
        socket.shutdown(tcp::socket::shutdown_both, ec);
        socket.close(ec);
        net.closed(shared_from_this());
    }
};

void Network::Impl::refused(Refusal r, const std::string& detail) {
    std::lock_guard lock(mutex);
    ++stats.refused[refusalName(r)];
    (void)detail;
}

void Network::Impl::established_(const std::shared_ptr<Session>& s) {
    const Address peer = *s->guard.peer();
    std::shared_ptr<Session> loser;
    {
        std::lock_guard lock(mutex);
        auto it = established.find(peer);
        if (it != established.end() && it->second != s && !it->second->closedFlag) {
            // Both sides dialled: keep the connection dialled by the lower address, so both
            // ends drop the same one.
            const Address keepDialler = std::min(self, peer);
            auto dialledBy = [&](const Session& x) { return x.outbound ? self : peer; };
            if (dialledBy(*s) == keepDialler && dialledBy(*it->second) != keepDialler) {
                loser = it->second;
                it->second = s;
            } else if (dialledBy(*s) != keepDialler && dialledBy(*it->second) == keepDialler) {
                loser = s;
            } else {
                loser = it->second;   // same dialler: the older one is a stale reconnection
                it->second = s;
            }
        } else {
            established[peer] = s;
        }
    }
    if (loser) loser->close();
}

void Network::Impl::closed(const std::shared_ptr<Session>& s) {
    {
        std::lock_guard lock(mutex);
        if (s->guard.peer()) {
            auto it = established.find(*s->guard.peer());
            if (it != established.end() && it->second == s) established.erase(it);
        }
    }
    sessions.erase(s);
    if (s->dialer && !stopping) {
        Dialer& d = dialers[*s->dialer];
        scheduleDial(*s->dialer, d.backoffMs);
        d.backoffMs = std::min(config.backoffMaxMs, std::max(config.backoffMinMs, d.backoffMs * 2));
    }
}

void Network::Impl::accept() {
    acceptor.async_accept([this](boost::system::error_code ec, tcp::socket socket) {
        if (stopping) return;
        if (!ec) {
            socket.set_option(tcp::no_delay(true), ec);
            auto s = std::make_shared<Session>(*this, std::move(socket), false, std::nullopt);
            sessions.insert(s);
            s->start();
        }
        accept();
    });
}

void Network::Impl::scheduleDial(std::size_t index, std::uint64_t delayMs) {
    Dialer& d = dialers[index];
    d.timer->expires_after(std::chrono::milliseconds(delayMs));
    d.timer->async_wait([this, index](boost::system::error_code ec) {
        if (!ec && !stopping) dial(index);
    });
}

void Network::Impl::dial(std::size_t index) {
    Dialer& d = dialers[index];
    if (d.known) {
        std::lock_guard lock(mutex);
        if (established.count(*d.known)) {   // already connected (the peer dialled us): check later
            scheduleDial(index, config.backoffMaxMs);
            return;
        }
    }
    boost::system::error_code ec;
    const std::string host = d.endpoint.host == "localhost" ? "127.0.0.1" : d.endpoint.host;
    const auto address = asio::ip::make_address(host, ec);
    if (ec) {
        std::fprintf(stderr, "p2p: peer host %s is not an IP address\n", d.endpoint.host.c_str());
        return;
    }
    auto socket = std::make_shared<tcp::socket>(io);
    socket->async_connect(tcp::endpoint(address, d.endpoint.port), [this, index, socket](boost::system::error_code err) {
        if (stopping) return;
        Dialer& dd = dialers[index];
        if (err) {
            scheduleDial(index, dd.backoffMs);
            dd.backoffMs = std::min(config.backoffMaxMs, std::max(config.backoffMinMs, dd.backoffMs * 2));
            return;
        }
        socket->set_option(tcp::no_delay(true), err);
        if (socket->local_endpoint(err) == socket->remote_endpoint(err)) {   // TCP self-connect to a down peer's port
            socket->close(err);
            scheduleDial(index, dd.backoffMs);
            return;
        }
        auto s = std::make_shared<Session>(*this, std::move(*socket), true, index);
        sessions.insert(s);
        s->start();
    });
}

void Network::Impl::tickStatus() {
    statusTimer.expires_after(std::chrono::milliseconds(config.statusIntervalMs));
    statusTimer.async_wait([this](boost::system::error_code ec) {
        if (ec || stopping) return;
        const Bytes status = handlers.localHead().encode();
        for (const auto& s : live()) s->send(MessageKind::Status, status);
        tickStatus();
    });
}

void Network::Impl::sendTo(const std::shared_ptr<Session>& s, MessageKind kind, Bytes body) { s->send(kind, std::move(body)); }

Network::Network(NetworkConfig config, NetworkHandlers handlers)
    : impl_(std::make_unique<Impl>()), config_(std::move(config)), self_(addressOf(config_.key)) {
    impl_->config = config_;
    impl_->handlers = std::move(handlers);
    impl_->self = self_;
}

Network::~Network() { stop(); }

void Network::start() {
    Impl& m = *impl_;
    const auto address = asio::ip::make_address(config_.listenHost == "localhost" ? "127.0.0.1" : config_.listenHost);
    const tcp::endpoint endpoint(address, config_.listenPort);
    m.acceptor.open(endpoint.protocol());
    m.acceptor.set_option(tcp::acceptor::reuse_address(true));
    m.acceptor.bind(endpoint);
    m.acceptor.listen();
    boundPort_ = m.acceptor.local_endpoint().port();
    m.work.emplace(asio::make_work_guard(m.io));
    for (const auto& peer : config_.peers) {
        Dialer d;
        d.endpoint = peer;
        d.timer = std::make_unique<asio::steady_timer>(m.io);
        d.backoffMs = config_.backoffMinMs;
        m.dialers.push_back(std::move(d));
    }
    asio::post(m.io, [&m] {
        m.accept();
        for (std::size_t i = 0; i < m.dialers.size(); ++i) m.dial(i);
        m.tickStatus();
    });
    m.thread = std::thread([&m] { m.io.run(); });
}

void Network::stop() {
    Impl& m = *impl_;
    if (!m.thread.joinable()) return;
    asio::post(m.io, [&m] {
        m.stopping = true;
        boost::system::error_code ec;
        m.acceptor.close(ec);
        m.statusTimer.cancel();
        for (auto& d : m.dialers) d.timer->cancel();
        auto all = m.sessions;
        for (const auto& s : all) s->close();
        m.work.reset();
        m.io.stop();
    });
    m.thread.join();
    std::lock_guard lock(m.mutex);
    m.established.clear();
    m.sessions.clear();
}

void Network::broadcastTransactions(std::vector<Bytes> rawTxs) {
    if (rawTxs.empty()) return;
    auto body = std::make_shared<Bytes>(encodeByteList(rawTxs));
    asio::post(impl_->io, [this, body] {
        for (const auto& s : impl_->live()) s->send(MessageKind::Transactions, *body);
    });
}

void Network::broadcastBlock(Bytes blockRlp, std::optional<Address> except) {
    auto body = std::make_shared<Bytes>(std::move(blockRlp));
    asio::post(impl_->io, [this, body, except] {
        for (const auto& s : impl_->live())
            if (!except || *s->guard.peer() != *except) s->send(MessageKind::NewBlock, *body);
    });
}

void Network::broadcastStatus() {
    asio::post(impl_->io, [this] {
        const Bytes status = impl_->handlers.localHead().encode();
        for (const auto& s : impl_->live()) s->send(MessageKind::Status, status);
    });
}

void Network::requestBlocks(const Address& peer, BlockRange range) {
    asio::post(impl_->io, [this, peer, range] {
        for (const auto& s : impl_->live())
            if (*s->guard.peer() == peer) s->send(MessageKind::GetBlocks, range.encode());
    });
}

std::vector<PeerInfo> Network::peers() const {
    std::lock_guard lock(impl_->mutex);
    std::vector<PeerInfo> out;
    for (const auto& [a, s] : impl_->established) out.push_back(PeerInfo{a, s->remote, s->outbound, s->head});
    return out;
}

NetworkStats Network::stats() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->stats;
}

void Network::setBlocked(const Address& peer, bool blocked) {
    std::lock_guard lock(impl_->mutex);
    if (blocked) impl_->blocked.insert(peer);
    else impl_->blocked.erase(peer);
}

}  // namespace swarmergy::ledger::p2p
