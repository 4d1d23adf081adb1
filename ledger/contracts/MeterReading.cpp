#include "ledger/contracts/MeterReading.h"

#include "ledger/contracts/Abi.h"
#include "ledger/crypto/Keccak.h"

namespace swarmergy::ledger {

Hash256 readingDomainTag() { return keccak256(std::string_view("Swarmergy.MeterReading.v1")); }

Bytes readingMessage(const MeterReading& r, std::uint64_t chainId, const Address& nrgToken) {
    return AbiWriter()
        .bytes32(readingDomainTag())
        .uint(U256(chainId))
        .address(nrgToken)
        .address(r.hub)
        .uint(U256(r.intervalStartUnix))
        .uint(U256(r.exportedWh))
        .uint(U256(r.importedWh))
        .finish();
}

Hash256 readingDigest(const MeterReading& r, std::uint64_t chainId, const Address& nrgToken) {
    return keccak256(view(readingMessage(r, chainId, nrgToken)));
}

Signature signReading(const MeterReading& r, std::uint64_t chainId, const Address& nrgToken, const PrivateKey& hubKey) {
    return sign(readingDigest(r, chainId, nrgToken), hubKey);
}

}  // namespace swarmergy::ledger
