#pragma once
// Shared by the storage, node and kill tests: a deterministic test chain (authority keys derived
// from fixed seeds so a child process and the test agree), scratch directories, tx builders.
#include "ledger/node/Chain.h"
#include "ledger/crypto/Keccak.h"

#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

namespace swarmergy::ledger_test {

using namespace swarmergy::ledger;

inline PrivateKey seededKey(std::string_view seed) {
    const Hash256 h = keccak256(seed);
    return privateKeyFromBytes(view(h));
}

inline constexpr std::uint64_t kTestGenesisTime = 1'782'259'200;   // 2026-06-24T00:00:00Z

// Three authorities, four funded users (native coin and NRG).
inline ChainSetup testSetup(const std::string& databasePath) {
    ChainSetup s;
    s.chain.chainId = 2468;
    s.chain.genesisTimestamp = kTestGenesisTime;
    for (int i = 0; i < 3; ++i) s.chain.authorities.push_back(addressOf(seededKey("authority " + std::to_string(i))));
    for (int i = 0; i < 4; ++i) {
        const Address user = addressOf(seededKey("user " + std::to_string(i)));
        s.chain.genesisBalances[user] = U256(1'000'000'000'000'000'000ULL);
        s.contracts.genesisNrg[user] = U256(1'000'000'000'000'000'000ULL);
    }
    s.databasePath = databasePath;
    return s;
}

inline Bytes signedCall(const PrivateKey& key, std::uint64_t nonce, const Address& to, Bytes data, U256 value = U256(0),
                        TxType type = TxType::Legacy, std::uint64_t chainId = 2468, std::uint64_t gas = 200'000) {
    Transaction tx;
    tx.type = type;
    tx.chainId = chainId;
    tx.nonce = nonce;
    tx.gasLimit = gas;
    tx.to = to;
    tx.value = value;
    tx.data = std::move(data);
    signTransaction(tx, key);
    return tx.encode();
}

class ScratchDir {
public:
    explicit ScratchDir(const std::string& name) {
        std::string pattern = (std::filesystem::temp_directory_path() / (name + "-XXXXXX")).string();
        if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    std::string file(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

}  // namespace swarmergy::ledger_test
