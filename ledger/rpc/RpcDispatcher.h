#pragma once
// JSON-RPC 2.0 (https://www.jsonrpc.org/specification) over a NodeApi: single requests and
// batches, ids as numbers or strings, notifications, standard error codes, and the Ethereum
// methods ethers.js v6 and web3.js v4 use (see README.md for the table). Transport-free: the
// HTTP server hands it request bodies; tests call it directly. Thread-safe.
#include "ledger/rpc/NodeApi.h"
#include "ledger/rpc/RpcJson.h"

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <shared_mutex>
#include <string>

namespace swarmergy::ledger::rpc {

struct RpcLimits {
    std::size_t maxBatchItems = 1000;                 // as geth's BatchRequestLimit
    std::size_t maxBatchResponseBytes = 25'000'000;   // as geth's BatchResponseMaxSize
    std::size_t maxJsonDepth = 64;                    // deeper nesting is a parse error
    std::size_t maxFilters = 10'000;
    std::chrono::seconds filterTimeout{300};          // unpolled filters expire (geth: 5 min)
    std::size_t maxLogResults = 10'000;               // eth_getLogs answers at most this many (the store also bounds it)
    std::uint64_t maxFeeHistoryBlocks = 1024;
    std::uint64_t callGasCap = 50'000'000;            // eth_call / eth_estimateGas gas ceiling
    std::size_t maxBlockFilterHashes = 10'000;        // one eth_getFilterChanges of a block filter
};

// A method an embedding program adds (e.g. the console's `swarm_recommendations`): it gets the
// request's positional params and returns the result. Throw RpcError for a specific code,
// std::invalid_argument for -32602 (its message is the error message); any other exception
// becomes -32603. Called on the server's threads, possibly concurrently: it must be thread-safe.
using ExtraMethod = std::function<json::value(const json::array& params)>;

class RpcDispatcher {
public:
    explicit RpcDispatcher(NodeApi& node, RpcLimits limits = {});
    ~RpcDispatcher();

    // A request body (one request or a batch) -> the response body; empty when the body held
    // only notifications (requests without id), which get no answer.
    std::string handle(std::string_view body);

    std::size_t installedFilters() const;

    // Registers an extra method under `name` (thread-safe, also while serving). Throws
    // std::invalid_argument saying why when the name is empty, uses a reserved namespace
    // (eth_, net_, web3_, clique_, rpc.: they belong to the Ethereum/JSON-RPC methods), is
    // already registered, or the handler is empty.
    void addMethod(const std::string& name, ExtraMethod handler);
    // Removes it (unknown names are ignored); the method then answers -32601.
    void removeMethod(const std::string& name);
    // Whether `name` is in a reserved namespace (eth_, net_, web3_, clique_, rpc.).
    static bool isReservedMethodName(std::string_view name);
    // Throws addMethod's std::invalid_argument for an empty or reserved name (not duplicates):
    // for embedders that keep methods before a dispatcher exists.
    static void checkExtraMethodName(const std::string& name);

private:
    struct Filter;
    NodeApi& node_;
    RpcLimits limits_;
    mutable std::mutex filtersMutex_;
    std::map<std::string, std::shared_ptr<Filter>> filters_;
    std::mt19937_64 filterIds_;
    mutable std::shared_mutex extrasMutex_;
    std::map<std::string, ExtraMethod, std::less<>> extras_;

    std::optional<json::value> handleOne(const json::value& request);
    json::value dispatch(std::string_view method, const json::array& params);
    std::optional<json::value> dispatchExtra(std::string_view method, const json::array& params) const;

    json::value getBlockByNumber(const json::array& params);
    json::value getBlockByHash(const json::array& params);
    json::value getBalance(const json::array& params);
    json::value getTransactionCount(const json::array& params);
    json::value getCode(const json::array& params);
    json::value getStorageAt(const json::array& params);
    json::value call(const json::array& params);
    json::value estimateGas(const json::array& params);
    json::value sendRawTransaction(const json::array& params);
    json::value getTransactionByHash(const json::array& params);
    json::value getTransactionByBlockAndIndex(const json::array& params, bool byHash);
    json::value getBlockTransactionCount(const json::array& params, bool byHash);
    json::value getTransactionReceipt(const json::array& params);
    json::value getLogs(const json::array& params);
    json::value feeHistory(const json::array& params);
    json::value newFilter(const json::array& params);
    json::value newBlockFilter(const json::array& params);
    json::value getFilterChanges(const json::array& params);
    json::value getFilterLogs(const json::array& params);
    json::value uninstallFilter(const json::array& params);
    json::value cliqueGetSigners(const json::array& params);

    std::optional<Block> resolveBlock(const BlockRef& ref) const;
    void requireHeadState(const json::array& params, std::size_t index);
    LogFilter parseLogFilter(const json::value& v, bool forFilter, std::optional<std::uint64_t>* fromBlock,
                             std::optional<std::uint64_t>* toBlock, std::optional<Hash256>* blockHash) const;
    json::array queryLogs(const LogFilter& filter) const;
    std::string installFilter(std::shared_ptr<Filter> filter);
    std::shared_ptr<Filter> findFilter(const json::array& params);
    void expireFilters();
};

}  // namespace swarmergy::ledger::rpc
