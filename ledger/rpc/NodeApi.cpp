#include "ledger/rpc/NodeApi.h"

namespace swarmergy::ledger::rpc {

Bytes nativeContractCode() { return Bytes{0xfe}; }

Bytes ChainNodeApi::code(const Address& address) const {
    using namespace contracts;
    if (address == kNrgToken || address == kHubRegistry || address == kSettlement) return nativeContractCode();
    return {};
}

}  // namespace swarmergy::ledger::rpc
