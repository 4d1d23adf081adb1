#pragma once
// Fair sharing of a ruche's savings against "everyone alone with the grid" (DOMAIN.md): the
// Shapley value of the netting game. Given each alvéole's dispatched net profile n_i[t] (kW,
// > 0 export), a group S alone behind one meter would pay
//     C(S) = Σ_t Δ · f_t(Σ_{i∈S} n_i[t]),  f_t(x) = import_t · max(0, -x) - export_t · max(0, x)
// and its savings are v(S) = Σ_{i∈S} C({i}) - C(S). Because import >= export, f_t is convex and
// positively homogeneous, so v is non-negative and grows with S. The Shapley value is exact by
// enumeration of subsets for small ruches and sampled over random permutations (antithetic
// pairs) for large ones; every sampled permutation hands out exactly v(N), so the shares always
// add up to the ruche's total savings.
//
// What the game leaves out, on purpose: batteries are not re-dispatched per coalition (that
// would take one LP per coalition). The schedule already is the community's optimum; the game
// asks who brings how much to its netting.

#include <cstdint>
#include <vector>

namespace swarmergy::market {

struct NettingGame {
    double stepHours = 0.25;
    std::vector<double> importPrice;             // cu/kWh per step
    std::vector<double> exportPrice;             // cu/kWh per step
    std::vector<std::vector<double>> netKw;      // [alvéole][step], > 0 export

    double aloneCostCu(std::size_t alveole) const;
    double coalitionCostCu(const std::vector<std::size_t>& members) const;
    double totalSavingsCu() const;               // v(N)
};

struct SharingOptions {
    std::size_t exactUpTo = 12;         // enumerate subsets up to this many alvéoles
    std::size_t permutations = 400;     // sampled permutations beyond (in antithetic pairs)
    std::uint64_t seed = 1;
};

struct SavingsShares {
    std::vector<double> sharesCu;   // per alvéole, sums to totalSavingsCu
    double totalSavingsCu = 0;
    bool exact = false;
    std::size_t permutationsUsed = 0;
};

// Throws std::invalid_argument on series of unequal lengths or non-finite values, or when an
// export price exceeds the import price (the game would not be well defined).
SavingsShares shapleySavings(const NettingGame& game, const SharingOptions& options = {});

}  // namespace swarmergy::market
