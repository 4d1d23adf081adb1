// The telemetry rows of a step: per ruche, the sum of the meters' net exports must equal the
// ruche's net export to the national grid (the bus balance), and alvéole rows carry the
// simulator's values converted to kWh.
#include "app/TelemetryMapping.h"

#include <cmath>
#include <cstdio>
#include <map>

namespace sim = swarmergy::simulation;
namespace app = swarmergy::app;

static int failures = 0;
#define CHECK(cond)                                                              \
    do {                                                                         \
        if (!(cond)) {                                                           \
            std::printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);          \
            ++failures;                                                          \
        }                                                                        \
    } while (0)

int main() {
    sim::FleetOptions options;
    options.alveoles = 60;
    options.ruches = 3;
    options.seed = 7;
    sim::Simulator simulator(sim::generateFleet(options));
    const auto meters = app::meterInfos(simulator.fleet());
    CHECK(meters.size() == 63);
    std::vector<swarmergy::telemetry::Reading> rows;
    const double hours = simulator.stepMinutes() / 60.0;
    int stepsWithGridFlow = 0;
    for (int step = 0; step < 96 * 2; ++step) {
        if (step == 100)
            simulator.setGridConnected(false);
        simulator.step();
        app::fillReadings(simulator, rows);
        CHECK(rows.size() == meters.size());
        std::map<std::string, double> netExportKwh;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            CHECK(rows[i].meterId == meters[i].id);
            netExportKwh[meters[i].rucheId] += rows[i].values.exportKwh - rows[i].values.importKwh;
        }
        const auto ruches = simulator.ruches();
        for (std::size_t r = 0; r < ruches.size(); ++r) {
            const auto& flows = ruches[r].flows;
            const double gridExportKwh = (flows.exportKw - flows.importKw) * hours;
            const double got = netExportKwh[simulator.fleet().topology.ruches[r].id];
            CHECK(std::abs(got - gridExportKwh) <= 1e-9 * std::max(1.0, std::abs(gridExportKwh)));
            if (std::abs(gridExportKwh) > 1e-6)
                ++stepsWithGridFlow;
        }
        const auto alveoles = simulator.alveoles();
        CHECK(std::abs(rows[5].values.pvKwh - alveoles[5].pvUsedKw * hours) < 1e-12);
        CHECK(std::abs(rows[5].values.socKwh - alveoles[5].socKwh) < 1e-12);
    }
    CHECK(stepsWithGridFlow > 100);   // the check above was not vacuous
    std::printf("%s\n", failures ? "tst_telemetrymapping: FAILED" : "tst_telemetrymapping: all passed");
    return failures ? 1 : 0;
}
