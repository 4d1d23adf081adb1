#include "engine/market/SavingsSharing.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <stdexcept>
#include <string>

namespace swarmergy::market {

namespace {

double tariffCost(double netKw, double importPrice, double exportPrice) {
    return netKw < 0 ? -netKw * importPrice : -netKw * exportPrice;
}

void validate(const NettingGame& game) {
    const std::size_t steps = game.importPrice.size();
    if (game.exportPrice.size() != steps)
        throw std::invalid_argument("netting game: import and export prices have different lengths");
    for (std::size_t t = 0; t < steps; ++t) {
        if (!std::isfinite(game.importPrice[t]) || !std::isfinite(game.exportPrice[t]))
            throw std::invalid_argument("netting game: price at step " + std::to_string(t) + " is not finite");
        if (game.exportPrice[t] > game.importPrice[t])
            throw std::invalid_argument("netting game: export price above import price at step " + std::to_string(t));
    }
    for (std::size_t i = 0; i < game.netKw.size(); ++i) {
        if (game.netKw[i].size() != steps)
            throw std::invalid_argument("netting game: alvéole " + std::to_string(i) + " has " +
                                        std::to_string(game.netKw[i].size()) + " steps, expected " +
                                        std::to_string(steps));
        for (double v : game.netKw[i]) {
            if (!std::isfinite(v))
                throw std::invalid_argument("netting game: alvéole " + std::to_string(i) + " has a non-finite net value");
        }
    }
}

// Savings of the coalition whose summed profile is `sum`, given the sum of its members' alone costs.
double savings(const NettingGame& game, const std::vector<double>& sum, double aloneSum) {
    double cost = 0;
    for (std::size_t t = 0; t < sum.size(); ++t)
        cost += tariffCost(sum[t], game.importPrice[t], game.exportPrice[t]);
    return aloneSum - cost * game.stepHours;
}

// Adds alvéole i to the running coalition and returns its marginal savings.
double addMember(const NettingGame& game, std::size_t i, std::vector<double>& sum, double aloneCost) {
    double marginalCost = 0;
    for (std::size_t t = 0; t < sum.size(); ++t) {
        const double before = tariffCost(sum[t], game.importPrice[t], game.exportPrice[t]);
        sum[t] += game.netKw[i][t];
        marginalCost += tariffCost(sum[t], game.importPrice[t], game.exportPrice[t]) - before;
    }
    return aloneCost - marginalCost * game.stepHours;
}

SavingsShares exactShapley(const NettingGame& game) {
    const std::size_t n = game.netKw.size();
    const std::size_t steps = game.importPrice.size();
    std::vector<double> alone(n);
    for (std::size_t i = 0; i < n; ++i)
        alone[i] = game.aloneCostCu(i);
    // v(S) for every subset S (bit mask), then φ_i = Σ_{S∌i} |S|!(n-|S|-1)!/n! (v(S∪i) - v(S)).
    std::vector<double> value(std::size_t(1) << n, 0.0);
    std::vector<double> sum(steps);
    for (std::size_t mask = 1; mask < value.size(); ++mask) {
        std::fill(sum.begin(), sum.end(), 0.0);
        double aloneSum = 0;
        for (std::size_t i = 0; i < n; ++i) {
            if (!(mask >> i & 1))
                continue;
            aloneSum += alone[i];
            for (std::size_t t = 0; t < steps; ++t)
                sum[t] += game.netKw[i][t];
        }
        value[mask] = savings(game, sum, aloneSum);
    }
    std::vector<double> weight(n);   // weight[k] = k!(n-k-1)!/n!
    for (std::size_t k = 0; k < n; ++k)
        weight[k] = std::exp(std::lgamma(k + 1.0) + std::lgamma(double(n - k)) - std::lgamma(n + 1.0));
    SavingsShares result;
    result.sharesCu.assign(n, 0.0);
    for (std::size_t mask = 0; mask < value.size(); ++mask) {
        const auto size = std::size_t(__builtin_popcountll(mask));
        for (std::size_t i = 0; i < n; ++i) {
            if (mask >> i & 1)
                continue;
            result.sharesCu[i] += weight[size] * (value[mask | (std::size_t(1) << i)] - value[mask]);
        }
    }
    result.totalSavingsCu = value.back();
    result.exact = true;
    return result;
}

SavingsShares sampledShapley(const NettingGame& game, const SharingOptions& options) {
    const std::size_t n = game.netKw.size();
    std::vector<double> alone(n);
    for (std::size_t i = 0; i < n; ++i)
        alone[i] = game.aloneCostCu(i);
    std::mt19937_64 random(options.seed);
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::vector<double> sum(game.importPrice.size());
    SavingsShares result;
    result.sharesCu.assign(n, 0.0);
    const std::size_t pairs = std::max<std::size_t>(1, options.permutations / 2);
    for (std::size_t p = 0; p < pairs; ++p) {
        std::shuffle(order.begin(), order.end(), random);
        // Antithetic pair: the permutation and its reverse, which halves the variance for
        // alvéoles whose marginal depends on how early they join.
        for (int pass = 0; pass < 2; ++pass) {
            std::fill(sum.begin(), sum.end(), 0.0);
            for (std::size_t k = 0; k < n; ++k) {
                const std::size_t i = pass == 0 ? order[k] : order[n - 1 - k];
                result.sharesCu[i] += addMember(game, i, sum, alone[i]);
            }
        }
    }
    result.permutationsUsed = pairs * 2;
    for (double& share : result.sharesCu)
        share /= double(result.permutationsUsed);
    result.totalSavingsCu = game.totalSavingsCu();
    return result;
}

}  // namespace

double NettingGame::aloneCostCu(std::size_t alveole) const {
    double cost = 0;
    for (std::size_t t = 0; t < importPrice.size(); ++t)
        cost += tariffCost(netKw[alveole][t], importPrice[t], exportPrice[t]);
    return cost * stepHours;
}

double NettingGame::coalitionCostCu(const std::vector<std::size_t>& members) const {
    double cost = 0;
    for (std::size_t t = 0; t < importPrice.size(); ++t) {
        double sum = 0;
        for (std::size_t i : members)
            sum += netKw[i][t];
        cost += tariffCost(sum, importPrice[t], exportPrice[t]);
    }
    return cost * stepHours;
}

double NettingGame::totalSavingsCu() const {
    std::vector<std::size_t> everyone(netKw.size());
    std::iota(everyone.begin(), everyone.end(), 0);
    double alone = 0;
    for (std::size_t i : everyone)
        alone += aloneCostCu(i);
    return alone - coalitionCostCu(everyone);
}

SavingsShares shapleySavings(const NettingGame& game, const SharingOptions& options) {
    validate(game);
    if (game.netKw.empty())
        return {};
    if (game.netKw.size() <= std::min<std::size_t>(options.exactUpTo, 20))
        return exactShapley(game);
    return sampledShapley(game, options);
}

}  // namespace swarmergy::market
