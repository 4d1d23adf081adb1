#include "engine/market/IntervalSettlement.h"

#include <cmath>
#include <map>
#include <stdexcept>

namespace swarmergy::market {

double gateTradedPrice(double importKw, double exportKw, StepTariff tariff) {
    constexpr double kIdleKw = 1e-6;
    if (importKw > kIdleKw && importKw >= exportKw)
        return tariff.importPrice;
    if (exportKw > kIdleKw)
        return tariff.exportPrice;
    return 0.5 * (tariff.importPrice + tariff.exportPrice);
}

namespace {

void checkStep(const MarketBook& book, std::span<const double> netKw, std::span<const double> ruchePrice,
               StepTariff tariff) {
    if (book.rucheOf.size() != book.alveoleIds.size())
        throw std::invalid_argument("settleStep: the book has " + std::to_string(book.alveoleIds.size()) +
                                    " alvéoles but " + std::to_string(book.rucheOf.size()) + " ruche indices");
    if (netKw.size() != book.alveoleIds.size())
        throw std::invalid_argument("settleStep: " + std::to_string(netKw.size()) + " exchanges for " +
                                    std::to_string(book.alveoleIds.size()) + " alvéoles");
    if (ruchePrice.size() != book.rucheIds.size())
        throw std::invalid_argument("settleStep: " + std::to_string(ruchePrice.size()) + " prices for " +
                                    std::to_string(book.rucheIds.size()) + " ruches");
    if (!std::isfinite(tariff.importPrice) || !std::isfinite(tariff.exportPrice) || tariff.exportPrice > tariff.importPrice)
        throw std::invalid_argument("settleStep: the tariff band is not finite or its export price exceeds its import price");
    for (std::size_t r = 0; r < ruchePrice.size(); ++r) {
        if (!std::isfinite(ruchePrice[r]))
            throw std::invalid_argument("settleStep: the price of ruche " + book.rucheIds[r] + " is not a finite number");
    }
    for (std::size_t i = 0; i < netKw.size(); ++i) {
        if (!std::isfinite(netKw[i]))
            throw std::invalid_argument("settleStep: the exchange of alvéole " + book.alveoleIds[i] + " is not a finite number");
        if (book.rucheOf[i] < 0 || std::size_t(book.rucheOf[i]) >= book.rucheIds.size())
            throw std::invalid_argument("settleStep: alvéole " + book.alveoleIds[i] + " names no ruche of the book");
    }
}

}  // namespace

std::vector<SettlementRecord> settleStep(const MarketBook& book, std::span<const double> netKw,
                                         std::span<const double> ruchePrice, StepTariff tariff,
                                         double stepHours, std::int64_t stepStartUtc) {
    checkStep(book, netKw, ruchePrice, tariff);
    std::vector<SettlementRecord> records;
    for (std::size_t i = 0; i < netKw.size(); ++i) {
        const double energyKwh = netKw[i] * stepHours;
        if (std::abs(energyKwh) <= 1e-9)
            continue;
        const int r = book.rucheOf[i];
        const double price = clampToTariff(ruchePrice[r], tariff.exportPrice, tariff.importPrice);
        records.push_back({book.alveoleIds[i], book.rucheIds[r], stepStartUtc, energyKwh, price, energyKwh * price});
    }
    return records;
}

std::vector<LedgerEntry> ledgerEntries(const std::vector<SettlementRecord>& records, const std::string& rucheId,
                                       const std::string& clearingId) {
    // Per alvéole, in first-seen order: summed energy (kWh) and amount, kept exact in integers
    // step by step (Wh rounded per step, price rounded to the µNRG).
    std::map<std::string, std::size_t> index;
    std::vector<LedgerEntry> entries;
    for (const auto& record : records) {
        if (record.rucheId != rucheId)
            continue;
        const std::int64_t wh = std::llround(record.energyKwh * 1000.0);
        const std::int64_t priceMicro = std::llround(record.priceCuPerKwh * 1e6);
        if (priceMicro < 0)
            throw std::invalid_argument("ledgerEntries: alvéole " + record.alveoleId + " has a negative price");
        auto [it, fresh] = index.emplace(record.alveoleId, entries.size());
        if (fresh)
            entries.push_back({record.alveoleId, 0, 0, 0});
        auto& entry = entries[it->second];
        entry.energyWh += wh;
        entry.amountNano += wh * priceMicro;
    }
    std::erase_if(entries, [](const LedgerEntry& e) { return e.energyWh == 0 && e.amountNano == 0; });
    LedgerEntry clearing{clearingId, 0, 0, 0};
    for (auto& entry : entries) {
        // The interval's average price, for the record (the contract does not recompute it).
        entry.priceMicroPerKwh = entry.energyWh == 0 ? 0 : std::llround(double(entry.amountNano) / double(entry.energyWh));
        clearing.energyWh -= entry.energyWh;
        clearing.amountNano -= entry.amountNano;
    }
    if (entries.empty())
        return entries;
    clearing.priceMicroPerKwh =
        clearing.energyWh == 0 ? 0 : std::llround(std::abs(double(clearing.amountNano) / double(clearing.energyWh)));
    entries.push_back(clearing);
    return entries;
}

}  // namespace swarmergy::market
