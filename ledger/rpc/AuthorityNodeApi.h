#pragma once
// The NodeApi of a networked authority (ledger/authority): queries from its Chain, and
// eth_sendRawTransaction gossips, net_peerCount counts p2p peers, and the clique_* methods
// answer from its Clique engine. Separate target (swarmergy_ledger_rpc_authority) so the
// RPC core still needs only ledger/node.
#include "ledger/authority/AuthorityNode.h"
#include "ledger/rpc/NodeApi.h"

namespace swarmergy::ledger::rpc {

class AuthorityNodeApi : public ChainNodeApi {
public:
    explicit AuthorityNodeApi(authority::AuthorityNode& node) : ChainNodeApi(node.chain()), node_(node) {}

    SubmitResult submitRawTransaction(ByteView raw) override { return node_.submitRawTransaction(raw); }
    std::size_t peerCount() const override { return node_.status().peers.size(); }

    std::optional<std::vector<Address>> cliqueSigners(std::uint64_t number) const override;
    std::map<Address, bool> cliqueProposals() const override { return node_.proposals(); }
    // Refused (-32000) unless this node seals and is a current signer: its votes would never
    // be cast otherwise.
    void cliquePropose(const Address& candidate, bool authorize) override;
    void cliqueDiscard(const Address& candidate) override;

private:
    authority::AuthorityNode& node_;
    void requireAuthority(const char* method) const;
};

}  // namespace swarmergy::ledger::rpc
