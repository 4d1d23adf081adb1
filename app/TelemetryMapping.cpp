#include "app/TelemetryMapping.h"

namespace swarmergy::app {

std::vector<telemetry::MeterInfo> meterInfos(const simulation::Fleet& fleet) {
    std::vector<telemetry::MeterInfo> meters;
    for (const auto& ruche : fleet.topology.ruches) {
        for (const auto& alveole : ruche.alveoles)
            meters.push_back({alveole.id, telemetry::MeterKind::Alveole, ruche.id});
    }
    for (const auto& ruche : fleet.topology.ruches)
        meters.push_back({ruche.id, telemetry::MeterKind::Ruche, ruche.id});
    return meters;
}

void fillReadings(const simulation::Simulator& simulator, std::vector<telemetry::Reading>& rows) {
    const auto& fleet = simulator.fleet();
    const auto alveoles = simulator.alveoles();
    const auto ruches = simulator.ruches();
    if (rows.size() != alveoles.size() + ruches.size()) {
        rows.clear();
        for (const auto& meter : meterInfos(fleet))
            rows.push_back({meter.id, {}});
    }
    const double hours = simulator.stepMinutes() / 60.0;
    for (std::size_t i = 0; i < alveoles.size(); ++i) {
        const auto& a = alveoles[i];
        auto& v = rows[i].values;
        v.loadKwh = (a.loadKw - a.shedKw) * hours;   // energy actually served
        v.importKwh = a.netKw < 0 ? -a.netKw * hours : 0.0;
        v.exportKwh = a.netKw > 0 ? a.netKw * hours : 0.0;
        v.pvKwh = a.pvUsedKw * hours;
        v.batteryChargeKwh = a.chargeKw * hours;
        v.batteryDischargeKwh = a.dischargeKw * hours;
        v.socKwh = a.socKwh;
    }
    for (std::size_t r = 0; r < ruches.size(); ++r) {
        const auto& f = ruches[r].flows;
        auto& v = rows[alveoles.size() + r].values;
        v = {};
        v.importKwh = (f.hiveChargeKw + f.electrolyzerKw + f.linesOutKw) * hours;
        v.exportKwh = (f.hiveDischargeKw + f.fuelCellKw + f.linesInKw) * hours;
        v.batteryChargeKwh = f.hiveChargeKw * hours;
        v.batteryDischargeKwh = f.hiveDischargeKw * hours;
        v.socKwh = ruches[r].stores.hiveSocKwh;
    }
}

}  // namespace swarmergy::app
