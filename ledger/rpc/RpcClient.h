#pragma once
// A small synchronous JSON-RPC client over HTTP/1.1 keep-alive (Boost.Beast), for tests,
// benches and command-line tools talking to a SwarmLedger node on loopback. Not thread-safe:
// one client per thread.
#include "ledger/rpc/RpcJson.h"

#include <memory>
#include <string>

namespace swarmergy::ledger::rpc {

struct HttpReply {
    unsigned status = 0;
    std::string body;
};

class RpcClient {
public:
    // Connects at once; throws std::runtime_error naming host and port when it cannot.
    RpcClient(const std::string& host, std::uint16_t port);
    ~RpcClient();
    RpcClient(const RpcClient&) = delete;
    RpcClient& operator=(const RpcClient&) = delete;

    // POSTs `body` as application/json and returns the HTTP status and body (reconnects once
    // if the server closed the kept-alive connection).
    HttpReply post(const std::string& body);
    // One request: the result, or throws RpcError with the node's code, message and data.
    json::value call(const std::string& method, json::array params = {});

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::uint64_t nextId_ = 1;
};

}  // namespace swarmergy::ledger::rpc
