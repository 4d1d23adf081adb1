#include "ledger/rpc/AuthorityNodeApi.h"

#include "ledger/rpc/RpcJson.h"

namespace swarmergy::ledger::rpc {

std::optional<std::vector<Address>> AuthorityNodeApi::cliqueSigners(std::uint64_t number) const {
    try {
        return node_.signersAt(number);
    } catch (const consensus::ConsensusError& e) {
        throw RpcError(code::kServerError, std::string("signers not available: ") + e.what());
    }
}

void AuthorityNodeApi::requireAuthority(const char* method) const {
    if (node_.canVote()) return;
    throw RpcError(code::kServerError, std::string(method) + ": this node (" + toChecksumAddress(node_.address()) +
                                           ") is not an authority: it does not seal as a current Clique signer, so it has no vote");
}

void AuthorityNodeApi::cliquePropose(const Address& candidate, bool authorize) {
    requireAuthority("clique_propose");
    node_.propose(candidate, authorize);
}

void AuthorityNodeApi::cliqueDiscard(const Address& candidate) {
    requireAuthority("clique_discard");
    node_.discard(candidate);
}

}  // namespace swarmergy::ledger::rpc
