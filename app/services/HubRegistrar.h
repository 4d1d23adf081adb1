#pragma once
// Registers a provisioned hub's address on the ledger, so that the ledger accepts the readings
// the hub signs. The wizard's last step calls it; the app provides the implementation over
// the ledger node (being built in ledger/). Plain C++ so a test can hand in a fake.
//
// Called on the GUI thread; the embedded ledger answers at once (submitting a registration
// transaction, not waiting for it to be sealed), so the call is synchronous.

#include <cstdint>
#include <optional>
#include <string>

namespace swarmergy::app {

struct HubRegistration {
    bool ok = false;
    std::string error;  // empty on success; otherwise what went wrong and what to do next
};

// The ledger a hub's readings must be signed for (ledger/contracts/README.md, "Signed reading
// format"): provisioning hands it to the hub (protocol 1.1).
struct LedgerReadingDomain {
    std::uint64_t chainId = 0;
    std::string nrgTokenAddress;   // "0x" + 40 hex digits
};

class HubRegistrar {
public:
    virtual ~HubRegistrar() = default;
    // The domain of the ledger this registrar registers on; nullopt when it cannot say, and
    // the hub is then provisioned for the demo ledger (chain 2468, NRGcoin at 0x…1001).
    virtual std::optional<LedgerReadingDomain> readingDomain() const { return std::nullopt; }
    // address: EIP-55 "0x..."; alveole and ruche: the domain ids ("r02-a0017", "r02").
    virtual HubRegistration registerHub(const std::string& address, const std::string& alveole,
                                        const std::string& ruche) = 0;
};

}  // namespace swarmergy::app
