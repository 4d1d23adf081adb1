// Shapley sharing of a ruche's netting savings: a hand-computed two-home case, the axioms
// (efficiency, symmetry, null player), and the sampled estimate against exact enumeration.
#include "engine/market/SavingsSharing.h"
#include "tests/support/Check.h"

#include <numeric>
#include <random>
#include <stdexcept>

using namespace swarmergy::market;

static NettingGame oneStep(std::vector<double> nets) {
    NettingGame game;
    game.stepHours = 1.0;
    game.importPrice = {0.30};
    game.exportPrice = {0.10};
    for (double n : nets)
        game.netKw.push_back({n});
    return game;
}

static NettingGame randomGame(std::size_t homes, std::uint64_t seed) {
    std::mt19937_64 random(seed);
    std::normal_distribution<double> net(0.0, 1.5);
    NettingGame game;
    for (int t = 0; t < 24; ++t) {
        game.importPrice.push_back(t >= 17 && t < 21 ? 0.34 : 0.26);
        game.exportPrice.push_back(0.08);
    }
    game.netKw.assign(homes, std::vector<double>(24));
    for (auto& profile : game.netKw)
        for (double& v : profile)
            v = net(random);
    return game;
}

static double sum(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

int main() {
    // A exports 1 kW for an hour, B imports 1 kW: alone they pay -0.10 and 0.30 cu, together 0.
    // Savings 0.20 cu; a two-player game is shared equally.
    {
        const auto shares = shapleySavings(oneStep({1.0, -1.0}));
        CHECK(shares.exact);
        CHECK_NEAR(shares.totalSavingsCu, 0.20, 1e-12);
        CHECK_NEAR(shares.sharesCu[0], 0.10, 1e-12);
        CHECK_NEAR(shares.sharesCu[1], 0.10, 1e-12);
    }
    // Two importers save nothing together.
    {
        const auto shares = shapleySavings(oneStep({-1.0, -2.0}));
        CHECK_NEAR(shares.totalSavingsCu, 0.0, 1e-12);
        CHECK_NEAR(shares.sharesCu[0], 0.0, 1e-12);
    }
    // Efficiency, symmetry and null player on a random ruche of 9 homes.
    {
        auto game = randomGame(9, 3);
        game.netKw[4] = game.netKw[2];                       // 2 and 4 are twins
        game.netKw[7].assign(24, 0.0);                        // 7 never exchanges
        const auto shares = shapleySavings(game);
        CHECK(shares.exact);
        CHECK(shares.totalSavingsCu > 0.1);
        CHECK_NEAR(sum(shares.sharesCu), shares.totalSavingsCu, 1e-9);
        CHECK_NEAR(shares.sharesCu[2], shares.sharesCu[4], 1e-9);
        CHECK_NEAR(shares.sharesCu[7], 0.0, 1e-12);
        for (double s : shares.sharesCu)
            CHECK(s >= -1e-12);   // netting never hurts anyone: marginals are >= 0
    }
    // Sampling: the shares add up exactly and stay close to the exact values.
    {
        const auto game = randomGame(10, 11);
        const auto exact = shapleySavings(game);
        SharingOptions sampling;
        sampling.exactUpTo = 0;
        sampling.permutations = 4000;
        const auto sampled = shapleySavings(game, sampling);
        CHECK(!sampled.exact);
        CHECK(sampled.permutationsUsed == 4000);
        CHECK_NEAR(sum(sampled.sharesCu), exact.totalSavingsCu, 1e-9);
        for (std::size_t i = 0; i < exact.sharesCu.size(); ++i)
            CHECK_NEAR(sampled.sharesCu[i], exact.sharesCu[i], 0.02 * exact.totalSavingsCu);
        // Same seed, same answer.
        const auto again = shapleySavings(game, sampling);
        CHECK(again.sharesCu == sampled.sharesCu);
    }
    // A large ruche is sampled and still efficient.
    {
        const auto game = randomGame(500, 5);
        const auto shares = shapleySavings(game);
        CHECK(!shares.exact);
        CHECK_NEAR(sum(shares.sharesCu), shares.totalSavingsCu, 1e-6);
    }
    // Bad input is refused with a reason.
    {
        auto game = oneStep({1.0});
        game.exportPrice = {0.5};
        CHECK_THROWS(shapleySavings(game));
        auto ragged = randomGame(3, 1);
        ragged.netKw[1].pop_back();
        CHECK_THROWS(shapleySavings(ragged));
        auto nan = randomGame(3, 1);
        nan.netKw[0][3] = std::nan("");
        CHECK_THROWS(shapleySavings(nan));
    }
    return testResult("tst_market_shapley");
}
