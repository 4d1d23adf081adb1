#include "ledger/contracts/MintPolicy.h"

#include <algorithm>
#include <stdexcept>

namespace swarmergy::ledger {

U256 energyValueWei(std::uint64_t energyWh, const U256& weiPerKwh) {
    const auto product = checkedMul(U256(energyWh), weiPerKwh);
    std::uint64_t remainder = 0;
    return product ? product->divSmall(1000, remainder) : U256::max();
}

U256 FlatMintPolicy::mintAmount(std::uint64_t exportedWh, std::uint64_t) const { return energyValueWei(exportedWh, weiPerKwh_); }

std::string FlatMintPolicy::describe() const { return "flat " + weiPerKwh_.toDecimal() + " wei per kWh"; }

DecliningMintPolicy::DecliningMintPolicy(U256 initialWeiPerKwh, std::uint64_t startUnix, std::uint32_t declinePermillePerYear,
                                         U256 floorWeiPerKwh)
    : initial_(initialWeiPerKwh), start_(startUnix), declinePermille_(declinePermillePerYear), floor_(floorWeiPerKwh) {
    if (declinePermillePerYear > 1000) throw std::invalid_argument("mint policy: decline above 1000 permille per year");
}

U256 DecliningMintPolicy::rateWeiPerKwh(std::uint64_t unixTime) const {
    constexpr std::uint64_t kYearSeconds = 365ULL * 24 * 3600;
    // Capped at 1,000 steps so a far-future timestamp cannot make the loop long.
    const std::uint64_t years = std::min<std::uint64_t>(unixTime > start_ ? (unixTime - start_) / kYearSeconds : 0, 1000);
    U256 rate = initial_;
    for (std::uint64_t y = 0; y < years && rate > floor_; ++y) {
        std::uint64_t remainder = 0;
        const auto scaled = checkedMul(rate, U256(1000 - declinePermille_));
        rate = scaled ? scaled->divSmall(1000, remainder) : rate;
    }
    return rate < floor_ ? floor_ : rate;
}

U256 DecliningMintPolicy::mintAmount(std::uint64_t exportedWh, std::uint64_t intervalStartUnix) const {
    return energyValueWei(exportedWh, rateWeiPerKwh(intervalStartUnix));
}

std::string DecliningMintPolicy::describe() const {
    return "declining from " + initial_.toDecimal() + " wei per kWh by " + std::to_string(declinePermille_) +
           " permille a year, floor " + floor_.toDecimal();
}

}  // namespace swarmergy::ledger
