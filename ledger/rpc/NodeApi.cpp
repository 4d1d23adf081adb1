#include "ledger/rpc/NodeApi.h"

#include "ledger/rpc/RpcJson.h"

namespace swarmergy::ledger::rpc {

Bytes nativeContractCode() { return Bytes{0xfe}; }

namespace {
[[noreturn]] void noClique(const char* method) {
    throw RpcError(code::kMethodNotFound, std::string("the method ") + method + " does not exist/is not available");
}
}  // namespace

std::optional<std::vector<Address>> NodeApi::cliqueSigners(std::uint64_t) const { noClique("clique_getSigners"); }
std::map<Address, bool> NodeApi::cliqueProposals() const { noClique("clique_proposals"); }
void NodeApi::cliquePropose(const Address&, bool) { noClique("clique_propose"); }
void NodeApi::cliqueDiscard(const Address&) { noClique("clique_discard"); }

Bytes ChainNodeApi::code(const Address& address) const {
    using namespace contracts;
    if (address == kNrgToken || address == kHubRegistry || address == kSettlement) return nativeContractCode();
    return {};
}

}  // namespace swarmergy::ledger::rpc
