#pragma once
// What the SwarmLedger benches share (bench/ledger_core, bench/ledger): the secp256k1 recovery
// rate they divide every figure by, measured in the same run (the machine is shared, so
// absolute rates move with the load while ratios stay comparable), deterministic keys and
// signed calls. Header-only: each bench is one executable.
#include "ledger/chain/Transaction.h"
#include "ledger/crypto/Keccak.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace swarmergy::ledger::bench {

inline double secondsSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

inline PrivateKey keyFor(const std::string& seed) { return privateKeyFromBytes(view(keccak256(std::string_view(seed)))); }

// A signed legacy EIP-155 call on chain 2468 (gas price 0, 200,000 gas).
inline Bytes signedCall(const PrivateKey& key, std::uint64_t nonce, const Address& to, Bytes data) {
    Transaction tx;
    tx.chainId = 2468;
    tx.nonce = nonce;
    tx.gasLimit = 200'000;
    tx.to = to;
    tx.data = std::move(data);
    signTransaction(tx, key);
    return tx.encode();
}

// recoverAddress on 4,000 distinct signed digests, per second (signing is not timed).
inline double recoveriesPerSecond() {
    constexpr int kCount = 4000;
    const PrivateKey key = generatePrivateKey();
    std::vector<std::pair<Hash256, Signature>> signedDigests;
    for (int i = 0; i < kCount; ++i) {
        const Hash256 d = keccak256(std::string_view(std::to_string(i)));
        signedDigests.emplace_back(d, sign(d, key));
    }
    const auto t0 = std::chrono::steady_clock::now();
    int ok = 0;
    for (const auto& [d, s] : signedDigests) ok += recoverAddress(d, s).has_value();
    const double rate = kCount / secondsSince(t0);
    if (ok != kCount) std::printf("warning: %d recoveries failed\n", kCount - ok);
    return rate;
}

// The baseline: best of three, so a load spike during one run does not inflate every ratio.
inline double recoveryBaseline() {
    double best = 0;
    for (int i = 0; i < 3; ++i) best = std::max(best, recoveriesPerSecond());
    return best;
}

}  // namespace swarmergy::ledger::bench
