// The console's embedded SwarmLedger served over JSON-RPC on loopback (issue #7): the
// console authority's Ethereum methods, SwarmBrain's recommendations as swarm_recommendations,
// and extra methods added by the console (errors mapped to JSON-RPC codes, reserved names
// refused). Talks HTTP to the real server with ledger/rpc's RpcClient.
#include "app/LedgerService.h"

#include "ledger/rpc/RpcClient.h"

#include <cstdio>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>

using namespace swarmergy;
using app::LedgerService;
namespace json = boost::json;
namespace rpc = swarmergy::ledger::rpc;

namespace {

int g_failures = 0;

#define CHECK(cond)                                                                        \
    do {                                                                                   \
        if (!(cond)) {                                                                     \
            std::fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
            ++g_failures;                                                                  \
        }                                                                                  \
    } while (0)

// Whether `action` throws std::invalid_argument whose message contains `needle`.
bool refused(const std::function<void()>& action, const std::string& needle) {
    try {
        action();
    } catch (const std::invalid_argument& e) {
        if (std::string(e.what()).find(needle) != std::string::npos) return true;
        std::fprintf(stderr, "refused, but with: %s\n", e.what());
        return false;
    }
    return false;
}

// The error a call gets: {code, message}; code 0 when it succeeded.
std::pair<int, std::string> callError(rpc::RpcClient& client, const std::string& method, json::array params) {
    try {
        client.call(method, std::move(params));
    } catch (const rpc::RpcError& e) {
        return {e.code, e.what()};
    }
    return {0, {}};
}

std::uint16_t portOf(const std::string& url) {
    const std::string prefix = "http://127.0.0.1:";
    if (url.rfind(prefix, 0) != 0) return 0;
    return static_cast<std::uint16_t>(std::stoi(url.substr(prefix.size())));
}

model::Recommendation recommendation(std::string alveole, std::string appliance, std::int64_t suggested, std::int64_t usual,
                                     double savingCu) {
    model::Recommendation r;
    r.alveoleId = std::move(alveole);
    r.appliance = std::move(appliance);
    r.suggestedStartUtc = suggested;
    r.usualStartUtc = usual;
    r.savingCu = savingCu;
    return r;
}

bool sameRecommendation(const json::value& v, const model::Recommendation& r) {
    const json::object* o = v.if_object();
    return o && o->size() == 5 && o->at("alveole").as_string() == r.alveoleId && o->at("appliance").as_string() == r.appliance &&
           o->at("suggestedStartUtc").to_number<std::int64_t>() == r.suggestedStartUtc &&
           o->at("usualStartUtc").to_number<std::int64_t>() == r.usualStartUtc && o->at("savingCu").to_number<double>() == r.savingCu;
}

void checkReservedNamesRefused(LedgerService& service) {
    const rpc::ExtraMethod nothing = [](const json::array&) { return json::value(nullptr); };
    CHECK(refused([&] { service.addRpcMethod("eth_foo", nothing); }, "reserved"));
    CHECK(refused([&] { service.addRpcMethod("net_foo", nothing); }, "reserved"));
    CHECK(refused([&] { service.addRpcMethod("web3_foo", nothing); }, "reserved"));
    CHECK(refused([&] { service.addRpcMethod("clique_foo", nothing); }, "reserved"));
    CHECK(refused([&] { service.addRpcMethod("", nothing); }, "empty"));
    CHECK(refused([&] { service.addRpcMethod(LedgerService::kRecommendationsMethod, nothing); }, "setRecommendationsProvider"));
    CHECK(refused([&] { service.addRpcMethod("swarm_noHandler", rpc::ExtraMethod{}); }, "handler is empty"));
}

// Extra methods whose handlers fail: a bad parameter (-32602) and a bug (-32603).
void addFailingMethods(LedgerService& service) {
    service.addRpcMethod("swarm_alveoleName", [](const json::array& p) -> json::value {
        if (p.size() != 1 || !p[0].is_string()) throw std::invalid_argument("swarm_alveoleName: param 1 must be an alvéole id");
        return p[0];
    });
    service.addRpcMethod("swarm_broken", [](const json::array&) -> json::value { throw std::runtime_error("provider lost"); });
    CHECK(refused([&] { service.addRpcMethod("swarm_broken", [](const json::array&) { return json::value(1); }); },
                  "already registered"));
}

void checkRecommendations(LedgerService& service, rpc::RpcClient& client) {
    // No provider yet: an empty array.
    const rpc::HttpReply empty = client.post(R"({"jsonrpc":"2.0","id":1,"method":"swarm_recommendations","params":[]})");
    CHECK(empty.status == 200);
    const json::value emptyAnswer = json::parse(empty.body);
    CHECK(emptyAnswer.as_object().at("result").is_array() && emptyAnswer.as_object().at("result").as_array().empty());

    const std::vector<model::Recommendation> plan = {recommendation("r02-a0017", "washing", 1'782'300'600, 1'782'327'600, 0.42),
                                                     recommendation("r01-a0003", "ev", 1'782'284'400, 1'782'320'400, 1.75)};
    int providerCalls = 0;
    service.setRecommendationsProvider([&] {
        ++providerCalls;
        return plan;
    });
    const rpc::HttpReply reply = client.post(R"({"jsonrpc":"2.0","id":1,"method":"swarm_recommendations","params":[]})");
    CHECK(reply.status == 200);
    const json::object answer = json::parse(reply.body).as_object();
    CHECK(answer.at("jsonrpc").as_string() == "2.0" && answer.at("id").to_number<int>() == 1);
    const json::array& result = answer.at("result").as_array();
    CHECK(result.size() == 2);
    for (std::size_t i = 0; i < std::min<std::size_t>(2, result.size()); ++i) CHECK(sameRecommendation(result[i], plan[i]));
    CHECK(providerCalls == 1);   // asked at each request: the answer is the current plan

    // setRecommendations replaces the provider: the next plan shows at once.
    service.setRecommendations({plan[1]});
    const json::array next = client.call("swarm_recommendations").as_array();
    CHECK(next.size() == 1 && sameRecommendation(next[0], plan[1]));
    CHECK(providerCalls == 1);

    const auto [code, message] = callError(client, "swarm_recommendations", {1});
    CHECK(code == -32602 && message == "swarm_recommendations takes no parameters");

    // A provider that throws: an internal error for that request, the server carries on.
    service.setRecommendationsProvider([]() -> std::vector<model::Recommendation> { throw std::runtime_error("plan store gone"); });
    const auto [failCode, failMessage] = callError(client, "swarm_recommendations", {});
    CHECK(failCode == -32603 && failMessage.find("plan store gone") != std::string::npos);
    service.setRecommendations(plan);
}

void checkExtraMethods(LedgerService& service, rpc::RpcClient& client) {
    CHECK(client.call("swarm_alveoleName", {"r02-a0017"}).as_string() == "r02-a0017");
    const auto [code, message] = callError(client, "swarm_alveoleName", {42});
    CHECK(code == -32602 && message == "swarm_alveoleName: param 1 must be an alvéole id");
    const auto [brokenCode, brokenMessage] = callError(client, "swarm_broken", {});
    CHECK(brokenCode == -32603 && brokenMessage.find("provider lost") != std::string::npos);
    CHECK(callError(client, "swarm_unknown", {}).first == -32601);
    // Added while serving: answers at once.
    service.addRpcMethod("swarm_late", [](const json::array&) { return json::value(7); });
    CHECK(client.call("swarm_late").to_number<int>() == 7);
    // A method may call the service itself (the console's methods will).
    service.addRpcMethod("swarm_fundedBalance", [&service](const json::array&) -> json::value {
        return json::value(service.nrgBalance(service.fundedAddress()).value_or("none"));
    });
    CHECK(client.call("swarm_fundedBalance").as_string() == *service.nrgBalance(service.fundedAddress()));
}

std::string hexQuantity(std::uint64_t v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
    return buf;
}

}  // namespace

int main() {
    const std::string tmp = (std::filesystem::temp_directory_path() / "tst_ledgerservice_rpc").string();
    LedgerService service(tmp, 1);
    checkReservedNamesRefused(service);
    addFailingMethods(service);

    // Not asked for: not served.
    service.start();
    CHECK(service.rpcUrl().empty());
    service.stop();

    service.setRpcPort(0);
    service.start();
    const std::uint16_t port = portOf(service.rpcUrl());
    CHECK(port != 0);
    if (port == 0) {
        std::fprintf(stderr, "no RPC url: '%s'\n", service.rpcUrl().c_str());
        return 1;
    }
    {
        rpc::RpcClient client("127.0.0.1", port);
        CHECK(client.call("eth_chainId").as_string() == hexQuantity(service.chainId()));
        CHECK(client.call("clique_getSigners").as_array().size() == LedgerService::kAuthorities);
        checkRecommendations(service, client);
        checkExtraMethods(service, client);
        CHECK(client.call("eth_chainId").as_string() == hexQuantity(service.chainId()));   // still answering
    }
    service.stop();
    CHECK(service.rpcUrl().empty());

    // A restart serves again, with the extra methods and the provider kept.
    service.start();
    const std::uint16_t again = portOf(service.rpcUrl());
    CHECK(again != 0);
    if (again != 0) {
        rpc::RpcClient client("127.0.0.1", again);
        CHECK(client.call("swarm_late").to_number<int>() == 7);
        CHECK(client.call("swarm_recommendations").as_array().size() == 2);
    }
    service.stop();

    if (g_failures) std::fprintf(stderr, "%d check(s) failed\n", g_failures);
    else std::printf("tst_ledgerservice_rpc: all checks passed\n");
    return g_failures ? 1 : 0;
}
