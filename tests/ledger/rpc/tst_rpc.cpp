// JSON-RPC dispatcher over a real in-memory Chain: envelope rules (batches, ids,
// notifications, error codes), every Ethereum method's shape and values as ethers/web3 read
// them, revert data on eth_call/eth_estimateGas, logs and filters (including after a reorg).
#include "ledger/rpc/RpcDispatcher.h"
#include "tests/ledger/Check.h"
#include "tests/ledger/LedgerTestSupport.h"

#include <iostream>

using namespace swarmergy::ledger;
using namespace swarmergy::ledger_test;
namespace rpc = swarmergy::ledger::rpc;
namespace json = boost::json;

namespace {

struct Fixture {
    std::unique_ptr<Chain> chain = Chain::open(testSetup(":memory:"));
    rpc::ChainNodeApi api{*chain};
    rpc::RpcDispatcher dispatcher{api};
    PrivateKey sealer = seededKey("authority 0");
    PrivateKey user0 = seededKey("user 0"), user1 = seededKey("user 1");
    std::uint64_t time = kTestGenesisTime;

    json::value raw(std::string_view body) {
        const std::string out = dispatcher.handle(body);
        return out.empty() ? json::value(nullptr) : json::parse(out);
    }
    json::object request(const std::string& method, json::array params = {}) {
        json::object r{{"jsonrpc", "2.0"}, {"id", 7}, {"method", method}, {"params", std::move(params)}};
        return raw(json::serialize(r)).as_object();
    }
    json::value result(const std::string& method, json::array params = {}) {
        json::object r = request(method, std::move(params));
        if (!r.contains("result")) {
            std::printf("  %s failed: %s\n", method.c_str(), json::serialize(r).c_str());
            ++failures;
            return nullptr;
        }
        return r["result"];
    }
    json::object error(const std::string& method, json::array params = {}) {
        json::object r = request(method, std::move(params));
        if (!r.contains("error")) {
            std::printf("  %s did not fail: %s\n", method.c_str(), json::serialize(r).c_str());
            ++failures;
            return {};
        }
        return r["error"].as_object();
    }
    Block seal() { return chain->produceBlock(sealer, ++time, true); }
    std::string send(const PrivateKey& key, Bytes data, TxType type = TxType::Legacy, std::uint64_t chainId = 2468) {
        const Bytes tx = signedCall(key, chain->pendingNonce(addressOf(key)), contracts::kNrgToken, std::move(data), U256(0),
                                    type, chainId);
        return std::string(result("eth_sendRawTransaction", {toHex(view(tx))}).as_string());
    }
};

std::string str(const json::value& v) { return v.is_string() ? std::string(v.get_string()) : json::serialize(v); }
std::int64_t codeOf(const json::object& error) { return error.contains("code") ? error.at("code").to_number<std::int64_t>() : 0; }
std::string messageOf(const json::object& error) { return error.contains("message") ? str(error.at("message")) : ""; }
std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

void envelope() {
    Fixture f;
    // Batch with numeric and string ids, an unknown method and a notification.
    const json::value batch = f.raw(R"([{"jsonrpc":"2.0","id":1,"method":"eth_chainId"},
        {"jsonrpc":"2.0","id":"3f0c-uuid","method":"net_version","params":[]},
        {"jsonrpc":"2.0","method":"eth_blockNumber"},
        {"jsonrpc":"2.0","id":9,"method":"eth_nope"}])");
    CHECK(batch.is_array());
    const json::array& answers = batch.as_array();
    CHECK_EQ(answers.size(), 3u);   // the notification gets no answer
    CHECK_EQ(str(answers.at(0).at("result")), std::string("0x9a4"));   // 2468
    CHECK_EQ(answers.at(0).at("id").to_number<int>(), 1);
    CHECK_EQ(str(answers.at(1).at("id")), std::string("3f0c-uuid"));
    CHECK_EQ(str(answers.at(1).at("result")), std::string("2468"));
    CHECK_EQ(answers.at(2).at("error").at("code").to_number<int>(), -32601);
    CHECK_EQ(str(answers.at(2).at("error").at("message")), std::string("the method eth_nope does not exist/is not available"));
    // Only notifications: nothing to send back.
    CHECK(f.dispatcher.handle(R"({"jsonrpc":"2.0","method":"eth_chainId"})").empty());
    // Parse error, invalid requests, empty and oversized batches.
    CHECK_EQ(codeOf(f.raw("{\"jsonrpc\":").at("error").as_object()), -32700);
    CHECK(f.raw("{\"jsonrpc\":").at("id").is_null());
    CHECK_EQ(codeOf(f.raw("[]").at("error").as_object()), -32600);
    CHECK_EQ(codeOf(f.raw("42").at("error").as_object()), -32600);
    CHECK_EQ(codeOf(f.raw(R"({"jsonrpc":"1.0","id":1,"method":"eth_chainId"})").at("error").as_object()), -32600);
    CHECK_EQ(codeOf(f.raw(R"({"jsonrpc":"2.0","id":{},"method":"eth_chainId"})").at("error").as_object()), -32600);
    CHECK_EQ(codeOf(f.raw(R"({"jsonrpc":"2.0","id":1,"method":7})").at("error").as_object()), -32600);
    CHECK_EQ(codeOf(f.raw(R"({"jsonrpc":"2.0","id":1,"method":"eth_getBalance","params":{"a":1}})").at("error").as_object()), -32602);
    std::string big = "[";
    for (int i = 0; i < 1001; ++i) big += std::string(i ? "," : "") + R"({"jsonrpc":"2.0","id":1,"method":"eth_chainId"})";
    CHECK_EQ(codeOf(f.raw(big + "]").at("error").as_object()), -32600);
    {   // a batch whose answers outgrow the response limit: the rest get -32005, ids kept
        rpc::RpcLimits small;
        small.maxBatchResponseBytes = 1500;
        rpc::RpcDispatcher limited(f.api, small);
        std::string blocks = "[";
        for (int i = 0; i < 5; ++i)
            blocks += std::string(i ? "," : "") + R"({"jsonrpc":"2.0","id":)" + std::to_string(i) +
                      R"(,"method":"eth_getBlockByNumber","params":["0x0",false]})";
        const json::array answers = json::parse(limited.handle(blocks + "]")).as_array();
        CHECK_EQ(answers.size(), 5u);
        CHECK(answers.at(0).as_object().contains("result"));
        CHECK_EQ(answers.at(4).at("error").at("code").to_number<int>(), -32005);
        CHECK_EQ(answers.at(4).at("id").to_number<int>(), 4);
    }
    std::string deep(100, '[');
    CHECK_EQ(codeOf(f.raw(deep + std::string(100, ']')).at("error").as_object()), -32700);
    // Wrong parameter types name the parameter.
    const auto bad = f.error("eth_getBalance", {42});
    CHECK_EQ(codeOf(bad), -32602);
    CHECK(messageOf(bad).find("address") != std::string::npos);
    CHECK_EQ(codeOf(f.error("eth_getBalance", {"0x1234"})), -32602);
    CHECK_EQ(codeOf(f.error("eth_getBlockByNumber", {"0x" + std::string(80, 'f'), false})), -32602);
    CHECK_EQ(codeOf(f.error("eth_chainId", {1})), -32602);
    CHECK_EQ(str(f.result("eth_syncing")), std::string("false"));
    CHECK(f.result("eth_accounts").as_array().empty());
    CHECK(!str(f.result("web3_clientVersion")).empty());
    CHECK_EQ(str(f.result("web3_sha3", {"0x"})), std::string("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"));
}

void accountsAndTransactions() {
    Fixture f;
    const Address a0 = addressOf(f.user0), a1 = addressOf(f.user1);
    const std::string lower0 = toHex(view(a0)), checksum0 = toChecksumAddress(a0);
    CHECK_EQ(str(f.result("eth_getBalance", {lower0, "latest"})), std::string("0xde0b6b3a7640000"));   // 1e18
    CHECK_EQ(str(f.result("eth_getBalance", {checksum0})), std::string("0xde0b6b3a7640000"));
    std::string badChecksum = checksum0;
    for (auto& c : badChecksum)
        if (std::isalpha(static_cast<unsigned char>(c)) && c != 'x') {
            c = std::isupper(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : static_cast<char>(std::toupper(c));
            break;
        }
    CHECK_EQ(codeOf(f.error("eth_getBalance", {badChecksum, "latest"})), -32602);
    CHECK_EQ(str(f.result("eth_getCode", {toHex(view(contracts::kNrgToken)), "latest"})), std::string("0xfe"));
    CHECK_EQ(str(f.result("eth_getCode", {lower0, "latest"})), std::string("0x"));

    // eth_sendRawTransaction answers exactly the transaction's hash; pending nonce moves.
    const Bytes rawTx = signedCall(f.user0, 0, contracts::kNrgToken, contracts::call::transfer(a1, U256(1000)));
    const std::string hash = str(f.result("eth_sendRawTransaction", {toHex(view(rawTx))}));
    CHECK_EQ(hash, toHex(view(SignedTransaction::fromRaw(view(rawTx)).hash)));
    CHECK_EQ(str(f.result("eth_getTransactionCount", {lower0, "pending"})), std::string("0x1"));
    CHECK_EQ(str(f.result("eth_getTransactionCount", {lower0, "latest"})), std::string("0x0"));
    const json::value pending = f.result("eth_getTransactionByHash", {hash});
    CHECK(pending.at("blockNumber").is_null());
    CHECK(f.result("eth_getTransactionReceipt", {hash}).is_null());
    // Replays and wrong chain ids are server errors with the node's reason.
    CHECK(lower(messageOf(f.error("eth_sendRawTransaction", {toHex(view(rawTx))}))).find("already known") != std::string::npos);
    const Bytes otherChain = signedCall(f.user1, 0, contracts::kNrgToken, contracts::call::transfer(a0, U256(1)), U256(0),
                                        TxType::Legacy, 1);
    const auto wrongChain = f.error("eth_sendRawTransaction", {toHex(view(otherChain))});
    CHECK_EQ(codeOf(wrongChain), -32000);
    CHECK(messageOf(wrongChain).find("chain id") != std::string::npos);
    CHECK_EQ(codeOf(f.error("eth_sendRawTransaction", {"0xdeadbeef"})), -32000);

    const std::string hash2 = f.send(f.user1, contracts::call::approve(a0, U256(5)), TxType::DynamicFee);
    const Block block = f.seal();
    const std::string blockHash = toHex(view(block.hash()));
    CHECK_EQ(str(f.result("eth_blockNumber")), std::string("0x1"));

    const json::object receipt = f.result("eth_getTransactionReceipt", {hash}).as_object();
    CHECK_EQ(str(receipt.at("status")), std::string("0x1"));
    CHECK_EQ(str(receipt.at("blockHash")), blockHash);
    CHECK_EQ(str(receipt.at("transactionIndex")), std::string("0x0"));
    CHECK(receipt.at("contractAddress").is_null());
    CHECK_EQ(str(receipt.at("type")), std::string("0x0"));
    CHECK_EQ(str(receipt.at("from")), lower0);
    CHECK(receipt.contains("effectiveGasPrice") && receipt.contains("gasUsed") && receipt.contains("cumulativeGasUsed"));
    const json::array& logs = receipt.at("logs").as_array();
    CHECK_EQ(logs.size(), 1u);
    CHECK_EQ(str(logs.at(0).at("topics").at(0)), toHex(view(contracts::topic::transfer())));
    CHECK_EQ(str(logs.at(0).at("logIndex")), std::string("0x0"));
    const json::object receipt2 = f.result("eth_getTransactionReceipt", {hash2}).as_object();
    CHECK_EQ(str(receipt2.at("type")), std::string("0x2"));
    CHECK_EQ(str(receipt2.at("transactionIndex")), std::string("0x1"));
    CHECK_EQ(str(receipt2.at("logs").at(0).at("logIndex")), std::string("0x1"));   // block-wide index
    CHECK_EQ(str(receipt2.at("logs").at(0).at("transactionIndex")), std::string("0x1"));

    const json::object tx = f.result("eth_getTransactionByHash", {hash}).as_object();
    CHECK_EQ(str(tx.at("blockNumber")), std::string("0x1"));
    CHECK_EQ(str(tx.at("v")), std::string(U256(2468 * 2 + 35 + SignedTransaction::fromRaw(view(rawTx)).tx.signature.recoveryId).toHexQuantity()));
    CHECK(tx.contains("r") && tx.contains("s") && tx.contains("input") && tx.contains("gasPrice"));
    const json::object tx2 = f.result("eth_getTransactionByHash", {hash2}).as_object();
    CHECK(tx2.contains("maxFeePerGas") && tx2.contains("accessList") && tx2.contains("yParity"));

    // Blocks: hashes only, full objects, by hash, with what ethers/web3 require.
    const json::object b = f.result("eth_getBlockByNumber", {"latest", false}).as_object();
    for (const char* key : {"hash", "parentHash", "number", "timestamp", "difficulty", "gasLimit", "gasUsed", "extraData", "miner",
                            "transactions", "baseFeePerGas", "logsBloom", "stateRoot", "receiptsRoot", "transactionsRoot", "nonce"})
        if (!b.contains(key)) {
            std::printf("  block lacks %s\n", key);
            ++failures;
        }
    CHECK_EQ(str(b.at("hash")), blockHash);
    CHECK_EQ(str(b.at("baseFeePerGas")), std::string("0x0"));
    CHECK_EQ(str(b.at("miner")), toHex(view(addressOf(f.sealer))));
    CHECK_EQ(str(b.at("transactions").at(1)), hash2);
    const json::object full = f.result("eth_getBlockByHash", {blockHash, true}).as_object();
    CHECK_EQ(str(full.at("transactions").at(0).at("hash")), hash);
    CHECK(f.result("eth_getBlockByNumber", {"0x99", false}).is_null());
    CHECK_EQ(str(f.result("eth_getBlockTransactionCountByNumber", {"0x1"})), std::string("0x2"));
    CHECK_EQ(str(f.result("eth_getTransactionByBlockNumberAndIndex", {"0x1", "0x1"}).at("hash")), hash2);
    // Historical state is refused, not answered with today's.
    CHECK(messageOf(f.error("eth_getBalance", {lower0, "0x0"})).find("historical") != std::string::npos);
    CHECK_EQ(messageOf(f.error("eth_getBalance", {lower0, "0x5"})), std::string("header not found"));
    CHECK_EQ(str(f.result("eth_getBalance", {lower0, json::object{{"blockHash", blockHash}}})), std::string("0xde0b6b3a7640000"));
    const json::object history = f.result("eth_feeHistory", {"0x4", "latest", json::array{25, 75}}).as_object();
    CHECK_EQ(str(history.at("oldestBlock")), std::string("0x0"));
    CHECK_EQ(history.at("baseFeePerGas").as_array().size(), 3u);
    CHECK_EQ(history.at("reward").as_array().size(), 2u);
}

void callsAndReverts() {
    Fixture f;
    const Address a0 = addressOf(f.user0), a1 = addressOf(f.user1);
    const std::string token = toChecksumAddress(contracts::kNrgToken);
    // Unknown keys (web3's chain/hardfork/type/accessList) are ignored; data and input accepted.
    const json::object call{{"from", toHex(view(a0))}, {"to", token}, {"data", toHex(view(contracts::call::balanceOf(a0)))},
                            {"chain", "mainnet"}, {"hardfork", "london"}, {"type", "0x2"}, {"accessList", json::array()}};
    CHECK_EQ(str(f.result("eth_call", {call, "latest"})), toHex(view(U256(1'000'000'000'000'000'000ULL).toBigEndian())));
    json::object withInput = call;
    withInput.erase("data");
    withInput["input"] = toHex(view(contracts::call::balanceOf(a0)));
    CHECK_EQ(str(f.result("eth_call", {withInput})), toHex(view(U256(1'000'000'000'000'000'000ULL).toBigEndian())));
    json::object conflicting = call;
    conflicting["input"] = "0x1234";
    CHECK_EQ(codeOf(f.error("eth_call", {conflicting})), -32602);

    // Over-balance transfer: code 3, "execution reverted: <reason>", Error(string) data.
    json::object over{{"from", toHex(view(a1))}, {"to", token},
                      {"data", toHex(view(contracts::call::transfer(a0, *checkedMul(U256(2), U256(1'000'000'000'000'000'000ULL)))))}};
    for (const char* method : {"eth_call", "eth_estimateGas"}) {
        const auto e = f.error(method, {over});
        CHECK_EQ(codeOf(e), 3);
        CHECK_EQ(messageOf(e), std::string("execution reverted: ERC20: transfer amount exceeds balance"));
        CHECK(e.contains("data") && str(e.at("data")).rfind("0x08c379a0", 0) == 0);
    }
    // The estimate covers what the transaction really uses.
    over["data"] = toHex(view(contracts::call::transfer(addressOf(seededKey("fresh")), U256(7))));
    const std::uint64_t estimate = rpc::parseQuantityU64(f.result("eth_estimateGas", {over}), "estimate");
    const Bytes tx = signedCall(f.user1, 0, contracts::kNrgToken, contracts::call::transfer(addressOf(seededKey("fresh")), U256(7)),
                                U256(0), TxType::Legacy, 2468, estimate);
    const std::string hash = str(f.result("eth_sendRawTransaction", {toHex(view(tx))}));
    f.seal();
    CHECK_EQ(str(f.result("eth_getTransactionReceipt", {hash}).at("status")), std::string("0x1"));
    json::object plain{{"from", toHex(view(a0))}, {"to", toHex(view(a1))}, {"value", "0x1"}};
    CHECK_EQ(str(f.result("eth_estimateGas", {plain})), std::string("0x5208"));   // exactly 21000
    CHECK_EQ(codeOf(f.error("eth_call", {call, "latest", json::object{}})), -32602);   // no state overrides
}

void logsAndFilters() {
    Fixture f;
    const Address a0 = addressOf(f.user0), a1 = addressOf(f.user1);
    const std::string token = toHex(view(contracts::kNrgToken));
    const std::string logFilter = str(f.result("eth_newFilter", {json::object{{"address", json::array{token}},
                                                                               {"topics", json::array{nullptr, nullptr, toHex(view(Hash256{}))}}}}));
    const std::string toUser1 = str(f.result("eth_newFilter", {json::object{
        {"address", token}, {"topics", json::array{toHex(view(contracts::topic::transfer())), nullptr,
                                                   toHex(view(U256::fromBigEndian(view(a1)).toBigEndian()))}}}}));
    const std::string blocks = str(f.result("eth_newBlockFilter"));
    CHECK(f.result("eth_getFilterChanges", {toUser1}).as_array().empty());

    const std::string h1 = f.send(f.user0, contracts::call::transfer(a1, U256(10)));
    const Block b1 = f.seal();
    f.send(f.user1, contracts::call::transfer(a0, U256(3)));
    f.send(f.user1, contracts::call::approve(a0, U256(1)));
    const Block b2 = f.seal();

    const json::array changes = f.result("eth_getFilterChanges", {toUser1}).as_array();
    CHECK_EQ(changes.size(), 1u);
    CHECK_EQ(str(changes.at(0).at("transactionHash")), h1);
    CHECK(f.result("eth_getFilterChanges", {toUser1}).as_array().empty());   // reported once
    CHECK(f.result("eth_getFilterChanges", {logFilter}).as_array().empty());   // no topic 2 == zero
    const json::array newBlocks = f.result("eth_getFilterChanges", {blocks}).as_array();
    CHECK_EQ(newBlocks.size(), 2u);
    CHECK_EQ(str(newBlocks.at(1)), toHex(view(b2.hash())));
    CHECK_EQ(f.result("eth_getFilterLogs", {toUser1}).as_array().size(), 0u);   // fromBlock latest = b2
    CHECK_EQ(messageOf(f.error("eth_getFilterChanges", {"0x1234"})), std::string("filter not found"));
    CHECK_EQ(str(f.result("eth_uninstallFilter", {toUser1})), std::string("true"));
    CHECK_EQ(str(f.result("eth_uninstallFilter", {toUser1})), std::string("false"));

    // eth_getLogs: ranges, address array, wildcards, blockHash.
    const json::object all{{"fromBlock", "0x0"}, {"toBlock", "latest"}, {"address", json::array{token, toHex(view(contracts::kSettlement))}}};
    CHECK_EQ(f.result("eth_getLogs", {all}).as_array().size(), 3u);
    const json::object onlyTransfers{{"fromBlock", "earliest"}, {"topics", json::array{json::array{toHex(view(contracts::topic::transfer()))}}}};
    CHECK_EQ(f.result("eth_getLogs", {onlyTransfers}).as_array().size(), 2u);   // earliest..latest
    json::object range = onlyTransfers;
    range["fromBlock"] = "0x2";
    range["toBlock"] = "0x2";
    CHECK_EQ(f.result("eth_getLogs", {range}).as_array().size(), 1u);
    const json::array inB2 = f.result("eth_getLogs", {json::object{{"blockHash", toHex(view(b2.hash()))}}}).as_array();
    CHECK_EQ(inB2.size(), 2u);
    CHECK_EQ(str(inB2.at(1).at("logIndex")), std::string("0x1"));
    CHECK_EQ(str(inB2.at(1).at("transactionIndex")), std::string("0x1"));
    CHECK_EQ(codeOf(f.error("eth_getLogs", {json::object{{"fromBlock", "0x2"}, {"toBlock", "0x1"}}})), -32602);
    CHECK_EQ(codeOf(f.error("eth_getLogs", {json::object{{"blockHash", toHex(view(b1.hash()))}, {"fromBlock", "0x1"}}})), -32602);
    CHECK_EQ(codeOf(f.error("eth_getLogs", {json::object{{"topics", json::array{1, 2, 3, 4, 5}}}})), -32602);

    // A reorganisation: the block filter reports the replacing block again.
    f.chain->rewindTo(1);
    f.time += 5;
    const Block replacement = f.seal();
    const json::array afterReorg = f.result("eth_getFilterChanges", {blocks}).as_array();
    CHECK_EQ(afterReorg.size(), 1u);
    CHECK_EQ(str(afterReorg.at(0)), toHex(view(replacement.hash())));
    CHECK(replacement.hash() != b2.hash());
}

}  // namespace

int main() {
    envelope();
    accountsAndTransactions();
    callsAndReverts();
    logsAndFilters();
    return testResult("tst_ledger_rpc");
}
