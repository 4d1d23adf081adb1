// historyFromTelemetry: a ruche's history read back from the telemetry store equals what the
// simulator produced, gaps are filled from the day before and counted, bad input is refused.
#include "tests/support/Check.h"

#include <filesystem>

#include "engine/forecast/RucheForecaster.h"
#include "engine/forecast/TelemetryHistory.h"
#include "engine/simulation/Simulator.h"

using namespace swarmergy;
using namespace swarmergy::forecast;

int main()
{
    simulation::FleetOptions options;
    options.alveoles = 24;
    options.ruches = 1;
    options.seed = 9;
    const simulation::Fleet fleet = simulation::generateFleet(options);
    constexpr int kSteps = 9 * 96, kGapFrom = 500, kGapSteps = 3;
    const RucheHistory simulated = simulateHistory(fleet, kSteps).front();

    const auto path = std::filesystem::temp_directory_path() / "swarmergy-forecast-telemetry.sqlite";
    std::filesystem::remove(path);
    {
        auto store = telemetry::TelemetryStore::open(path.string());
        std::vector<telemetry::MeterInfo> meters;
        for (const auto& a : fleet.topology.ruches[0].alveoles)
            meters.push_back({a.id, telemetry::MeterKind::Alveole, fleet.topology.ruches[0].id});
        store->registerMeters(meters);
        simulation::Simulator simulator(fleet);
        std::vector<telemetry::Reading> readings(meters.size());
        for (int s = 0; s < kSteps; ++s) {
            const std::int64_t start = simulator.timeUtc();
            simulator.step();
            if (s >= kGapFrom && s < kGapFrom + kGapSteps) continue;   // the hub link was down
            for (std::size_t i = 0; i < meters.size(); ++i) {
                const auto& row = simulator.alveoles()[i];
                readings[i] = {meters[i].id, {row.loadKw * 0.25, 0, 0, row.pvAvailableKw * 0.25, 0, 0, 0}};
            }
            store->appendStep(start, 15, readings, {0.2, 0.08});
        }
        TelemetryGaps gaps;
        const RucheHistory h = historyFromTelemetry(*store, fleet, 0, simulated.startUtc,
                                                    simulated.stepStartUtc(kSteps), &gaps);
        CHECK(h.steps() == kSteps);
        CHECK(gaps.missingSteps == kGapSteps);
        CHECK(h.clearSkyPvKw == simulated.clearSkyPvKw);
        double worst = 0;
        for (int s = 0; s < kSteps; ++s) {
            const bool gap = s >= kGapFrom && s < kGapFrom + kGapSteps;
            const double expected = gap ? simulated.loadKw[s - 96] : simulated.loadKw[s];
            worst = std::max(worst, std::fabs(h.loadKw[s] - expected) / std::max(1.0, expected));
            if (!gap) worst = std::max(worst, std::fabs(h.pvKw[s] - simulated.pvKw[s]) / std::max(1.0, simulated.pvKw[s]));
            CHECK(h.ghiWm2[s] >= 0 && h.ghiWm2[s] <= h.clearSkyGhiWm2[s] + 1e-9);
        }
        CHECK(worst < 1e-9);
        // Usable for forecasting right away (untrained: the baseline, with its warning).
        const RucheForecast f = RucheForecaster(h.rucheId).forecast(h, kSteps);
        CHECK(f.load.fromBaseline && f.load.values.p50.size() == 96);

        bool refused = false;
        try {
            historyFromTelemetry(*store, fleet, 3, simulated.startUtc, simulated.stepStartUtc(10));
        } catch (const std::invalid_argument&) {
            refused = true;
        }
        CHECK(refused);
        refused = false;
        try {
            historyFromTelemetry(*store, fleet, 0, simulated.startUtc + 60, simulated.stepStartUtc(10));
        } catch (const std::invalid_argument&) {
            refused = true;
        }
        CHECK(refused);
    }
    std::filesystem::remove(path);
    std::filesystem::remove(path.string() + "-wal");
    std::filesystem::remove(path.string() + "-shm");
    return testResult("tst_telemetry_history");
}
