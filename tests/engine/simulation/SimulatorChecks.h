#pragma once
// Checks shared by the simulator tests: the ruche balance of Snapshot.h's RucheFlows comment
// and every asset limit, at one step.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "engine/simulation/Simulator.h"

namespace swarmergy::simulation::checks {

constexpr double kTol = 1e-9;

// Balance of Snapshot.h's RucheFlows comment, from per-alvéole values and ruche flows.
// Returns the residual relative to the largest term.
inline double rucheResidual(const Simulator& sim, int r) {
    const RucheStep& rs = sim.ruches()[r];
    const RucheSite& site = sim.fleet().sites[r];
    double pvUsed = 0, dis = 0, ch = 0, load = 0, shed = 0, scale = 1;
    for (int i = site.firstAlveole; i < site.firstAlveole + site.alveoleCount; ++i) {
        const AlveoleStep& a = sim.alveoles()[i];
        pvUsed += a.pvUsedKw;
        dis += a.dischargeKw;
        ch += a.chargeKw;
        load += a.loadKw;
        shed += a.shedKw;
    }
    const model::RucheFlows& f = rs.flows;
    const double terms[] = {pvUsed, dis, ch, load, shed, f.hiveDischargeKw, f.hiveChargeKw,
                            f.fuelCellKw, f.electrolyzerKw, f.importKw, f.exportKw,
                            f.linesInKw, f.linesOutKw};
    for (double t : terms) scale = std::max(scale, std::fabs(t));
    const double residual = pvUsed + dis - ch - (load - shed) + f.hiveDischargeKw -
                            f.hiveChargeKw + f.fuelCellKw - f.electrolyzerKw + f.importKw -
                            f.exportKw + f.linesInKw - f.linesOutKw;
    return std::fabs(residual) / scale;
}

struct LimitViolations {
    int count = 0;
    void check(bool ok, const char* what, std::int64_t step) {
        if (ok) return;
        if (count++ < 10) std::printf("  limit violated at step %lld: %s\n",
                                      static_cast<long long>(step), what);
    }
};

inline void checkLimits(const Simulator& sim, std::int64_t step, LimitViolations& v) {
    const Fleet& fleet = sim.fleet();
    std::size_t i = 0;
    for (std::size_t r = 0; r < fleet.topology.ruches.size(); ++r) {
        const model::Ruche& ruche = fleet.topology.ruches[r];
        for (const model::Alveole& a : ruche.alveoles) {
            const AlveoleStep& s = sim.alveoles()[i++];
            v.check(s.shedKw >= -kTol && s.shedKw <= s.loadKw + kTol, "shed within load", step);
            v.check(s.pvUsedKw >= -kTol && s.pvUsedKw <= s.pvAvailableKw + kTol, "pv used", step);
            v.check(std::fabs(s.netKw) <= a.connectionKw + kTol, "connection limit", step);
            v.check(s.chargeKw * s.dischargeKw == 0, "charge and discharge at once", step);
            if (a.battery) {
                const model::Battery& b = *a.battery;
                v.check(s.chargeKw <= b.chargeKw + kTol && s.dischargeKw <= b.dischargeKw + kTol,
                        "MicroStore power", step);
                v.check(s.socKwh >= b.socMinKwh - kTol && s.socKwh <= b.socMaxKwh + kTol,
                        "MicroStore SoC window", step);
            } else {
                v.check(s.chargeKw == 0 && s.dischargeKw == 0, "no battery, no flow", step);
            }
        }
        const RucheStep& rs = sim.ruches()[r];
        const model::RucheFlows& f = rs.flows;
        if (ruche.hiveStore) {
            const model::Battery& b = *ruche.hiveStore;
            v.check(f.hiveChargeKw <= b.chargeKw + kTol && f.hiveDischargeKw <= b.dischargeKw + kTol,
                    "HiveStore power", step);
            v.check(rs.stores.hiveSocKwh >= b.socMinKwh - kTol &&
                        rs.stores.hiveSocKwh <= b.socMaxKwh + kTol, "HiveStore SoC", step);
            v.check(f.hiveChargeKw * f.hiveDischargeKw == 0, "HiveStore both ways", step);
        }
        if (ruche.seasonStore) {
            const model::SeasonStore& s = *ruche.seasonStore;
            v.check(f.electrolyzerKw <= s.electrolyzerKw + kTol && f.fuelCellKw <= s.fuelCellKw + kTol,
                    "SeasonStore power", step);
            v.check(rs.stores.h2LevelKwh >= -kTol && rs.stores.h2LevelKwh <= s.tankKwh + kTol,
                    "tank level", step);
        } else {
            v.check(f.electrolyzerKw == 0 && f.fuelCellKw == 0, "no SeasonStore, no flow", step);
        }
        const double importLimit = rs.islanded ? 0 : ruche.gate->importLimitKw;
        const double exportLimit = rs.islanded ? 0 : ruche.gate->exportLimitKw;
        v.check(f.importKw >= 0 && f.importKw <= importLimit + kTol, "gate import", step);
        v.check(f.exportKw >= 0 && f.exportKw <= exportLimit + kTol, "gate export", step);
        v.check(f.importKw * f.exportKw == 0, "import and export at once", step);
    }
    for (std::size_t k = 0; k < sim.lines().size(); ++k) {
        const LineStep& l = sim.lines()[k];
        v.check(std::fabs(l.flowKw) <= l.capacityKw + kTol, "line capacity", step);
        v.check(std::fabs(l.lossKw - std::fabs(l.flowKw) * fleet.topology.lines[k].loss) <= kTol,
                "line loss", step);
    }
}

}  // namespace swarmergy::simulation::checks
