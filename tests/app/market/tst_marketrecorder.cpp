// The live market on the simulation thread: each step settled at the plan's price or the gate
// tariff, intervals handed on, the 24-hour window and the Shapley shares of the savings.
#include "app/MarketRecorder.h"

#include "engine/simulation/Simulator.h"
#include "tests/support/Check.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <vector>

using namespace swarmergy;

static simulation::Fleet smallFleet() {
    simulation::FleetOptions options;
    options.alveoles = 24;
    options.ruches = 2;
    options.seed = 7;
    options.start = "2026-06-21T08:00:00Z";   // a sunny morning: some homes export, some import
    return simulation::generateFleet(options);
}

int main() {
    simulation::Simulator simulator(smallFleet());
    app::MarketRecorder recorder(simulator.fleet(), 60);
    CHECK(recorder.book().alveoleIds.size() == 24 && recorder.book().rucheIds.size() == 2);

    std::map<std::string, double> soldKwh, boughtKwh;
    int intervals = 0;
    for (int step = 0; step < 8; ++step) {
        simulator.step();
        // Ruche 0 follows a plan price above the import tariff (clamped); ruche 1 has none.
        const std::vector<std::optional<double>> planPrice{9.0, std::nullopt};
        const auto interval = recorder.recordStep(simulator, planPrice);
        CHECK(interval.has_value());   // 15-minute steps: every step closes an interval
        if (!interval)
            continue;
        ++intervals;
        CHECK(interval->startUtc == simulator.lastStepStartUtc());
        const auto alveoles = simulator.alveoles();
        std::size_t exchanging = 0;
        for (const auto& a : alveoles)
            exchanging += std::abs(a.netKw * 0.25) > 1e-9 ? 1 : 0;
        CHECK(interval->records.size() == exchanging);
        for (const auto& record : interval->records) {
            const auto& book = recorder.book();
            const auto i = std::size_t(std::find(book.alveoleIds.begin(), book.alveoleIds.end(), record.alveoleId) -
                                       book.alveoleIds.begin());
            CHECK(i < alveoles.size());
            CHECK_NEAR(record.energyKwh, alveoles[i].netKw * 0.25, 1e-12);
            CHECK_NEAR(record.amountCu, record.energyKwh * record.priceCuPerKwh, 1e-12);
            if (record.rucheId == book.rucheIds[0])
                CHECK_NEAR(record.priceCuPerKwh, simulator.importPriceNow(), 1e-12);   // 9.0 clamped
            CHECK(record.priceCuPerKwh >= simulator.exportPriceNow() - 1e-12 &&
                  record.priceCuPerKwh <= simulator.importPriceNow() + 1e-12);
            (record.energyKwh > 0 ? soldKwh : boughtKwh)[record.alveoleId] += std::abs(record.energyKwh);
        }
    }
    CHECK(intervals == 8);

    const auto snapshot = recorder.snapshot({});
    CHECK(snapshot->ruches.size() == 2);
    CHECK(snapshot->ruches[0].lastPriceFromPlan && !snapshot->ruches[1].lastPriceFromPlan);
    double savings = 0;
    for (const auto& ruche : snapshot->ruches) {
        double shares = 0, traded = 0;
        for (const auto& a : ruche.alveoles) {
            CHECK_NEAR(a.soldKwh, soldKwh[a.id], 1e-9);
            CHECK_NEAR(a.boughtKwh, boughtKwh[a.id], 1e-9);
            shares += a.shareCu;
            traded += a.soldKwh;
        }
        CHECK_NEAR(shares, ruche.savingsCu, 1e-9);   // Shapley shares add up to the savings
        CHECK_NEAR(ruche.tradedKwh, traded, 1e-9);
        CHECK(ruche.savingsCu >= -1e-12);            // netting never costs (import >= export)
        savings += ruche.savingsCu;
    }
    CHECK(savings > 0);   // exporters and importers in the same ruche: netting saves something
    CHECK(!snapshot->ledger.attached);
    return testResult("tst_marketrecorder");
}
