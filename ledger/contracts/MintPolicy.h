#pragma once
// How many NRG (in wei, 18 decimals) a verified green-energy injection mints.
// NRGcoin (Mihaylov, Jurado, Avellana, Van Moffaert, Magrans de Abril, Nowé, "NRGcoin: Virtual
// currency for trading of renewable energy in smart grids", EEM 2014): tokens are minted for
// green energy fed into the grid, 1 NRG per kWh, at a rate that may decline over time.
// A policy is part of consensus: every node of a chain must use the same one.
#include "ledger/crypto/U256.h"

#include <memory>

namespace swarmergy::ledger {

inline constexpr std::uint64_t kWeiPerNrg = 1'000'000'000'000'000'000ULL;

class MintPolicy {
public:
    virtual ~MintPolicy() = default;
    // Tokens (wei) for `exportedWh` watt-hours injected during the interval starting at
    // `intervalStartUnix`. Must be deterministic and must not overflow for any uint64 input.
    virtual U256 mintAmount(std::uint64_t exportedWh, std::uint64_t intervalStartUnix) const = 0;
    virtual std::string describe() const = 0;
};

// A fixed rate: default 1 NRG per kWh (1e15 wei per Wh).
class FlatMintPolicy : public MintPolicy {
public:
    explicit FlatMintPolicy(U256 weiPerKwh = U256(kWeiPerNrg)) : weiPerKwh_(weiPerKwh) {}
    U256 mintAmount(std::uint64_t exportedWh, std::uint64_t intervalStartUnix) const override;
    std::string describe() const override;

private:
    U256 weiPerKwh_;
};

// A rate that declines by `declinePermillePerYear` per whole year (365 days) since
// `startUnix`, compounded, never below `floorWeiPerKwh` (counted up to 1,000 years).
class DecliningMintPolicy : public MintPolicy {
public:
    DecliningMintPolicy(U256 initialWeiPerKwh, std::uint64_t startUnix, std::uint32_t declinePermillePerYear,
                        U256 floorWeiPerKwh);
    U256 rateWeiPerKwh(std::uint64_t unixTime) const;
    U256 mintAmount(std::uint64_t exportedWh, std::uint64_t intervalStartUnix) const override;
    std::string describe() const override;

private:
    U256 initial_;
    std::uint64_t start_;
    std::uint32_t declinePermille_;
    U256 floor_;
};

// exportedWh * weiPerKwh / 1000, rounded down (U256 cannot overflow: 2^64 * 2^192 at most
// for any sane rate; an absurd rate saturates to the maximum).
U256 energyValueWei(std::uint64_t energyWh, const U256& weiPerKwh);

}  // namespace swarmergy::ledger
