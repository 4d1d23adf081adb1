#pragma once
// Shared by the network tests: in-process authorities on loopback and condition waits (poll
// with a deadline; never a fixed sleep to synchronise).
#include "ledger/authority/AuthorityNode.h"
#include "ledger/contracts/SwarmergyContracts.h"
#include "tests/ledger/Check.h"
#include "tests/ledger/LedgerTestSupport.h"

#include <chrono>
#include <thread>

namespace swarmergy::ledger_test {

using namespace swarmergy::ledger;
using authority::AuthorityConfig;
using authority::AuthorityNode;

// Polls `condition` every 20 ms until it holds or `timeoutMs` passes; reports `what` on timeout.
template <class F>
bool waitUntil(F&& condition, std::uint64_t timeoutMs, const std::string& what) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (std::chrono::steady_clock::now() < deadline) {
        if (condition()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (condition()) return true;
    std::printf("FAIL timeout after %llu ms waiting for: %s\n", static_cast<unsigned long long>(timeoutMs), what.c_str());
    ++failures;
    return false;
}

inline PrivateKey authorityKey(int i) { return seededKey("authority " + std::to_string(i)); }
inline PrivateKey userKey(int i) { return seededKey("user " + std::to_string(i)); }

inline AuthorityConfig authorityConfig(const ScratchDir& dir, int index, std::uint64_t periodSeconds = 1) {
    AuthorityConfig c;
    c.chain = testSetup(dir.file("node" + std::to_string(index) + ".db"));
    c.chain.durability = Durability::Normal;
    c.clique.periodSeconds = periodSeconds;
    c.key = authorityKey(index);
    return c;
}

// Starts nodes in order, each dialling the ones started before it (a full mesh).
inline void startMesh(std::vector<std::unique_ptr<AuthorityNode>>& nodes, std::vector<AuthorityConfig> configs) {
    for (auto& c : configs) {
        for (const auto& n : nodes) c.peers.push_back(p2p::Endpoint{"127.0.0.1", n->p2pPort()});
        nodes.push_back(std::make_unique<AuthorityNode>(c));
        nodes.back()->start();
    }
}

inline Bytes nrgTransfer(int user, std::uint64_t nonce, const Address& to, std::uint64_t amount) {
    return signedCall(userKey(user), nonce, contracts::kNrgToken, contracts::call::transfer(to, U256(amount)));
}

inline Hash256 txHash(const Bytes& raw) { return SignedTransaction::fromRaw(view(raw)).hash; }

}  // namespace swarmergy::ledger_test
