// Robustness of the JSON-RPC server (issue #5): more than 10,000 malformed requests over HTTP
// (mutated valid requests, wrong parameter types, huge numbers, deep nesting, garbage bytes,
// invalid UTF-8, junk batches) from two client threads while blocks are sealed, then raw bytes
// on fresh sockets (garbage, truncated HTTP, oversized bodies and headers, bad framing), and a
// connection flood above the limit. Every JSON body must get a well-formed JSON-RPC answer
// with a standard error code (never an internal error), every raw exchange an HTTP 4xx or a
// close, and afterwards the node must still answer and mine a transfer.
#include "ledger/rpc/RpcClient.h"
#include "ledger/rpc/RpcServer.h"
#include "tests/ledger/Check.h"
#include "tests/ledger/LedgerTestSupport.h"

#include <boost/asio.hpp>

#include <atomic>
#include <set>
#include <sys/socket.h>
#include <thread>

using namespace swarmergy::ledger;
using namespace swarmergy::ledger_test;
namespace rpc = swarmergy::ledger::rpc;
namespace json = boost::json;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

constexpr std::uint64_t kSeed = 0x5eed2468;
constexpr int kJsonCasesPerThread = 5200;

std::vector<std::string> validTemplates(const Address& user) {
    const std::string a = toHex(view(user)), token = toChecksumAddress(contracts::kNrgToken);
    const std::string data = toHex(view(contracts::call::balanceOf(user)));
    return {
        R"({"jsonrpc":"2.0","id":1,"method":"eth_getBalance","params":[")" + a + R"(","latest"]})",
        R"({"jsonrpc":"2.0","id":"u-1","method":"eth_call","params":[{"to":")" + token + R"(","data":")" + data + R"("},"latest"]})",
        R"({"jsonrpc":"2.0","id":2,"method":"eth_estimateGas","params":[{"from":")" + a + R"(","to":")" + token + R"(","input":")" + data + R"("}]})",
        R"({"jsonrpc":"2.0","id":3,"method":"eth_getBlockByNumber","params":["0x1",true]})",
        R"({"jsonrpc":"2.0","id":4,"method":"eth_getLogs","params":[{"fromBlock":"0x0","toBlock":"latest","address":[")" + token + R"("],"topics":[null,["0x)" + std::string(64, 'a') + R"("]]}]})",
        R"({"jsonrpc":"2.0","id":5,"method":"eth_getTransactionCount","params":[")" + a + R"(","pending"]})",
        R"({"jsonrpc":"2.0","id":6,"method":"eth_sendRawTransaction","params":["0xf86b808504a817c800825208940000000000000000000000000000000000001001880de0b6b3a76400008025a0"]})",
        R"({"jsonrpc":"2.0","id":7,"method":"eth_getTransactionReceipt","params":["0x)" + std::string(64, '1') + R"("]})",
        R"({"jsonrpc":"2.0","id":8,"method":"eth_feeHistory","params":["0x10","latest",[10,50]]})",
        R"([{"jsonrpc":"2.0","id":9,"method":"eth_chainId"},{"jsonrpc":"2.0","id":10,"method":"eth_blockNumber"}])",
        R"({"jsonrpc":"2.0","id":11,"method":"eth_newFilter","params":[{"address":")" + token + R"("}]})",
        R"({"jsonrpc":"2.0","id":12,"method":"eth_getFilterChanges","params":["0x1234"]})",
        R"({"jsonrpc":"2.0","id":13,"method":"eth_getStorageAt","params":[")" + token + R"(","0x0","latest"]})",
        R"({"jsonrpc":"2.0","id":14,"method":"eth_getBlockByHash","params":["0x)" + std::string(64, 'b') + R"(",false]})",
    };
}

class MalformedGenerator {
public:
    MalformedGenerator(std::uint64_t seed, std::vector<std::string> templates) : rng_(seed), templates_(std::move(templates)) {}

    std::string next() {
        switch (rng_() % 9) {
        case 0: return mutate(pick());
        case 1: return wrongTypes();
        case 2: return hugeNumbers();
        case 3: return deepNesting();
        case 4: return garbage(1 + rng_() % 2000);
        case 5: return junkBatch();
        case 6: return badEnvelope();
        case 7: return invalidUtf8();
        default: return mutate(mutate(pick()));
        }
    }

private:
    std::mt19937_64 rng_;
    std::vector<std::string> templates_;

    const std::string& pick() { return templates_[rng_() % templates_.size()]; }
    std::size_t below(std::size_t n) { return n == 0 ? 0 : rng_() % n; }

    std::string garbage(std::size_t n) {
        std::string s(n, '\0');
        for (auto& c : s) c = static_cast<char>(rng_());
        return s;
    }

    std::string mutate(std::string s) {
        const int edits = 1 + static_cast<int>(below(4));
        for (int i = 0; i < edits && !s.empty(); ++i) {
            const std::size_t at = below(s.size());
            switch (below(5)) {
            case 0: s[at] = static_cast<char>(rng_()); break;
            case 1: s.erase(at, 1 + below(16)); break;
            case 2: s.insert(at, garbage(1 + below(8))); break;
            case 3: s.resize(at); break;   // truncated
            default: s.insert(at, s.substr(at, below(32))); break;
            }
        }
        return s;
    }

    json::value wrongValue() {
        switch (below(12)) {
        case 0: return json::value(static_cast<std::int64_t>(rng_()));
        case 1: return json::value(-1);
        case 2: return json::value(3.75);
        case 3: return json::value(true);
        case 4: return json::object{{"x", json::array{1, 2}}};
        case 5: return json::array{nullptr, "0x"};
        case 6: return json::string("0x" + std::string(100 + below(200), 'f'));
        case 7: return json::string("0xZZ");
        case 8: return json::string(std::string(10'000 + below(50'000), 'a'));
        case 9: return json::string("-0x1");
        case 10: return json::string("0x");
        default: return nullptr;
        }
    }

    std::string wrongTypes() {
        static const char* methods[] = {"eth_getBalance", "eth_call", "eth_getLogs", "eth_getBlockByNumber", "eth_getBlockByHash",
                                        "eth_sendRawTransaction", "eth_estimateGas", "eth_getTransactionCount", "eth_newFilter",
                                        "eth_getFilterChanges", "eth_feeHistory", "eth_getCode", "eth_getStorageAt",
                                        "eth_getTransactionByHash", "eth_getTransactionByBlockNumberAndIndex", "web3_sha3",
                                        "eth_uninstallFilter", "eth_getFilterLogs"};
        json::array params;
        const std::size_t n = below(5);
        for (std::size_t i = 0; i < n; ++i) params.push_back(wrongValue());
        return json::serialize(json::object{{"jsonrpc", "2.0"}, {"id", below(1000)}, {"method", methods[below(std::size(methods))]},
                                            {"params", std::move(params)}});
    }

    std::string hugeNumbers() {
        static const char* numbers[] = {"1e400", "-1e400", "123456789012345678901234567890123456789", "1.5e308", "-0",
                                        "18446744073709551616", "-9223372036854775809", "0.0000000000000000000000001e-400"};
        const std::string n = numbers[below(std::size(numbers))];
        if (below(2) == 0) return R"({"jsonrpc":"2.0","id":)" + n + R"(,"method":"eth_blockNumber"})";
        return R"({"jsonrpc":"2.0","id":1,"method":"eth_getBlockByNumber","params":[)" + n + R"(,false]})";
    }

    std::string deepNesting() {
        const std::size_t depth = 60 + below(200'000);
        const bool objects = below(2) == 0;
        std::string s = R"({"jsonrpc":"2.0","id":1,"method":"eth_call","params":)";
        for (std::size_t i = 0; i < depth; ++i) s += objects ? R"({"a":)" : "[";
        if (below(2) == 0) {   // sometimes closed, sometimes not
            s += "1";
            for (std::size_t i = 0; i < depth; ++i) s += objects ? "}" : "]";
            s += "}";
        }
        return s;
    }

    std::string junkBatch() {
        json::array batch;
        const std::size_t n = 1 + below(40);
        for (std::size_t i = 0; i < n; ++i) {
            if (below(3) == 0) batch.push_back(wrongValue());
            else batch.push_back(json::parse(wrongTypes()));
        }
        return json::serialize(batch);
    }

    std::string badEnvelope() {
        static const char* bodies[] = {
            R"({"jsonrpc":"2.0","id":1})", R"({"jsonrpc":2,"id":1,"method":"eth_chainId"})", R"({"id":[1],"method":"eth_chainId"})",
            R"({"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":"x"})", R"({"jsonrpc":"2.0","id":1,"method":null})",
            R"([1,2,3])", R"("just a string")", R"(null)", R"({})", R"([[]])", R"({"jsonrpc":"2.0","id":1,"method":""})",
            R"({"jsonrpc":"2.0","id":1,"method":"eth_getBalance","params":[]})", "", " ", "\xef\xbb\xbf{}",
        };
        return bodies[below(std::size(bodies))];
    }

    std::string invalidUtf8() {
        std::string s = R"({"jsonrpc":"2.0","id":1,"method":"eth_)";
        s += std::string{'\xc3', '\x28', '\xff', '\xfe', '\xed', '\xa0', '\x80'}.substr(below(4), 1 + below(3));
        return s + R"(","params":[]})";
    }
};

// The body is a JSON value made only of notifications (objects without "id"): no answer is due.
bool onlyNotifications(std::string_view body) {
    boost::system::error_code ec;
    json::parse_options options;
    options.max_depth = 64;
    const json::value v = json::parse(json::string_view(body.data(), body.size()), ec, {}, options);
    if (ec) return false;
    auto isNotification = [](const json::value& x) { return x.is_object() && !x.get_object().contains("id"); };
    if (isNotification(v)) return true;
    if (!v.is_array() || v.get_array().empty()) return false;
    for (const auto& x : v.get_array())
        if (!isNotification(x)) return false;
    return true;
}

const std::set<std::int64_t> kAllowedCodes{-32700, -32600, -32601, -32602, -32000, -32005, 3};

// A well-formed answer: {"jsonrpc":"2.0","id":..., "result" xor "error":{code, message}}.
std::string checkAnswer(const json::value& answer) {
    if (!answer.is_object()) return "answer is not an object";
    const json::object& o = answer.get_object();
    if (!o.contains("jsonrpc") || o.at("jsonrpc") != "2.0") return "answer lacks jsonrpc 2.0";
    if (!o.contains("id")) return "answer lacks id";
    if (o.contains("result") == o.contains("error")) return "answer needs exactly one of result/error";
    if (o.contains("error")) {
        const json::value& e = o.at("error");
        if (!e.is_object() || !e.get_object().contains("code") || !e.get_object().at("code").is_int64() ||
            !e.get_object().contains("message") || !e.get_object().at("message").is_string())
            return "malformed error object";
        const std::int64_t code = e.get_object().at("code").get_int64();
        if (!kAllowedCodes.count(code)) return "unexpected error code " + std::to_string(code) + ": " + json::serialize(e);
    }
    return {};
}

std::string checkReply(const std::string& request, const rpc::HttpReply& reply) {
    if (reply.status != 200) return "HTTP status " + std::to_string(reply.status);
    if (reply.body.empty()) return onlyNotifications(request) ? "" : "empty answer to a request that needs one";
    boost::system::error_code ec;
    const json::value v = json::parse(reply.body, ec);
    if (ec) return "answer is not JSON: " + reply.body.substr(0, 200);
    if (!v.is_array()) return checkAnswer(v);
    for (const auto& a : v.get_array())
        if (auto problem = checkAnswer(a); !problem.empty()) return problem;
    return {};
}

struct FloodResult {
    int sent = 0, problems = 0;
};

FloodResult flood(std::uint16_t port, std::uint64_t seed, const std::vector<std::string>& templates) {
    FloodResult r;
    rpc::RpcClient client("127.0.0.1", port);
    MalformedGenerator gen(seed, templates);
    for (int i = 0; i < kJsonCasesPerThread; ++i) {
        const std::string body = gen.next();
        rpc::HttpReply reply;
        try {
            reply = client.post(body);
        } catch (const std::exception& e) {
            reply.status = 0;
            reply.body = e.what();
        }
        ++r.sent;
        if (const auto problem = checkReply(body, reply); !problem.empty()) {
            if (++r.problems <= 10)
                std::printf("  case %d (seed %llu): %s\n    request: %.200s\n", i, static_cast<unsigned long long>(seed), problem.c_str(),
                            body.c_str());
        }
    }
    return r;
}

// One raw exchange on a fresh socket: send bytes, half-close, read everything until the server
// closes. Returns what the server sent (possibly nothing).
std::string rawExchange(std::uint16_t port, const std::string& bytes) {
    asio::io_context ioc;
    tcp::socket socket(ioc);
    socket.connect({asio::ip::make_address("127.0.0.1"), port});
    timeval timeout{10, 0};   // a hang is a failure, not a stuck test
    ::setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    boost::system::error_code ec;
    asio::write(socket, asio::buffer(bytes), ec);
    socket.shutdown(tcp::socket::shutdown_send, ec);
    std::string out;
    char buf[4096];
    for (;;) {
        const std::size_t n = socket.read_some(asio::buffer(buf), ec);
        out.append(buf, n);
        if (ec) break;
    }
    if (ec == asio::error::would_block || ec == asio::error::try_again) out += "<timeout>";
    return out;
}

bool statusIs(const std::string& response, const std::string& status) { return response.rfind("HTTP/1.1 " + status, 0) == 0; }
bool closedOr4xx(const std::string& response) { return response.empty() || statusIs(response, "4"); }

int rawBytes(std::uint16_t port) {
    int cases = 0;
    std::mt19937_64 rng(kSeed + 7);
    const std::string body = R"({"jsonrpc":"2.0","id":1,"method":"eth_blockNumber"})";
    const std::string valid = "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
                              std::to_string(body.size()) + "\r\n\r\n" + body;
    for (int i = 0; i < 150; ++i, ++cases) {   // garbage bytes
        std::string junk(1 + rng() % 3000, '\0');
        for (auto& c : junk) c = static_cast<char>(rng());
        const std::string r = rawExchange(port, junk);
        if (!closedOr4xx(r)) {
            std::printf("FAIL garbage bytes case %d got: %.100s\n", i, r.c_str());
            ++failures;
        }
    }
    for (int i = 0; i < 100; ++i, ++cases) {   // truncated HTTP at every kind of place
        const std::string r = rawExchange(port, valid.substr(0, rng() % valid.size()));
        if (!closedOr4xx(r)) {
            std::printf("FAIL truncated request case %d got: %.100s\n", i, r.c_str());
            ++failures;
        }
    }
    CHECK(statusIs(rawExchange(port, valid), "200"));
    CHECK(rawExchange(port, valid + valid).find("HTTP/1.1 200", 10) != std::string::npos);   // pipelined
    CHECK(statusIs(rawExchange(port, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 60000000\r\n\r\n{"), "413"));
    CHECK(statusIs(rawExchange(port, "POST / HTTP/1.1\r\nHost: x\r\nX-Junk: " + std::string(20'000, 'j') + "\r\n\r\n"), "431"));
    CHECK(statusIs(rawExchange(port, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n"), "400"));
    CHECK(statusIs(rawExchange(port, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!"), "400"));
    CHECK(statusIs(rawExchange(port, "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n"), "400"));
    CHECK(statusIs(rawExchange(port, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"), "405"));
    CHECK(statusIs(rawExchange(port, "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\n{}"), "415"));
    CHECK(statusIs(rawExchange(port, "BREW /pot HTCPCP/1.0\r\n\r\n"), "400"));
    const std::string preflight = rawExchange(port, "OPTIONS / HTTP/1.1\r\nHost: x\r\nOrigin: https://wallet.example\r\n"
                                                    "Access-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: content-type\r\n\r\n");
    CHECK(statusIs(preflight, "204"));
    CHECK(preflight.find("Access-Control-Allow-Origin: *") != std::string::npos);
    CHECK(preflight.find("Access-Control-Allow-Methods: POST") != std::string::npos);
    // A body larger than the limit sent in full is refused too, and the server keeps going.
    CHECK(statusIs(rawExchange(port, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 6000000\r\n\r\n" + std::string(6'000'000, '[')), "413"));
    // "Expect: 100-continue" (curl above 1 KB) gets its go-ahead, then the answer.
    const std::string expecting = rawExchange(port, "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
                                                    "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
    CHECK(statusIs(expecting, "100"));
    CHECK(expecting.find("HTTP/1.1 200") != std::string::npos && expecting.find("\"result\"") != std::string::npos);
    return cases + 15;
}

// A client that starts a request and goes silent (slowloris) is cut at the idle timeout; an
// unusable bind address is refused with a message naming it.
void idleAndBind(Chain& chain) {
    rpc::ChainNodeApi api(chain);
    rpc::RpcServerOptions options;
    options.port = 0;
    options.idleTimeout = std::chrono::seconds(1);
    rpc::RpcServer server(api, options);
    server.start();
    asio::io_context ioc;
    tcp::socket socket(ioc);
    socket.connect({asio::ip::make_address("127.0.0.1"), server.port()});
    timeval timeout{10, 0};
    ::setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    asio::write(socket, asio::buffer(std::string("POST / HTTP/1.1\r\nHost: x\r\nContent-Le")));
    const auto t0 = std::chrono::steady_clock::now();
    boost::system::error_code ec;
    char buf[256];
    while (!ec) socket.read_some(asio::buffer(buf), ec);   // until the server closes
    const double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    CHECK(ec == asio::error::eof || ec == asio::error::connection_reset);
    CHECK(waited > 0.5 && waited < 5.0);

    rpc::RpcServerOptions bad;
    bad.bindAddress = "not-an-address";
    rpc::RpcServer refused(api, bad);
    std::string message;
    CHECK(throwsA<std::runtime_error>([&] { refused.start(); }, &message));
    CHECK(message.find("not-an-address") != std::string::npos);
}

// Above the connection limit a newcomer is closed at once; the server serves again once the
// flood is gone.
void connectionFlood(Chain& chain) {
    rpc::ChainNodeApi api(chain);
    rpc::RpcServerOptions options;
    options.port = 0;
    options.maxConnections = 8;
    rpc::RpcServer server(api, options);
    server.start();
    {
        std::vector<std::unique_ptr<rpc::RpcClient>> held;
        for (int i = 0; i < 8; ++i) {
            held.push_back(std::make_unique<rpc::RpcClient>("127.0.0.1", server.port()));
            CHECK_EQ(held.back()->post(R"({"jsonrpc":"2.0","id":1,"method":"eth_chainId"})").status, 200u);
        }
        CHECK_EQ(rawExchange(server.port(), "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}"), std::string());
    }
    // The held connections are closed: the server notices the EOFs and frees their slots.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (server.openConnections() > 0 && std::chrono::steady_clock::now() < deadline) std::this_thread::yield();
    CHECK_EQ(server.openConnections(), 0u);
    rpc::RpcClient again("127.0.0.1", server.port());
    CHECK_EQ(std::string(again.call("eth_chainId").as_string()), std::string("0x9a4"));
}

}  // namespace

int main() {
    auto chain = Chain::open(testSetup(":memory:"));
    rpc::ChainNodeApi api(*chain);
    rpc::RpcServerOptions options;
    options.port = 0;
    rpc::RpcServer server(api, options);
    server.start();
    CHECK(server.url().rfind("http://127.0.0.1:", 0) == 0);   // loopback unless told otherwise

    const PrivateKey sealer = seededKey("authority 0"), user = seededKey("user 0");
    const auto templates = validTemplates(addressOf(user));
    std::atomic<bool> flooding{true};
    std::uint64_t time = kTestGenesisTime;
    std::thread sealing([&] {   // blocks keep coming while the flood runs (paced, like a sealer)
        while (flooding) {
            chain->produceBlock(sealer, ++time, true);
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    });
    FloodResult a, b;
    std::thread first([&] { a = flood(server.port(), kSeed, templates); });
    std::thread second([&] { b = flood(server.port(), kSeed + 1, templates); });
    first.join();
    second.join();
    flooding = false;
    sealing.join();
    std::printf("%d malformed JSON-RPC bodies, %d problems\n", a.sent + b.sent, a.problems + b.problems);
    CHECK(a.sent + b.sent >= 10'000);
    CHECK_EQ(a.problems + b.problems, 0);

    const int raw = rawBytes(server.port());
    std::printf("%d raw socket exchanges\n", raw);
    connectionFlood(*chain);
    idleAndBind(*chain);

    // Still answering: the head, a balance, and a transfer mined end to end.
    rpc::RpcClient client("127.0.0.1", server.port());
    CHECK_EQ(std::string(client.call("eth_blockNumber").as_string()), U256(chain->headNumber()).toHexQuantity());
    const Address to = addressOf(seededKey("user 1"));
    const Bytes tx = signedCall(user, chain->pendingNonce(addressOf(user)), contracts::kNrgToken, contracts::call::transfer(to, U256(42)));
    const json::value hash = client.call("eth_sendRawTransaction", {toHex(view(tx))});
    chain->produceBlock(sealer, ++time, true);
    const json::value receipt = client.call("eth_getTransactionReceipt", {hash});
    CHECK(receipt.is_object() && receipt.at("status") == "0x1");
    server.stop();
    return testResult("tst_ledger_rpc_robustness");
}
