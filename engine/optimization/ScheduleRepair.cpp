// Primal repair shared by both solver paths. Order of the balance closure follows cost:
// a surplus first lowers imports, then raises exports, then un-sheds load, then curtails PV
// (free); a deficit first lowers exports, then raises imports, then un-curtails PV, then sheds
// load (at the value of lost load). Each alvéole keeps |net| <= connection_kw.

#include "engine/optimization/ScheduleRepair.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace swarmergy::optimization {

namespace {

double clampTo(double v, double lo, double hi) { return std::min(hi, std::max(lo, v)); }

void clampBattery(model::BatterySchedule& b, double inKw, double outKw, double etaIn, double etaOut,
                  double dtH)
{
    for (std::size_t t = 0; t < b.chargeKw.size(); ++t) {
        b.chargeKw[t] = clampTo(b.chargeKw[t], 0, inKw);
        b.dischargeKw[t] = clampTo(b.dischargeKw[t], 0, outKw);
        // Charging and discharging at once is kept: it changes the net injection, and an
        // islanded bus with no PV left to curtail may need it to burn a surplus (the LP allows it).
        b.socKwh[t + 1] = b.socKwh[t] + dtH * (etaIn * b.chargeKw[t] - b.dischargeKw[t] / etaOut);
    }
}

double alveoleNet(const model::Alveole& a, const model::AlveoleSchedule& s, int t)
{
    double net = s.pvUsedKw[t] + s.shedKw[t] - a.loadKw[t];
    if (s.battery) net += s.battery->dischargeKw[t] - s.battery->chargeKw[t];
    return net;
}

struct RucheRefs {
    const model::Ruche* ruche;
    model::RucheSchedule* schedule;
};

// Surplus > 0 to absorb (kW); returns what is left.
double absorbSurplus(const model::Ruche& r, model::RucheSchedule& rs, int t, double surplus, double exportLimit)
{
    auto take = [&](double& value, double room) {
        const double d = std::min(surplus, std::max(0.0, room));
        value += d;
        surplus -= d;
    };
    double down = 0;
    take(down, rs.importKw[t]);
    rs.importKw[t] -= down;
    take(rs.exportKw[t], exportLimit - rs.exportKw[t]);
    for (std::size_t i = 0; i < r.alveoles.size() && surplus > 0; ++i) {
        auto& as = rs.alveoles[i];
        const double room = std::min(as.shedKw[t], alveoleNet(r.alveoles[i], as, t) + r.alveoles[i].connectionKw);
        double d = 0;
        take(d, room);
        as.shedKw[t] -= d;
    }
    for (std::size_t i = 0; i < r.alveoles.size() && surplus > 0; ++i) {
        auto& as = rs.alveoles[i];
        const double room = std::min(as.pvUsedKw[t], alveoleNet(r.alveoles[i], as, t) + r.alveoles[i].connectionKw);
        double d = 0;
        take(d, room);
        as.pvUsedKw[t] -= d;
    }
    return surplus;
}

double coverDeficit(const model::Ruche& r, model::RucheSchedule& rs, int t, double deficit, double importLimit)
{
    auto take = [&](double room) {
        const double d = std::min(deficit, std::max(0.0, room));
        deficit -= d;
        return d;
    };
    rs.exportKw[t] -= take(rs.exportKw[t]);
    rs.importKw[t] += take(importLimit - rs.importKw[t]);
    for (std::size_t i = 0; i < r.alveoles.size() && deficit > 0; ++i) {
        auto& as = rs.alveoles[i];
        const auto& a = r.alveoles[i];
        as.pvUsedKw[t] += take(std::min(a.pvKw[t] - as.pvUsedKw[t], a.connectionKw - alveoleNet(a, as, t)));
    }
    for (std::size_t i = 0; i < r.alveoles.size() && deficit > 0; ++i) {
        auto& as = rs.alveoles[i];
        const auto& a = r.alveoles[i];
        as.shedKw[t] += take(std::min(a.loadKw[t] - as.shedKw[t], a.connectionKw - alveoleNet(a, as, t)));
    }
    return deficit;
}

// Σ injections into each ruche bus at every step (should be 0), residual[r][t]. Walks each
// series in order (one ruche and alvéole at a time): at 50,000 alvéoles a pass per step
// jumping across every alvéole's series took 0.3 s.
std::vector<std::vector<double>> busResiduals(const model::Scenario& s, const model::Schedule& sched,
                                              const std::unordered_map<std::string, int>& index)
{
    std::vector<std::vector<double>> residual(s.ruches.size(), std::vector<double>(s.steps, 0.0));
    for (std::size_t r = 0; r < s.ruches.size(); ++r) {
        const auto& rs = sched.ruches[r];
        auto& sum = residual[r];
        for (int t = 0; t < s.steps; ++t) {
            sum[t] += rs.importKw[t] - rs.exportKw[t];
            if (rs.hiveStore) sum[t] += rs.hiveStore->dischargeKw[t] - rs.hiveStore->chargeKw[t];
            if (rs.seasonStore) sum[t] += rs.seasonStore->fuelCellKw[t] - rs.seasonStore->electrolyzerKw[t];
        }
        for (std::size_t i = 0; i < rs.alveoles.size(); ++i)
            for (int t = 0; t < s.steps; ++t) sum[t] += alveoleNet(s.ruches[r].alveoles[i], rs.alveoles[i], t);
    }
    for (std::size_t l = 0; l < s.lines.size(); ++l) {
        const int from = index.at(s.lines[l].from), to = index.at(s.lines[l].to);
        for (int t = 0; t < s.steps; ++t) {
            const double f = sched.lines[l].flowKw[t];
            if (f >= 0) {
                residual[from][t] -= f;
                residual[to][t] += (1 - s.lines[l].loss) * f;
            } else {
                residual[to][t] += f;
                residual[from][t] -= (1 - s.lines[l].loss) * f;
            }
        }
    }
    return residual;
}

void clampAll(const model::Scenario& s, model::Schedule& sched)
{
    const double dtH = s.stepHours();
    const bool connected = s.grid.connected;
    for (std::size_t r = 0; r < s.ruches.size(); ++r) {
        const auto& ru = s.ruches[r];
        auto& rs = sched.ruches[r];
        const double impLim = connected && ru.gate ? ru.gate->importLimitKw : 0;
        const double expLim = connected && ru.gate ? ru.gate->exportLimitKw : 0;
        for (int t = 0; t < s.steps; ++t) {
            rs.importKw[t] = clampTo(rs.importKw[t], 0, impLim);
            rs.exportKw[t] = clampTo(rs.exportKw[t], 0, expLim);
            const double both = std::min(rs.importKw[t], rs.exportKw[t]);
            rs.importKw[t] -= both;
            rs.exportKw[t] -= both;
        }
        if (rs.hiveStore) {
            const auto& h = *ru.hiveStore;
            clampBattery(*rs.hiveStore, h.chargeKw, h.dischargeKw, h.etaCharge, h.etaDischarge, dtH);
        }
        if (rs.seasonStore) {
            const auto& ss = *ru.seasonStore;
            model::BatterySchedule b{rs.seasonStore->electrolyzerKw, rs.seasonStore->fuelCellKw, rs.seasonStore->levelKwh};
            clampBattery(b, ss.electrolyzerKw, ss.fuelCellKw, ss.etaElectrolyzer, ss.etaFuelCell, dtH);
            rs.seasonStore = model::SeasonStoreSchedule{b.chargeKw, b.dischargeKw, b.socKwh};
        }
        for (std::size_t i = 0; i < ru.alveoles.size(); ++i) {
            const auto& a = ru.alveoles[i];
            auto& as = rs.alveoles[i];
            for (int t = 0; t < s.steps; ++t) {
                as.pvUsedKw[t] = clampTo(as.pvUsedKw[t], 0, a.pvKw[t]);
                as.shedKw[t] = clampTo(as.shedKw[t], 0, a.loadKw[t]);
            }
            if (as.battery) {
                const auto& b = *a.battery;
                clampBattery(*as.battery, b.chargeKw, b.dischargeKw, b.etaCharge, b.etaDischarge, dtH);
            }
        }
    }
    for (std::size_t k = 0; k < sched.lines.size(); ++k) {
        auto& line = sched.lines[k];
        // Schedules list their lines in scenario order; search only when they do not.
        std::size_t l = k < s.lines.size() && s.lines[k].id == line.id ? k : s.lines.size();
        for (std::size_t m = 0; l == s.lines.size() && m < s.lines.size(); ++m)
            if (s.lines[m].id == line.id) l = m;
        if (l == s.lines.size()) continue;
        for (double& f : line.flowKw) f = clampTo(f, -s.lines[l].capacityKw, s.lines[l].capacityKw);
    }
}

}  // namespace

double scheduleObjective(const model::Scenario& s, const model::Schedule& sched)
{
    const double dtH = s.stepHours();
    double cost = 0;
    auto batteryCost = [&](const model::BatterySchedule& b, double cyclePerKwh) {
        double sum = 0;
        for (std::size_t t = 0; t < b.chargeKw.size(); ++t) sum += b.chargeKw[t] + b.dischargeKw[t];
        return dtH * cyclePerKwh * sum;
    };
    for (std::size_t r = 0; r < s.ruches.size(); ++r) {
        const auto& ru = s.ruches[r];
        const auto& rs = sched.ruches[r];
        for (int t = 0; t < s.steps; ++t)
            cost += dtH * (s.grid.importPrice[t] * rs.importKw[t] - s.grid.exportPrice[t] * rs.exportKw[t]);
        if (rs.hiveStore) cost += batteryCost(*rs.hiveStore, ru.hiveStore->cycleCostPerKwh);
        if (rs.seasonStore)
            cost -= ru.seasonStore->terminalValuePerKwh * (rs.seasonStore->levelKwh.back() - ru.seasonStore->level0Kwh);
        for (std::size_t i = 0; i < ru.alveoles.size(); ++i) {
            const auto& a = ru.alveoles[i];
            const auto& as = rs.alveoles[i];
            double shed = 0;
            for (int t = 0; t < s.steps; ++t) shed += as.shedKw[t];
            cost += dtH * a.vollPerKwh * shed;
            if (as.battery) cost += batteryCost(*as.battery, a.battery->cycleCostPerKwh);
        }
    }
    return cost;
}

double finishSchedule(const model::Scenario& s, model::Schedule& sched)
{
    clampAll(s, sched);
    std::unordered_map<std::string, int> index;
    for (std::size_t r = 0; r < s.ruches.size(); ++r) index[s.ruches[r].id] = static_cast<int>(r);
    double unresolved = 0;
    // Closing a bus at step t changes only that ruche's own series at t: the residuals can be
    // taken once for every ruche and step.
    const std::vector<std::vector<double>> residual = busResiduals(s, sched, index);
    for (std::size_t r = 0; r < s.ruches.size(); ++r) {
        const auto& ru = s.ruches[r];
        auto& rs = sched.ruches[r];
        const bool open = s.grid.connected && ru.gate;
        for (int t = 0; t < s.steps; ++t) {
            const double rt = residual[r][t];
            const double left = rt > 0 ? absorbSurplus(ru, rs, t, rt, open ? ru.gate->exportLimitKw : 0)
                                       : coverDeficit(ru, rs, t, -rt, open ? ru.gate->importLimitKw : 0);
            unresolved = std::max(unresolved, left);
        }
    }
    for (std::size_t r = 0; r < s.ruches.size(); ++r) {
        for (std::size_t i = 0; i < s.ruches[r].alveoles.size(); ++i) {
            auto& as = sched.ruches[r].alveoles[i];
            as.netKw.resize(s.steps);
            for (int t = 0; t < s.steps; ++t) as.netKw[t] = alveoleNet(s.ruches[r].alveoles[i], as, t);
        }
    }
    return unresolved;
}

}  // namespace swarmergy::optimization
