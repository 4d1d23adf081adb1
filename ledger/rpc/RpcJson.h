#pragma once
// JSON encoding of ledger objects as Ethereum's JSON-RPC writes them (execution-apis spec,
// https://github.com/ethereum/execution-apis: quantities as "0x" minimal hex, data as "0x" even
// hex, addresses lowercase) and strict decoding of request parameters. Every bad parameter
// throws RpcError(-32602) naming the parameter and what is wrong.
#include "ledger/node/Chain.h"

#include <boost/json.hpp>

#include <optional>
#include <string>

namespace swarmergy::ledger::rpc {

namespace json = boost::json;

// JSON-RPC 2.0 error codes (https://www.jsonrpc.org/specification#error_object), plus geth's
// 3 for execution reverted with revert data and -32000 for other server-side refusals.
namespace code {
inline constexpr int kParseError = -32700;
inline constexpr int kInvalidRequest = -32600;
inline constexpr int kMethodNotFound = -32601;
inline constexpr int kInvalidParams = -32602;
inline constexpr int kInternalError = -32603;
inline constexpr int kServerError = -32000;
inline constexpr int kExecutionReverted = 3;
inline constexpr int kLimitExceeded = -32005;
}  // namespace code

struct RpcError : std::runtime_error {
    RpcError(int code, const std::string& message, std::optional<std::string> data = std::nullopt)
        : std::runtime_error(message), code(code), data(std::move(data)) {}
    int code;
    std::optional<std::string> data;   // hex revert data for code 3
};

// --- encoding ---
std::string quantity(std::uint64_t v);
std::string quantity(const U256& v);
std::string hexData(ByteView bytes);
std::string hexAddress(const Address& a);   // lowercase, as geth writes addresses
json::object logJson(const Log& log, std::uint64_t blockNumber, const Hash256& blockHash, const Hash256& txHash,
                     std::uint32_t txIndex, std::uint32_t logIndex);
json::object logEntryJson(const LogEntry& entry);
// A transaction; `location` absent for a pending one (blockHash/blockNumber/index null).
json::object transactionJson(const SignedTransaction& stx, const TransactionLocation* location);
json::object receiptJson(const ReceiptLookup& lookup);
json::object blockJson(const Block& block, bool fullTransactions);

// --- decoding (throw RpcError kInvalidParams saying which parameter and why) ---
std::uint64_t parseQuantityU64(const json::value& v, const char* what);
U256 parseQuantityU256(const json::value& v, const char* what);
Address parseAddressParam(const json::value& v, const char* what);
Hash256 parseHashParam(const json::value& v, const char* what);
Bytes parseDataParam(const json::value& v, const char* what);
bool parseBoolParam(const json::value& v, const char* what);

// A block parameter: a tag ("latest", "pending", "earliest", "safe", "finalized"), a number,
// or an EIP-1898 object {blockNumber} / {blockHash}.
struct BlockRef {
    enum class Kind { Latest, Pending, Number, Hash } kind = Kind::Latest;
    std::uint64_t number = 0;
    Hash256 hash{};
};
BlockRef parseBlockRef(const json::value& v, const char* what);

// A call object (eth_call / eth_estimateGas): from, to, gas, value, data or input; every other
// key (gasPrice, maxFeePerGas, nonce, chain, hardfork, type, accessList...) is ignored.
struct CallObject {
    CallRequest request;
    bool gasGiven = false;
};
CallObject parseCallObject(const json::value& v, std::uint64_t defaultGas);

}  // namespace swarmergy::ledger::rpc
