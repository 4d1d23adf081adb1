#pragma once
// Registers a provisioned hub's address on the ledger, so that the ledger accepts the readings
// the hub signs. The wizard's last step calls it; the app provides the implementation over
// the ledger node (being built in ledger/). Plain C++ so a test can hand in a fake.
//
// Called on the GUI thread; the embedded ledger answers at once (submitting a registration
// transaction, not waiting for it to be sealed), so the call is synchronous.

#include <string>

namespace swarmergy::app {

struct HubRegistration {
    bool ok = false;
    std::string error;  // empty on success; otherwise what went wrong and what to do next
};

class HubRegistrar {
public:
    virtual ~HubRegistrar() = default;
    // address: EIP-55 "0x..."; alveole and ruche: the domain ids ("r02-a0017", "r02").
    virtual HubRegistration registerHub(const std::string& address, const std::string& alveole,
                                        const std::string& ruche) = 0;
};

}  // namespace swarmergy::app
