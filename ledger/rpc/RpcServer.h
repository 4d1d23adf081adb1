#pragma once
// HTTP/1.1 JSON-RPC server on Boost.Beast/Asio with its own io_context threads. Listens on
// 127.0.0.1 unless another bind address is given explicitly. POST bodies go to an
// RpcDispatcher; OPTIONS answers CORS preflights (browser wallets); malformed HTTP gets a 4xx
// and the connection closed; bodies above the limit get 413 before they are read.
#include "ledger/rpc/RpcDispatcher.h"

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace swarmergy::ledger::rpc {

struct RpcServerOptions {
    std::string bindAddress = "127.0.0.1";          // anything else is an explicit choice
    std::uint16_t port = 8545;                      // 0 = any free port (see RpcServer::port)
    unsigned threads = 2;
    std::size_t maxBodyBytes = 5 * 1024 * 1024;     // as geth's 5 MB
    std::size_t maxHeaderBytes = 8 * 1024;
    std::size_t maxConnections = 512;
    std::chrono::seconds idleTimeout{30};           // an idle or slow (partial) request is closed
    std::string corsAllowedOrigin = "*";            // empty: no CORS headers, preflight refused
    RpcLimits limits;
};

class RpcServer {
public:
    RpcServer(NodeApi& node, RpcServerOptions options = {});
    ~RpcServer();
    RpcServer(const RpcServer&) = delete;
    RpcServer& operator=(const RpcServer&) = delete;

    // Binds and starts the threads; throws std::runtime_error naming the address on failure.
    void start();
    // Closes the listener and every connection, joins the threads. Idempotent.
    void stop();

    std::uint16_t port() const { return port_; }
    std::string url() const;                        // "http://<address>:<port>"
    RpcDispatcher& dispatcher() { return dispatcher_; }
    std::size_t openConnections() const { return connections_->load(); }

private:
    struct Impl;
    RpcServerOptions options_;
    RpcDispatcher dispatcher_;
    std::shared_ptr<std::atomic<std::size_t>> connections_;
    std::unique_ptr<Impl> impl_;
    std::vector<std::thread> threads_;
    std::uint16_t port_ = 0;
};

}  // namespace swarmergy::ledger::rpc
