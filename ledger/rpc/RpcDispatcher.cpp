#include "ledger/rpc/RpcDispatcher.h"

#include "ledger/crypto/Keccak.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <stdexcept>

namespace swarmergy::ledger::rpc {

namespace {

using Clock = std::chrono::steady_clock;

// Recent (number, hash) pairs a filter remembers to find where a reorganisation forked.
constexpr std::size_t kFilterHistory = 64;

json::object errorObject(const RpcError& e) {
    json::object err{{"code", e.code}, {"message", e.what()}};
    if (e.data) err["data"] = *e.data;
    return err;
}

json::value response(const json::value& id, json::object errorOrResult, bool isError) {
    json::object o{{"jsonrpc", "2.0"}, {"id", id}};
    o[isError ? "error" : "result"] = std::move(errorOrResult);
    return o;
}

json::value resultResponse(const json::value& id, json::value result) {
    return json::object{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

json::value errorResponse(const json::value& id, const RpcError& e) { return response(id, errorObject(e), true); }

void expectParams(const json::array& params, std::size_t min, std::size_t max) {
    if (params.size() < min)
        throw RpcError(code::kInvalidParams, "missing value for required argument " + std::to_string(params.size()));
    if (params.size() > max)
        throw RpcError(code::kInvalidParams, "too many arguments, want at most " + std::to_string(max));
}

// The parameter at `i`, or nullptr when absent or null (optional parameters).
const json::value* optional(const json::array& params, std::size_t i) {
    return i < params.size() && !params[i].is_null() ? &params[i] : nullptr;
}


std::string decimal(std::uint64_t v) { return std::to_string(v); }

// A JSON string value (boost::json::value has no implicit conversion from std::string).
json::value str(std::string_view s) { return json::string(s); }

// Call failures as geth reports them: a revert with data is code 3 carrying the data (ethers
// decodes Error(string) from it); anything else is a -32000 server error with the reason.
[[noreturn]] void throwCallFailure(const CallOutcome& outcome) {
    if (!outcome.returnData.empty()) {
        std::string message = "execution reverted";
        if (!outcome.revertReason.empty()) message += ": " + outcome.revertReason;
        throw RpcError(code::kExecutionReverted, message, hexData(view(outcome.returnData)));
    }
    throw RpcError(code::kServerError, outcome.revertReason.empty() ? "execution reverted" : outcome.revertReason);
}

std::string randomFilterId(std::mt19937_64& rng) {
    Bytes id(16);
    for (std::size_t i = 0; i < id.size(); i += 8) {
        const std::uint64_t r = rng();
        for (std::size_t k = 0; k < 8; ++k) id[i + k] = static_cast<std::uint8_t>(r >> (8 * k));
    }
    id[0] |= 0x10;   // a quantity without leading zero digit, as geth's ids look
    return toHex(view(id));
}

}  // namespace

struct RpcDispatcher::Filter {
    enum class Kind { Logs, Blocks } kind = Kind::Logs;
    std::mutex mutex;
    LogFilter criteria;
    std::optional<std::uint64_t> fromBlock, toBlock;   // nullopt = "latest"
    std::uint64_t nextBlock = 0;                         // first block not yet reported
    std::deque<std::pair<std::uint64_t, Hash256>> seen;  // recent reported blocks, for reorgs
    std::atomic<Clock::rep> lastPoll{0};
};

RpcDispatcher::RpcDispatcher(NodeApi& node, RpcLimits limits)
    : node_(node), limits_(limits), filterIds_(std::random_device{}()) {}

RpcDispatcher::~RpcDispatcher() = default;

std::size_t RpcDispatcher::installedFilters() const {
    std::lock_guard lock(filtersMutex_);
    return filters_.size();
}

std::string RpcDispatcher::handle(std::string_view body) {
    json::parse_options options;
    options.max_depth = limits_.maxJsonDepth;
    boost::system::error_code ec;
    json::value request;
    try {
        request = json::parse(json::string_view(body.data(), body.size()), ec, json::storage_ptr(), options);
    } catch (const std::exception& e) {   // allocation failure on absurd input
        ec = boost::system::errc::make_error_code(boost::system::errc::not_enough_memory);
    }
    if (ec) return json::serialize(errorResponse(nullptr, RpcError(code::kParseError, "parse error: " + ec.message())));
    if (!request.is_array()) {
        const auto answer = handleOne(request);
        return answer ? json::serialize(*answer) : std::string();
    }
    const json::array& batch = request.get_array();
    if (batch.empty()) return json::serialize(errorResponse(nullptr, RpcError(code::kInvalidRequest, "empty batch")));
    if (batch.size() > limits_.maxBatchItems)
        return json::serialize(errorResponse(
            nullptr, RpcError(code::kInvalidRequest, "batch too large: " + std::to_string(batch.size()) +
                                                         " requests (limit " + std::to_string(limits_.maxBatchItems) + ")")));
    // Answers are serialised one by one so a batch of heavy queries cannot build an unbounded
    // response: past maxBatchResponseBytes the remaining requests get a -32005 error (geth).
    std::string out = "[";
    for (const auto& item : batch) {
        std::optional<json::value> answer;
        if (out.size() > limits_.maxBatchResponseBytes) {
            if (const auto* o = item.if_object(); o && o->contains("id")) {
                const json::value& id = o->at("id");
                const bool echo = id.is_string() || id.is_int64() || id.is_uint64();
                answer = errorResponse(echo ? id : json::value(nullptr), RpcError(code::kLimitExceeded, "batch response too large (limit " +
                                                                                       decimal(limits_.maxBatchResponseBytes) + " bytes)"));
            }
        } else {
            answer = handleOne(item);
        }
        if (!answer) continue;
        if (out.size() > 1) out += ',';
        out += json::serialize(*answer);
    }
    if (out.size() == 1) return {};   // only notifications
    out += ']';
    return out;
}

std::optional<json::value> RpcDispatcher::handleOne(const json::value& request) {
    if (!request.is_object())
        return errorResponse(nullptr, RpcError(code::kInvalidRequest, "invalid request: expected a JSON object"));
    const json::object& o = request.get_object();
    const json::value* id = o.if_contains("id");
    // A number too large for a double (1e400) parses as infinity, which JSON cannot echo back.
    const bool badNumber = id && id->is_double() && !std::isfinite(id->get_double());
    if (id && ((!id->is_string() && !id->is_number() && !id->is_null()) || badNumber))
        return errorResponse(nullptr, RpcError(code::kInvalidRequest, "invalid request: id must be a string, a finite number or null"));
    const json::value idValue = id ? *id : json::value(nullptr);
    const json::value* version = o.if_contains("jsonrpc");
    if (version && !(version->is_string() && version->get_string() == "2.0"))
        return errorResponse(idValue, RpcError(code::kInvalidRequest, "invalid request: jsonrpc must be \"2.0\""));
    const json::value* method = o.if_contains("method");
    if (!method || !method->is_string())
        return errorResponse(idValue, RpcError(code::kInvalidRequest, "invalid request: method must be a string"));
    const json::value* params = o.if_contains("params");
    static const json::array kNoParams;
    std::optional<json::value> answer;
    try {
        if (params && !params->is_array() && !params->is_null())
            throw RpcError(code::kInvalidParams, "params must be an array (by-name parameters are not supported)");
        const json::array& args = params && params->is_array() ? params->get_array() : kNoParams;
        const json::string& name = method->get_string();
        answer = resultResponse(idValue, dispatch(std::string_view(name.data(), name.size()), args));
    } catch (const RpcError& e) {
        answer = errorResponse(idValue, e);
    } catch (const DecodeError& e) {
        answer = errorResponse(idValue, RpcError(code::kInvalidParams, e.what()));
    } catch (const std::exception& e) {
        answer = errorResponse(idValue, RpcError(code::kInternalError, std::string("internal error: ") + e.what()));
    }
    if (!id) return std::nullopt;   // a notification: executed, never answered
    return answer;
}

json::value RpcDispatcher::dispatch(std::string_view m, const json::array& p) {
    if (m == "eth_chainId") return expectParams(p, 0, 0), str(quantity(node_.chainId()));
    if (m == "eth_blockNumber") return expectParams(p, 0, 0), str(quantity(node_.headNumber()));
    if (m == "eth_getBlockByNumber") return getBlockByNumber(p);
    if (m == "eth_getBlockByHash") return getBlockByHash(p);
    if (m == "eth_call") return call(p);
    if (m == "eth_getBalance") return getBalance(p);
    if (m == "eth_getTransactionCount") return getTransactionCount(p);
    if (m == "eth_getTransactionReceipt") return getTransactionReceipt(p);
    if (m == "eth_getTransactionByHash") return getTransactionByHash(p);
    if (m == "eth_sendRawTransaction") return sendRawTransaction(p);
    if (m == "eth_estimateGas") return estimateGas(p);
    if (m == "eth_gasPrice") return expectParams(p, 0, 0), str(quantity(node_.gasPriceWei()));
    if (m == "eth_maxPriorityFeePerGas") return expectParams(p, 0, 0), str(quantity(node_.maxPriorityFeePerGasWei()));
    if (m == "eth_feeHistory") return feeHistory(p);
    if (m == "eth_getCode") return getCode(p);
    if (m == "eth_getStorageAt") return getStorageAt(p);
    if (m == "eth_getLogs") return getLogs(p);
    if (m == "eth_newFilter") return newFilter(p);
    if (m == "eth_newBlockFilter") return newBlockFilter(p);
    if (m == "eth_getFilterChanges") return getFilterChanges(p);
    if (m == "eth_getFilterLogs") return getFilterLogs(p);
    if (m == "eth_uninstallFilter") return uninstallFilter(p);
    if (m == "eth_getBlockTransactionCountByNumber") return getBlockTransactionCount(p, false);
    if (m == "eth_getBlockTransactionCountByHash") return getBlockTransactionCount(p, true);
    if (m == "eth_getTransactionByBlockNumberAndIndex") return getTransactionByBlockAndIndex(p, false);
    if (m == "eth_getTransactionByBlockHashAndIndex") return getTransactionByBlockAndIndex(p, true);
    if (m == "eth_getUncleCountByBlockNumber" || m == "eth_getUncleCountByBlockHash") return expectParams(p, 1, 1), "0x0";
    if (m == "eth_accounts") return expectParams(p, 0, 0), json::array();
    if (m == "eth_syncing") return expectParams(p, 0, 0), false;
    if (m == "eth_mining") return expectParams(p, 0, 0), false;
    if (m == "eth_hashrate") return expectParams(p, 0, 0), "0x0";
    if (m == "net_version") return expectParams(p, 0, 0), str(decimal(node_.chainId()));
    if (m == "net_listening") return expectParams(p, 0, 0), true;
    if (m == "net_peerCount") return expectParams(p, 0, 0), str(quantity(static_cast<std::uint64_t>(node_.peerCount())));
    if (m == "web3_clientVersion") return expectParams(p, 0, 0), str(node_.clientVersion());
    if (m == "clique_getSigners") return cliqueGetSigners(p);
    if (m == "clique_proposals") {
        expectParams(p, 0, 0);
        json::object out;
        for (const auto& [candidate, authorize] : node_.cliqueProposals()) out[hexAddress(candidate)] = authorize;
        return out;
    }
    if (m == "clique_propose") {
        expectParams(p, 2, 2);
        node_.cliquePropose(parseAddressParam(p[0], "address"), parseBoolParam(p[1], "auth"));
        return nullptr;
    }
    if (m == "clique_discard") {
        expectParams(p, 1, 1);
        node_.cliqueDiscard(parseAddressParam(p[0], "address"));
        return nullptr;
    }
    if (m == "web3_sha3") {
        expectParams(p, 1, 1);
        const Bytes data = parseDataParam(p[0], "data");
        return str(hexData(view(keccak256(view(data)))));
    }
    if (auto extra = dispatchExtra(m, p)) return std::move(*extra);
    // Exactly geth's wording: ethers only falls back (e.g. to eth_getLogs polling) on it.
    throw RpcError(code::kMethodNotFound, "the method " + std::string(m) + " does not exist/is not available");
}

bool RpcDispatcher::isReservedMethodName(std::string_view name) {
    for (std::string_view prefix : {"eth_", "net_", "web3_", "clique_", "rpc."})
        if (name.substr(0, prefix.size()) == prefix) return true;
    return false;
}

void RpcDispatcher::checkExtraMethodName(const std::string& name) {
    if (name.empty()) throw std::invalid_argument("RPC extra method: the name is empty");
    if (isReservedMethodName(name))
        throw std::invalid_argument("RPC extra method '" + name +
                                    "' refused: eth_, net_, web3_, clique_ and rpc. names are reserved for the node's own "
                                    "methods; use a prefix of your own (e.g. swarm_)");
}

void RpcDispatcher::addMethod(const std::string& name, ExtraMethod handler) {
    checkExtraMethodName(name);
    if (!handler) throw std::invalid_argument("RPC extra method '" + name + "': the handler is empty");
    std::unique_lock lock(extrasMutex_);
    if (!extras_.emplace(name, std::move(handler)).second)
        throw std::invalid_argument("RPC extra method '" + name + "' is already registered");
}

void RpcDispatcher::removeMethod(const std::string& name) {
    std::unique_lock lock(extrasMutex_);
    extras_.erase(name);
}

// Runs an extra method if one has this name (reserved names never reach here: the built-in
// methods are matched first and addMethod refuses their prefixes). The handler runs outside
// the lock so slow providers do not block registration; its exceptions become JSON-RPC errors.
std::optional<json::value> RpcDispatcher::dispatchExtra(std::string_view method, const json::array& params) const {
    ExtraMethod handler;
    {
        std::shared_lock lock(extrasMutex_);
        const auto it = extras_.find(method);
        if (it == extras_.end()) return std::nullopt;
        handler = it->second;
    }
    try {
        return handler(params);
    } catch (const RpcError&) {
        throw;
    } catch (const std::invalid_argument& e) {
        throw RpcError(code::kInvalidParams, e.what());
    } catch (const std::exception& e) {
        throw RpcError(code::kInternalError, std::string(method) + ": internal error: " + e.what());
    } catch (...) {
        throw RpcError(code::kInternalError, std::string(method) + ": internal error (unknown exception)");
    }
}

std::optional<Block> RpcDispatcher::resolveBlock(const BlockRef& ref) const {
    switch (ref.kind) {
    case BlockRef::Kind::Latest:
    case BlockRef::Kind::Pending: return node_.blockByNumber(node_.headNumber());
    case BlockRef::Kind::Number: return node_.blockByNumber(ref.number);
    case BlockRef::Kind::Hash: return node_.blockByHash(ref.hash);
    }
    return std::nullopt;
}

// State queries: only the head state exists (no archive). An older block is refused rather
// than answered with today's state; a block beyond the head is "header not found" as geth.
void RpcDispatcher::requireHeadState(const json::array& params, std::size_t index) {
    const json::value* tag = optional(params, index);
    if (!tag) return;
    const BlockRef ref = parseBlockRef(*tag, "block");
    if (ref.kind == BlockRef::Kind::Latest || ref.kind == BlockRef::Kind::Pending) return;
    const std::uint64_t head = node_.headNumber();
    std::uint64_t number = ref.number;
    if (ref.kind == BlockRef::Kind::Hash) {
        const auto block = node_.blockByHash(ref.hash);
        if (!block) throw RpcError(code::kServerError, "header not found");
        number = block->header.number;
    }
    if (number > head) throw RpcError(code::kServerError, "header not found");
    if (number < head)
        throw RpcError(code::kServerError, "historical state not available: block " + decimal(number) + " (head " +
                                               decimal(head) + "); SwarmLedger keeps only the head state");
}

// clique_getSigners([block]): the signers in force after that block (default latest).
json::value RpcDispatcher::cliqueGetSigners(const json::array& p) {
    expectParams(p, 0, 1);
    std::uint64_t number = node_.headNumber();
    if (const json::value* tag = optional(p, 0)) {
        const BlockRef ref = parseBlockRef(*tag, "block number");
        if (ref.kind == BlockRef::Kind::Number) number = ref.number;
        if (ref.kind == BlockRef::Kind::Hash) {
            const auto block = node_.blockByHash(ref.hash);
            if (!block) throw RpcError(code::kServerError, "header not found");
            number = block->header.number;
        }
    }
    const auto signers = node_.cliqueSigners(number);
    if (!signers) throw RpcError(code::kServerError, "header not found");
    json::array out;
    for (const auto& s : *signers) out.push_back(str(hexAddress(s)));
    return out;
}

json::value RpcDispatcher::getBlockByNumber(const json::array& p) {
    expectParams(p, 1, 2);
    const BlockRef ref = parseBlockRef(p[0], "block number");
    const bool full = optional(p, 1) ? parseBoolParam(p[1], "full transactions flag") : false;
    const auto block = resolveBlock(ref);
    return block ? json::value(blockJson(*block, full)) : json::value(nullptr);
}

json::value RpcDispatcher::getBlockByHash(const json::array& p) {
    expectParams(p, 1, 2);
    const Hash256 hash = parseHashParam(p[0], "block hash");
    const bool full = optional(p, 1) ? parseBoolParam(p[1], "full transactions flag") : false;
    const auto block = node_.blockByHash(hash);
    return block ? json::value(blockJson(*block, full)) : json::value(nullptr);
}

json::value RpcDispatcher::getBlockTransactionCount(const json::array& p, bool byHash) {
    expectParams(p, 1, 1);
    const auto block = byHash ? node_.blockByHash(parseHashParam(p[0], "block hash"))
                              : resolveBlock(parseBlockRef(p[0], "block number"));
    return block ? json::value(quantity(static_cast<std::uint64_t>(block->transactions.size()))) : json::value(nullptr);
}

json::value RpcDispatcher::getTransactionByBlockAndIndex(const json::array& p, bool byHash) {
    expectParams(p, 2, 2);
    const auto block = byHash ? node_.blockByHash(parseHashParam(p[0], "block hash"))
                              : resolveBlock(parseBlockRef(p[0], "block number"));
    const std::uint64_t index = parseQuantityU64(p[1], "transaction index");
    if (!block || index >= block->transactions.size()) return nullptr;
    const TransactionLocation at{block->header.number, static_cast<std::uint32_t>(index), block->hash()};
    return transactionJson(block->transactions[index], &at);
}

json::value RpcDispatcher::getBalance(const json::array& p) {
    expectParams(p, 1, 2);
    const Address a = parseAddressParam(p[0], "address");
    requireHeadState(p, 1);
    return str(quantity(node_.account(a).balance));
}

json::value RpcDispatcher::getTransactionCount(const json::array& p) {
    expectParams(p, 1, 2);
    const Address a = parseAddressParam(p[0], "address");
    if (const json::value* tag = optional(p, 1); tag && parseBlockRef(*tag, "block").kind == BlockRef::Kind::Pending)
        return str(quantity(node_.pendingNonce(a)));
    requireHeadState(p, 1);
    return str(quantity(node_.account(a).nonce));
}

json::value RpcDispatcher::getCode(const json::array& p) {
    expectParams(p, 1, 2);
    const Address a = parseAddressParam(p[0], "address");
    requireHeadState(p, 1);
    return str(hexData(view(node_.code(a))));
}

json::value RpcDispatcher::getStorageAt(const json::array& p) {
    expectParams(p, 2, 3);
    const Address a = parseAddressParam(p[0], "address");
    const Hash256 slot = parseQuantityU256(p[1], "storage slot").toBigEndian();
    requireHeadState(p, 2);
    return str(hexData(view(node_.storageAt(a, slot).toBigEndian())));
}

json::value RpcDispatcher::call(const json::array& p) {
    expectParams(p, 1, 3);
    const CallObject call = parseCallObject(p[0], limits_.callGasCap);
    requireHeadState(p, 1);
    if (optional(p, 2)) throw RpcError(code::kInvalidParams, "state overrides are not supported");
    const CallOutcome outcome = node_.call(call.request);
    if (!outcome.success) throwCallFailure(outcome);
    return str(hexData(view(outcome.returnData)));
}

json::value RpcDispatcher::estimateGas(const json::array& p) {
    expectParams(p, 1, 2);
    const CallObject call = parseCallObject(p[0], limits_.callGasCap);
    requireHeadState(p, 1);
    const CallOutcome outcome = node_.call(call.request);
    if (!outcome.success) {
        if (outcome.returnData.empty() && outcome.revertReason == "out of gas")
            throw RpcError(code::kServerError, "gas required exceeds allowance (" + decimal(call.request.gasLimit) + ")");
        throwCallFailure(outcome);
    }
    // Native contract gas depends on the state at inclusion (a storage write from zero costs
    // 20000, an update 5000; EIP-2200 values), which may differ from now: twice the
    // execution part covers it. A plain transfer stays exactly its intrinsic gas (21000).
    Transaction probe;
    probe.data = call.request.data;
    const std::uint64_t intrinsic = intrinsicGas(probe);
    const std::uint64_t execution = outcome.gasUsed > intrinsic ? outcome.gasUsed - intrinsic : 0;
    return str(quantity(std::min(outcome.gasUsed + execution, call.request.gasLimit)));
}

json::value RpcDispatcher::sendRawTransaction(const json::array& p) {
    expectParams(p, 1, 1);
    const Bytes raw = parseDataParam(p[0], "raw transaction");
    const SubmitResult result = node_.submitRawTransaction(view(raw));
    if (!result.accepted) throw RpcError(code::kServerError, result.error);
    return str(hexData(view(result.hash)));
}

json::value RpcDispatcher::getTransactionByHash(const json::array& p) {
    expectParams(p, 1, 1);
    const Hash256 hash = parseHashParam(p[0], "transaction hash");
    if (const auto found = node_.transactionByHash(hash)) return transactionJson(found->tx, &found->location);
    if (const auto pending = node_.pendingTransaction(hash)) return transactionJson(*pending, nullptr);
    return nullptr;
}

json::value RpcDispatcher::getTransactionReceipt(const json::array& p) {
    expectParams(p, 1, 1);
    const auto found = node_.receiptByHash(parseHashParam(p[0], "transaction hash"));
    return found ? json::value(receiptJson(*found)) : json::value(nullptr);
}

json::value RpcDispatcher::feeHistory(const json::array& p) {
    expectParams(p, 2, 3);
    std::uint64_t count = std::min(parseQuantityU64(p[0], "block count"), limits_.maxFeeHistoryBlocks);
    const auto newest = resolveBlock(parseBlockRef(p[1], "newest block"));
    std::size_t percentiles = 0;
    if (const json::value* r = optional(p, 2)) {
        if (!r->is_array() || r->get_array().size() > 100)
            throw RpcError(code::kInvalidParams, "invalid reward percentiles: expected an array of at most 100 numbers");
        double previous = -1;
        for (const auto& x : r->get_array()) {
            if (!x.is_number() || x.to_number<double>() < previous || x.to_number<double>() > 100)
                throw RpcError(code::kInvalidParams, "invalid reward percentiles: numbers in [0, 100], increasing");
            previous = x.to_number<double>();
        }
        percentiles = r->get_array().size();
    }
    if (!newest) throw RpcError(code::kServerError, "header not found");
    const std::uint64_t last = newest->header.number;
    count = std::min(count, last + 1);
    const std::uint64_t oldest = last + 1 - count;
    json::array baseFees, ratios, rewards;
    for (std::uint64_t n = oldest; n <= last && count > 0; ++n) {
        const auto block = node_.blockByNumber(n);
        if (!block) break;
        const auto& h = block->header;
        baseFees.emplace_back(quantity(h.baseFeePerGas));
        ratios.emplace_back(h.gasLimit == 0 ? 0.0 : static_cast<double>(h.gasUsed) / static_cast<double>(h.gasLimit));
        if (percentiles > 0) rewards.emplace_back(json::array(percentiles, json::value(quantity(node_.maxPriorityFeePerGasWei()))));
    }
    baseFees.emplace_back("0x0");   // the next block's base fee: always 0 on SwarmLedger
    json::object o{{"oldestBlock", quantity(count > 0 ? oldest : last)}, {"baseFeePerGas", std::move(baseFees)},
                   {"gasUsedRatio", std::move(ratios)}};
    if (percentiles > 0) o["reward"] = std::move(rewards);
    return o;
}

// --- logs and filters ---

LogFilter RpcDispatcher::parseLogFilter(const json::value& v, bool forFilter, std::optional<std::uint64_t>* fromBlock,
                                        std::optional<std::uint64_t>* toBlock, std::optional<Hash256>* blockHash) const {
    if (!v.is_object()) throw RpcError(code::kInvalidParams, "invalid filter: expected an object");
    const json::object& o = v.get_object();
    auto present = [&](const char* key) -> const json::value* {
        const json::value* x = o.if_contains(key);
        return x && !x->is_null() ? x : nullptr;
    };
    LogFilter filter;
    if (const auto* a = present("address")) {
        if (a->is_array()) {
            for (const auto& one : a->get_array()) filter.addresses.push_back(parseAddressParam(one, "filter address"));
        } else {
            filter.addresses.push_back(parseAddressParam(*a, "filter address"));
        }
    }
    if (const auto* t = present("topics")) {
        if (!t->is_array() || t->get_array().size() > 4)
            throw RpcError(code::kInvalidParams, "invalid filter topics: expected an array of at most 4 positions");
        for (const auto& position : t->get_array()) {
            std::vector<Hash256> alternatives;   // empty = wildcard
            if (position.is_array()) {
                bool wildcard = false;
                for (const auto& alt : position.get_array()) {
                    if (alt.is_null()) wildcard = true;
                    else alternatives.push_back(parseHashParam(alt, "filter topic"));
                }
                if (wildcard) alternatives.clear();
            } else if (!position.is_null()) {
                alternatives.push_back(parseHashParam(position, "filter topic"));
            }
            filter.topics.push_back(std::move(alternatives));
        }
    }
    auto blockNumber = [&](const char* key) -> std::optional<std::uint64_t> {
        const auto* x = present(key);
        if (!x) return std::nullopt;
        const BlockRef ref = parseBlockRef(*x, key);
        if (ref.kind == BlockRef::Kind::Number) return ref.number;
        if (ref.kind == BlockRef::Kind::Hash) throw RpcError(code::kInvalidParams, std::string("invalid ") + key + ": use blockHash");
        return std::nullopt;   // latest / pending
    };
    *fromBlock = blockNumber("fromBlock");
    *toBlock = blockNumber("toBlock");
    if (const auto* h = present("blockHash")) {
        if (forFilter) throw RpcError(code::kInvalidParams, "invalid filter: blockHash is only for eth_getLogs");
        if (present("fromBlock") || present("toBlock"))
            throw RpcError(code::kInvalidParams, "invalid filter: cannot specify both blockHash and fromBlock/toBlock");
        *blockHash = parseHashParam(*h, "blockHash");
    }
    if (*fromBlock && *toBlock && **fromBlock > **toBlock)
        throw RpcError(code::kInvalidParams, "invalid block range: fromBlock " + decimal(**fromBlock) + " > toBlock " + decimal(**toBlock));
    return filter;
}

json::array RpcDispatcher::queryLogs(const LogFilter& filter) const {
    std::vector<LogEntry> entries;
    try {
        entries = node_.logs(filter);
    } catch (const LogLimitExceeded& e) {   // the store's own bound (geth's wording)
        throw RpcError(code::kLimitExceeded, e.what());
    }
    if (entries.size() > limits_.maxLogResults)
        throw RpcError(code::kLimitExceeded, "query returned more than " + decimal(limits_.maxLogResults) + " results");
    json::array out;
    out.reserve(entries.size());
    for (const auto& e : entries) out.emplace_back(logEntryJson(e));
    return out;
}

json::value RpcDispatcher::getLogs(const json::array& p) {
    expectParams(p, 1, 1);
    std::optional<std::uint64_t> from, to;
    std::optional<Hash256> blockHash;
    LogFilter filter = parseLogFilter(p[0], false, &from, &to, &blockHash);
    const std::uint64_t head = node_.headNumber();
    if (blockHash) {
        const auto block = node_.blockByHash(*blockHash);
        if (!block) throw RpcError(code::kServerError, "unknown block");
        filter.fromBlock = filter.toBlock = block->header.number;
    } else {
        filter.fromBlock = from.value_or(head);
        filter.toBlock = std::min(to.value_or(head), head);
        if (filter.fromBlock > filter.toBlock) return json::array();
    }
    return queryLogs(filter);
}

std::string RpcDispatcher::installFilter(std::shared_ptr<Filter> filter) {
    const std::uint64_t head = node_.headNumber();
    filter->nextBlock = head + 1;
    if (const auto block = node_.blockByNumber(head)) filter->seen.emplace_back(head, block->hash());
    filter->lastPoll = Clock::now().time_since_epoch().count();
    expireFilters();
    std::lock_guard lock(filtersMutex_);
    if (filters_.size() >= limits_.maxFilters)
        throw RpcError(code::kLimitExceeded, "too many installed filters (limit " + decimal(limits_.maxFilters) + ")");
    std::string id;
    do id = randomFilterId(filterIds_);
    while (filters_.count(id));
    filters_[id] = std::move(filter);
    return id;
}

void RpcDispatcher::expireFilters() {
    const auto now = Clock::now();
    const auto oldest = (now - limits_.filterTimeout).time_since_epoch().count();
    std::lock_guard lock(filtersMutex_);
    std::erase_if(filters_, [&](const auto& entry) { return entry.second->lastPoll.load() < oldest; });
}

std::shared_ptr<RpcDispatcher::Filter> RpcDispatcher::findFilter(const json::array& p) {
    expectParams(p, 1, 1);
    if (!p[0].is_string()) throw RpcError(code::kInvalidParams, "invalid filter id: expected a hex string");
    expireFilters();
    std::lock_guard lock(filtersMutex_);
    const auto it = filters_.find(std::string(p[0].get_string()));
    if (it == filters_.end()) throw RpcError(code::kServerError, "filter not found");
    it->second->lastPoll = Clock::now().time_since_epoch().count();
    return it->second;
}

json::value RpcDispatcher::newFilter(const json::array& p) {
    expectParams(p, 1, 1);
    auto filter = std::make_shared<Filter>();
    std::optional<Hash256> unused;
    filter->criteria = parseLogFilter(p[0], true, &filter->fromBlock, &filter->toBlock, &unused);
    return str(installFilter(std::move(filter)));
}

json::value RpcDispatcher::newBlockFilter(const json::array& p) {
    expectParams(p, 0, 0);
    auto filter = std::make_shared<Filter>();
    filter->kind = Filter::Kind::Blocks;
    return str(installFilter(std::move(filter)));
}

json::value RpcDispatcher::getFilterChanges(const json::array& p) {
    const auto filter = findFilter(p);
    std::lock_guard lock(filter->mutex);
    // A reorganisation (Clique fork choice) may have replaced reported blocks: restart after
    // the newest remembered block that is still canonical.
    while (!filter->seen.empty()) {
        const auto& [number, hash] = filter->seen.back();
        const auto block = node_.blockByNumber(number);
        if (block && block->hash() == hash) break;
        filter->nextBlock = std::min(filter->nextBlock, number);
        filter->seen.pop_back();
    }
    const std::uint64_t head = node_.headNumber();
    std::uint64_t last = head;
    json::array changes;
    if (filter->kind == Filter::Kind::Blocks) {
        if (filter->nextBlock + limits_.maxBlockFilterHashes <= head) last = filter->nextBlock + limits_.maxBlockFilterHashes - 1;
        for (std::uint64_t n = filter->nextBlock; n <= last; ++n) {
            const auto block = node_.blockByNumber(n);
            if (!block) {
                last = n - 1;
                break;
            }
            changes.emplace_back(hexData(view(block->hash())));
        }
    } else {
        LogFilter range = filter->criteria;
        range.fromBlock = std::max(filter->nextBlock, filter->fromBlock.value_or(0));
        range.toBlock = std::min(last, filter->toBlock.value_or(last));
        if (range.fromBlock <= range.toBlock) changes = queryLogs(range);
    }
    if (last + 1 > filter->nextBlock) {
        filter->nextBlock = last + 1;
        if (const auto block = node_.blockByNumber(last)) filter->seen.emplace_back(last, block->hash());
        if (filter->seen.size() > kFilterHistory) filter->seen.pop_front();
    }
    return changes;
}

json::value RpcDispatcher::getFilterLogs(const json::array& p) {
    const auto filter = findFilter(p);
    if (filter->kind != Filter::Kind::Logs) throw RpcError(code::kServerError, "filter not found");
    const std::uint64_t head = node_.headNumber();
    LogFilter range = filter->criteria;
    range.fromBlock = filter->fromBlock.value_or(head);
    range.toBlock = std::min(filter->toBlock.value_or(head), head);
    if (range.fromBlock > range.toBlock) return json::array();
    return queryLogs(range);
}

json::value RpcDispatcher::uninstallFilter(const json::array& p) {
    expectParams(p, 1, 1);
    if (!p[0].is_string()) throw RpcError(code::kInvalidParams, "invalid filter id: expected a hex string");
    std::lock_guard lock(filtersMutex_);
    return filters_.erase(std::string(p[0].get_string())) > 0;
}

}  // namespace swarmergy::ledger::rpc
