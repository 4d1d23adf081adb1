// clique_getSigners / clique_proposals / clique_propose / clique_discard through the RPC
// layer (RpcDispatcher over AuthorityNodeApi, and once over HTTP): a single-signer network
// votes a candidate in after clique_propose, signers answer per block (genesis: one, after
// the vote: two); a non-authority node refuses votes with a clear -32000; a node without
// consensus answers -32601; bad parameters are -32602.
#include "tests/ledger/Check.h"
#include "tests/ledger/LedgerTestSupport.h"

#include "ledger/rpc/AuthorityNodeApi.h"
#include "ledger/rpc/RpcClient.h"
#include "ledger/rpc/RpcDispatcher.h"
#include "ledger/rpc/RpcServer.h"

#include <condition_variable>

using namespace swarmergy::ledger_test;
namespace rpc = swarmergy::ledger::rpc;
namespace json = boost::json;
using swarmergy::ledger::authority::AuthorityConfig;
using swarmergy::ledger::authority::AuthorityNode;

namespace {

json::object call(rpc::RpcDispatcher& d, const std::string& method, json::array params = {}) {
    const json::object request{{"jsonrpc", "2.0"}, {"id", 7}, {"method", method}, {"params", std::move(params)}};
    return json::parse(d.handle(json::serialize(request))).as_object();
}

bool isError(const json::object& reply, int code, const std::string& words) {
    const auto* e = reply.if_contains("error");
    if (!e) {
        std::printf("  expected error %d, got %s\n", code, json::serialize(reply).c_str());
        return false;
    }
    const auto& o = e->as_object();
    const std::string message(o.at("message").as_string());
    const bool ok = o.at("code").as_int64() == code && message.find(words) != std::string::npos;
    if (!ok) std::printf("  error %s, expected %d with \"%s\"\n", json::serialize(o).c_str(), code, words.c_str());
    return ok;
}

json::array addresses(std::vector<Address> list) {
    std::sort(list.begin(), list.end());
    json::array out;
    for (const auto& a : list) out.push_back(json::string(rpc::hexAddress(a)));
    return out;
}

}  // namespace

int main() {
    ScratchDir dir("ledger-rpc-clique");
    const PrivateKey signerKey = seededKey("authority 0");
    const Address signer = addressOf(signerKey), candidate = addressOf(seededKey("candidate")), other = addressOf(seededKey("other"));
    ChainSetup setup = testSetup(dir.file("signer.db"));
    setup.chain.authorities = {signer};
    setup.durability = Durability::Normal;

    AuthorityConfig sc;
    sc.chain = setup;
    sc.clique.periodSeconds = 1;
    sc.key = signerKey;
    AuthorityNode node(sc);
    rpc::AuthorityNodeApi api(node);
    rpc::RpcDispatcher d(api);

    // Signers per block, before any vote.
    CHECK(call(d, "clique_getSigners").at("result") == addresses({signer}));
    CHECK(call(d, "clique_getSigners", {"latest"}).at("result") == addresses({signer}));
    CHECK(call(d, "clique_getSigners", {"0x0"}).at("result") == addresses({signer}));
    CHECK(isError(call(d, "clique_getSigners", {"0x5"}), -32000, "header not found"));
    CHECK(isError(call(d, "clique_getSigners", {"soon"}), -32602, "block number"));
    CHECK(call(d, "clique_proposals").at("result") == json::object{});

    // Proposals: set, replaced, discarded.
    CHECK(call(d, "clique_propose", {rpc::hexAddress(candidate), true}).at("result").is_null());
    CHECK(call(d, "clique_propose", {toChecksumAddress(other), false}).at("result").is_null());
    CHECK(call(d, "clique_propose", {rpc::hexAddress(other), true}).at("result").is_null());
    CHECK(call(d, "clique_proposals").at("result") ==
          (json::object{{rpc::hexAddress(candidate), true}, {rpc::hexAddress(other), true}}));
    CHECK(call(d, "clique_discard", {rpc::hexAddress(other)}).at("result").is_null());
    CHECK(call(d, "clique_proposals").at("result") == (json::object{{rpc::hexAddress(candidate), true}}));
    CHECK(isError(call(d, "clique_propose", {"0x1234", true}), -32602, "address"));
    CHECK(isError(call(d, "clique_propose", {rpc::hexAddress(candidate)}), -32602, "missing"));
    CHECK(isError(call(d, "clique_propose", {rpc::hexAddress(candidate), "yes"}), -32602, "auth"));
    CHECK(isError(call(d, "clique_discard", {}), -32602, "missing"));

    // A follower that does not seal has no vote: a clear refusal, and nothing recorded.
    AuthorityConfig oc = sc;
    oc.chain.databasePath = dir.file("observer.db");
    oc.key = seededKey("observer");
    oc.seal = false;
    AuthorityNode observer(oc);
    rpc::AuthorityNodeApi observerApi(observer);
    rpc::RpcDispatcher od(observerApi);
    CHECK(isError(call(od, "clique_propose", {rpc::hexAddress(candidate), true}), -32000, "is not an authority"));
    CHECK(isError(call(od, "clique_discard", {rpc::hexAddress(candidate)}), -32000, "is not an authority"));
    CHECK(call(od, "clique_proposals").at("result") == json::object{});
    CHECK(call(od, "clique_getSigners").at("result") == addresses({signer}));
    // A node without the consensus layer: the methods are not available.
    auto plain = Chain::open(testSetup(":memory:"));
    rpc::ChainNodeApi plainApi(*plain);
    rpc::RpcDispatcher pd(plainApi);
    CHECK(isError(call(pd, "clique_getSigners"), -32601, "clique_getSigners does not exist/is not available"));
    CHECK(isError(call(pd, "clique_propose", {rpc::hexAddress(candidate), true}), -32601, "not available"));

    // The vote is cast in the next sealed block: one signer, so one vote decides.
    std::mutex m;
    std::condition_variable cv;
    std::optional<std::uint64_t> votedAt;
    node.chain().setBlockObserver([&](const Block& b, const std::vector<Receipt>&) {
        std::lock_guard lock(m);
        if (!votedAt && b.header.coinbase == candidate) votedAt = b.header.number;
        cv.notify_all();
    });
    node.start();
    {
        std::unique_lock lock(m);
        CHECK(cv.wait_for(lock, std::chrono::seconds(30), [&] { return votedAt.has_value(); }));
    }
    node.stop();
    if (votedAt) {
        const std::string at = rpc::quantity(*votedAt);
        CHECK(call(d, "clique_getSigners", {at}).at("result") == addresses({signer, candidate}));
        CHECK(call(d, "clique_getSigners", {rpc::quantity(*votedAt - 1)}).at("result") == addresses({signer}));
        CHECK(call(d, "clique_getSigners").at("result") == addresses({signer, candidate}));
        // Over HTTP too.
        rpc::RpcServerOptions options;
        options.port = 0;
        rpc::RpcServer server(api, options);
        server.start();
        rpc::RpcClient client("127.0.0.1", server.port());
        CHECK(client.call("clique_getSigners", {"earliest"}) == addresses({signer}));
        CHECK(client.call("clique_getSigners", {at}) == addresses({signer, candidate}));
        server.stop();
    }
    return swarmergy::ledger_test::testResult("tst_ledger_rpc_clique");
}
