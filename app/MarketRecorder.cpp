#include "app/MarketRecorder.h"

#include "engine/market/SavingsSharing.h"
#include "engine/simulation/Simulator.h"

#include <algorithm>
#include <cmath>

namespace swarmergy::app {

MarketRecorder::MarketRecorder(const simulation::Fleet& fleet, std::size_t sharingPermutations)
    : permutations_(sharingPermutations) {
    const auto& ruches = fleet.topology.ruches;
    members_.resize(ruches.size());
    for (std::size_t r = 0; r < ruches.size(); ++r) {
        book_.rucheIds.push_back(ruches[r].id);
        for (const auto& alveole : ruches[r].alveoles) {
            members_[r].push_back(book_.alveoleIds.size());
            book_.alveoleIds.push_back(alveole.id);
            book_.rucheOf.push_back(int(r));
        }
    }
    stepHours_ = fleet.options.stepMinutes / 60.0;
    windowSteps_ = std::max(1, 24 * 60 / fleet.options.stepMinutes);
    const std::size_t n = book_.alveoleIds.size();
    netKw_.assign(std::size_t(windowSteps_) * n, 0.0);
    amountCu_.assign(std::size_t(windowSteps_) * n, 0.0);
    importPrice_.assign(std::size_t(windowSteps_), 0.0);
    exportPrice_.assign(std::size_t(windowSteps_), 0.0);
    lastPrice_.assign(ruches.size(), 0.0);
    lastPriceFromPlan_.assign(ruches.size(), false);
    shareCu_.assign(n, 0.0);
    savingsCu_.assign(ruches.size(), 0.0);
    sharesExact_.assign(ruches.size(), false);
    permutationsUsed_.assign(ruches.size(), 0);
}

std::optional<SettledInterval> MarketRecorder::recordStep(const simulation::Simulator& simulator,
                                                          std::span<const std::optional<double>> planPrice) {
    const market::StepTariff tariff{simulator.importPriceNow(), simulator.exportPriceNow()};
    const auto ruches = simulator.ruches();
    std::vector<double> price(book_.rucheIds.size());
    for (std::size_t r = 0; r < price.size(); ++r) {
        const bool fromPlan = r < planPrice.size() && planPrice[r].has_value();
        price[r] = fromPlan ? *planPrice[r]
                            : market::gateTradedPrice(ruches[r].flows.importKw, ruches[r].flows.exportKw, tariff);
        lastPrice_[r] = market::clampToTariff(price[r], tariff.exportPrice, tariff.importPrice);
        lastPriceFromPlan_[r] = fromPlan;
    }
    std::vector<double> netKw(book_.alveoleIds.size());
    const auto alveoles = simulator.alveoles();
    for (std::size_t i = 0; i < netKw.size(); ++i)
        netKw[i] = alveoles[i].netKw;
    const std::int64_t stepStart = simulator.lastStepStartUtc();
    auto records = market::settleStep(book_, netKw, price, tariff, stepHours_, stepStart);
    remember(netKw, tariff);
    refreshShares(nextShareRuche_);
    nextShareRuche_ = (nextShareRuche_ + 1) % std::max<std::size_t>(1, members_.size());

    const std::int64_t intervalStart = stepStart - stepStart % kIntervalSeconds;
    if (!open_ || open_->startUtc != intervalStart)
        open_ = SettledInterval{intervalStart, {}};
    open_->records.insert(open_->records.end(), std::make_move_iterator(records.begin()),
                          std::make_move_iterator(records.end()));
    const std::int64_t stepSeconds = std::int64_t(stepHours_ * 3600.0 + 0.5);
    if ((stepStart + stepSeconds) % kIntervalSeconds != 0)
        return std::nullopt;
    lastIntervalUtc_ = intervalStart;
    recordsLastInterval_ = std::int64_t(open_->records.size());
    auto closed = std::move(*open_);
    open_.reset();
    return closed;
}

// Writes the step into the 24-hour ring: each alvéole's net exchange and what it was paid.
void MarketRecorder::remember(std::span<const double> netKw, market::StepTariff tariff) {
    const std::size_t n = book_.alveoleIds.size();
    const std::size_t base = std::size_t(slot_) * n;
    for (std::size_t i = 0; i < n; ++i) {
        netKw_[base + i] = netKw[i];
        amountCu_[base + i] = netKw[i] * stepHours_ * lastPrice_[std::size_t(book_.rucheOf[i])];
    }
    importPrice_[std::size_t(slot_)] = tariff.importPrice;
    exportPrice_[std::size_t(slot_)] = tariff.exportPrice;
    slot_ = (slot_ + 1) % windowSteps_;
    filled_ = std::min(filled_ + 1, windowSteps_);
}

// The netting game of one ruche over the filled window (DOMAIN.md, fair sharing).
void MarketRecorder::refreshShares(std::size_t ruche) {
    if (ruche >= members_.size() || members_[ruche].empty() || filled_ == 0)
        return;
    const std::size_t n = book_.alveoleIds.size();
    market::NettingGame game;
    game.stepHours = stepHours_;
    for (int k = 0; k < filled_; ++k) {
        game.importPrice.push_back(importPrice_[std::size_t(k)]);
        game.exportPrice.push_back(exportPrice_[std::size_t(k)]);
    }
    for (std::size_t i : members_[ruche]) {
        std::vector<double> series(static_cast<std::size_t>(filled_));
        for (int k = 0; k < filled_; ++k)
            series[std::size_t(k)] = netKw_[std::size_t(k) * n + i];
        game.netKw.push_back(std::move(series));
    }
    market::SharingOptions options;
    options.permutations = permutations_;
    options.seed = 1 + ruche;
    const auto shares = market::shapleySavings(game, options);
    for (std::size_t m = 0; m < members_[ruche].size(); ++m)
        shareCu_[members_[ruche][m]] = shares.sharesCu[m];
    savingsCu_[ruche] = shares.totalSavingsCu;
    sharesExact_[ruche] = shares.exact;
    permutationsUsed_[ruche] = shares.permutationsUsed;
}

model::MarketSnapshotPtr MarketRecorder::snapshot(const model::LedgerFeed& ledger) const {
    auto snap = std::make_shared<model::MarketSnapshot>();
    snap->lastIntervalUtc = lastIntervalUtc_;
    snap->windowHours = std::int64_t(windowSteps_ * stepHours_ + 0.5);
    snap->recordsLastInterval = recordsLastInterval_;
    snap->ledger = ledger;
    const std::size_t n = book_.alveoleIds.size();
    for (std::size_t r = 0; r < members_.size(); ++r) {
        model::RucheMarket row;
        row.id = book_.rucheIds[r];
        row.lastPriceCuPerKwh = lastPrice_[r];
        row.lastPriceFromPlan = lastPriceFromPlan_[r];
        row.savingsCu = savingsCu_[r];
        row.sharesExact = sharesExact_[r];
        row.permutations = permutationsUsed_[r];
        for (std::size_t i : members_[r]) {
            model::AlveoleMarket a;
            a.id = book_.alveoleIds[i];
            for (int k = 0; k < filled_; ++k) {
                const double kwh = netKw_[std::size_t(k) * n + i] * stepHours_;
                (kwh > 0 ? a.soldKwh : a.boughtKwh) += std::abs(kwh);
                a.amountCu += amountCu_[std::size_t(k) * n + i];
            }
            a.shareCu = shareCu_[i];
            row.tradedKwh += a.soldKwh;
            row.alveoles.push_back(std::move(a));
        }
        snap->ruches.push_back(std::move(row));
    }
    return snap;
}

}  // namespace swarmergy::app
