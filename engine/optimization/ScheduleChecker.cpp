// The checker walks the scenario and the schedule side by side and records every broken
// rule with the JSON path of the offending value. It stops early only on structural faults
// (missing series) where value checks would read out of range.

#include "engine/optimization/ScheduleChecker.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

namespace swarmergy::optimization {

namespace {

class Checker {
public:
    Checker(const model::Scenario& s, const model::Schedule& d, double tol) : s_(s), d_(d), tol_(tol) {}

    CheckReport run()
    {
        if (!structureOk()) return report_;
        for (std::size_t r = 0; r < s_.ruches.size(); ++r) checkRuche(r);
        checkLines();
        checkBalances();
        checkObjective();
        return report_;
    }

private:
    void fail(const std::string& path, const std::string& what, double excess = 0)
    {
        if (report_.violations.size() < 200) report_.violations.push_back(path + ": " + what);
        report_.worstViolation = std::max(report_.worstViolation, excess);
    }

    // lo - tol <= v <= hi + tol
    void within(const std::string& path, double v, double lo, double hi, const char* name)
    {
        if (!std::isfinite(v)) return fail(path, "not a finite number");
        if (v < lo - tol_) fail(path, std::string("below ") + name + " (" + num(v) + " < " + num(lo) + ")", lo - v);
        if (v > hi + tol_) fail(path, std::string("above ") + name + " (" + num(v) + " > " + num(hi) + ")", v - hi);
    }

    static std::string num(double v)
    {
        std::ostringstream o;
        o.precision(10);
        o << v;
        return o.str();
    }

    bool lengthOk(const std::string& path, std::size_t size, std::size_t expected)
    {
        if (size == expected) return true;
        fail(path, "has " + std::to_string(size) + " values, expected " + std::to_string(expected));
        return false;
    }

    bool batteryShapeOk(const std::string& p, const model::BatterySchedule& b)
    {
        const std::size_t T = static_cast<std::size_t>(s_.steps);
        return lengthOk(p + ".charge_kw", b.chargeKw.size(), T) &
               lengthOk(p + ".discharge_kw", b.dischargeKw.size(), T) &
               lengthOk(p + ".soc_kwh", b.socKwh.size(), T + 1);
    }

    bool structureOk()
    {
        const std::size_t T = static_cast<std::size_t>(s_.steps);
        bool ok = lengthOk("ruches", d_.ruches.size(), s_.ruches.size()) &
                  lengthOk("lines", d_.lines.size(), s_.lines.size());
        if (!ok) return false;
        for (std::size_t r = 0; r < s_.ruches.size(); ++r) {
            const auto& sr = s_.ruches[r];
            const auto& dr = d_.ruches[r];
            const std::string p = "ruches[" + std::to_string(r) + "]";
            if (dr.id != sr.id) ok = false, fail(p + ".id", "is '" + dr.id + "', scenario has '" + sr.id + "'");
            ok &= lengthOk(p + ".import_kw", dr.importKw.size(), T);
            ok &= lengthOk(p + ".export_kw", dr.exportKw.size(), T);
            if (sr.hiveStore.has_value() != dr.hiveStore.has_value()) ok = false, fail(p + ".hive_store", "presence differs from the scenario");
            else if (dr.hiveStore) ok &= batteryShapeOk(p + ".hive_store", *dr.hiveStore);
            if (sr.seasonStore.has_value() != dr.seasonStore.has_value()) ok = false, fail(p + ".season_store", "presence differs from the scenario");
            else if (dr.seasonStore) {
                ok &= lengthOk(p + ".season_store.electrolyzer_kw", dr.seasonStore->electrolyzerKw.size(), T);
                ok &= lengthOk(p + ".season_store.fuel_cell_kw", dr.seasonStore->fuelCellKw.size(), T);
                ok &= lengthOk(p + ".season_store.level_kwh", dr.seasonStore->levelKwh.size(), T + 1);
            }
            if (!lengthOk(p + ".alveoles", dr.alveoles.size(), sr.alveoles.size())) { ok = false; continue; }
            for (std::size_t i = 0; i < sr.alveoles.size(); ++i) {
                const auto& sa = sr.alveoles[i];
                const auto& da = dr.alveoles[i];
                const std::string pa = p + ".alveoles[" + std::to_string(i) + "]";
                if (da.id != sa.id) ok = false, fail(pa + ".id", "is '" + da.id + "', scenario has '" + sa.id + "'");
                ok &= lengthOk(pa + ".pv_used_kw", da.pvUsedKw.size(), T);
                ok &= lengthOk(pa + ".shed_kw", da.shedKw.size(), T);
                ok &= lengthOk(pa + ".net_kw", da.netKw.size(), T);
                if (sa.battery.has_value() != da.battery.has_value()) ok = false, fail(pa + ".battery", "presence differs from the scenario");
                else if (da.battery) ok &= batteryShapeOk(pa, *da.battery);
            }
        }
        for (std::size_t l = 0; l < s_.lines.size(); ++l) {
            const std::string p = "lines[" + std::to_string(l) + "]";
            if (d_.lines[l].id != s_.lines[l].id) ok = false, fail(p + ".id", "differs from the scenario");
            ok &= lengthOk(p + ".flow_kw", d_.lines[l].flowKw.size(), T);
        }
        return ok;
    }

    // in/out powers, state series, dynamics, state limits, final lower bound.
    void checkStore(const std::string& p, const std::vector<double>& in, const std::vector<double>& out,
                    const std::vector<double>& level, double inMax, double outMax, double etaIn, double etaOut,
                    double lo, double hi, double start, double finalMin, const char* inName,
                    const char* outName, const char* levelName)
    {
        const double dtH = s_.stepHours();
        if (std::abs(level[0] - start) > tol_) fail(p + "." + levelName + "[0]", "is not the start value " + num(start), std::abs(level[0] - start));
        for (int t = 0; t < s_.steps; ++t) {
            const std::string ts = "[" + std::to_string(t) + "]";
            within(p + "." + inName + ts, in[t], 0, inMax, "its limit");
            within(p + "." + outName + ts, out[t], 0, outMax, "its limit");
            const double expected = level[t] + dtH * (etaIn * in[t] - out[t] / etaOut);
            if (std::abs(level[t + 1] - expected) > tol_)
                fail(p + "." + levelName + "[" + std::to_string(t + 1) + "]", "breaks the store dynamics (" + num(level[t + 1]) + " vs " + num(expected) + ")", std::abs(level[t + 1] - expected));
        }
        for (int t = 0; t <= s_.steps; ++t)
            within(p + "." + levelName + "[" + std::to_string(t) + "]", level[t], lo, hi, "the store's range");
        if (level[s_.steps] < finalMin - tol_) fail(p + "." + levelName + "[" + std::to_string(s_.steps) + "]", "ends below its start (" + num(level[s_.steps]) + " < " + num(finalMin) + ")", finalMin - level[s_.steps]);
    }

    void checkBattery(const std::string& p, const model::Battery& b, const model::BatterySchedule& d)
    {
        checkStore(p, d.chargeKw, d.dischargeKw, d.socKwh, b.chargeKw, b.dischargeKw, b.etaCharge, b.etaDischarge,
                   b.socMinKwh, b.socMaxKwh, b.soc0Kwh, b.soc0Kwh, "charge_kw", "discharge_kw", "soc_kwh");
    }

    void checkAlveole(const std::string& p, const model::Alveole& a, const model::AlveoleSchedule& d)
    {
        for (int t = 0; t < s_.steps; ++t) {
            const std::string ts = "[" + std::to_string(t) + "]";
            within(p + ".pv_used_kw" + ts, d.pvUsedKw[t], 0, a.pvKw[t], "pv_kw");
            within(p + ".shed_kw" + ts, d.shedKw[t], 0, a.loadKw[t], "load_kw");
            double net = d.pvUsedKw[t] - (a.loadKw[t] - d.shedKw[t]);
            if (d.battery) net += d.battery->dischargeKw[t] - d.battery->chargeKw[t];
            if (std::abs(net - d.netKw[t]) > tol_) fail(p + ".net_kw" + ts, "is not pv_used + dis - ch - (load - shed) = " + num(net), std::abs(net - d.netKw[t]));
            within(p + ".net_kw" + ts, net, -a.connectionKw, a.connectionKw, "connection_kw");
        }
        if (d.battery) checkBattery(p, *a.battery, *d.battery);
    }

    void checkRuche(std::size_t r)
    {
        const auto& sr = s_.ruches[r];
        const auto& dr = d_.ruches[r];
        const std::string p = "ruches[" + std::to_string(r) + "]";
        const bool open = s_.grid.connected && sr.gate.has_value();
        for (int t = 0; t < s_.steps; ++t) {
            const std::string ts = "[" + std::to_string(t) + "]";
            within(p + ".import_kw" + ts, dr.importKw[t], 0, open ? sr.gate->importLimitKw : 0, open ? "import_limit_kw" : "0 (no grid link)");
            within(p + ".export_kw" + ts, dr.exportKw[t], 0, open ? sr.gate->exportLimitKw : 0, open ? "export_limit_kw" : "0 (no grid link)");
        }
        if (dr.hiveStore) checkBattery(p + ".hive_store", *sr.hiveStore, *dr.hiveStore);
        if (dr.seasonStore) {
            const auto& ss = *sr.seasonStore;
            const auto& ds = *dr.seasonStore;
            checkStore(p + ".season_store", ds.electrolyzerKw, ds.fuelCellKw, ds.levelKwh, ss.electrolyzerKw, ss.fuelCellKw,
                       ss.etaElectrolyzer, ss.etaFuelCell, 0, ss.tankKwh, ss.level0Kwh, 0, "electrolyzer_kw", "fuel_cell_kw", "level_kwh");
        }
        for (std::size_t i = 0; i < sr.alveoles.size(); ++i)
            checkAlveole(p + ".alveoles[" + std::to_string(i) + "]", sr.alveoles[i], dr.alveoles[i]);
    }

    void checkLines()
    {
        for (std::size_t l = 0; l < s_.lines.size(); ++l)
            for (int t = 0; t < s_.steps; ++t)
                within("lines[" + std::to_string(l) + "].flow_kw[" + std::to_string(t) + "]", d_.lines[l].flowKw[t],
                       -s_.lines[l].capacityKw, s_.lines[l].capacityKw, "capacity_kw");
    }

    void checkBalances()
    {
        std::map<std::string, std::size_t> at;
        for (std::size_t r = 0; r < s_.ruches.size(); ++r) at[s_.ruches[r].id] = r;
        for (int t = 0; t < s_.steps; ++t) {
            std::vector<double> bus(s_.ruches.size(), 0.0);
            for (std::size_t r = 0; r < s_.ruches.size(); ++r) {
                const auto& dr = d_.ruches[r];
                double sum = dr.importKw[t] - dr.exportKw[t];
                for (const auto& a : dr.alveoles) sum += a.netKw[t];
                if (dr.hiveStore) sum += dr.hiveStore->dischargeKw[t] - dr.hiveStore->chargeKw[t];
                if (dr.seasonStore) sum += dr.seasonStore->fuelCellKw[t] - dr.seasonStore->electrolyzerKw[t];
                bus[r] = sum;
            }
            for (std::size_t l = 0; l < s_.lines.size(); ++l) {
                const double f = d_.lines[l].flowKw[t];
                const std::size_t from = at.at(s_.lines[l].from), to = at.at(s_.lines[l].to);
                const double sent = std::abs(f), received = (1 - s_.lines[l].loss) * std::abs(f);
                bus[f >= 0 ? from : to] -= sent;
                bus[f >= 0 ? to : from] += received;
            }
            for (std::size_t r = 0; r < s_.ruches.size(); ++r)
                if (std::abs(bus[r]) > tol_)
                    fail("ruches[" + std::to_string(r) + "] step " + std::to_string(t), "bus balance off by " + num(bus[r]) + " kW", std::abs(bus[r]));
        }
    }

    double recompute() const
    {
        const double dtH = s_.stepHours();
        double energyCost = 0, terminal = 0;
        for (std::size_t r = 0; r < s_.ruches.size(); ++r) {
            const auto& sr = s_.ruches[r];
            const auto& dr = d_.ruches[r];
            for (int t = 0; t < s_.steps; ++t) {
                energyCost += s_.grid.importPrice[t] * dr.importKw[t] - s_.grid.exportPrice[t] * dr.exportKw[t];
                if (dr.hiveStore) energyCost += sr.hiveStore->cycleCostPerKwh * (dr.hiveStore->chargeKw[t] + dr.hiveStore->dischargeKw[t]);
                for (std::size_t i = 0; i < sr.alveoles.size(); ++i) {
                    const auto& sa = sr.alveoles[i];
                    const auto& da = dr.alveoles[i];
                    energyCost += sa.vollPerKwh * da.shedKw[t];
                    if (da.battery) energyCost += sa.battery->cycleCostPerKwh * (da.battery->chargeKw[t] + da.battery->dischargeKw[t]);
                }
            }
            if (dr.seasonStore) terminal += sr.seasonStore->terminalValuePerKwh * (dr.seasonStore->levelKwh.back() - sr.seasonStore->level0Kwh);
        }
        return dtH * energyCost - terminal;
    }

    void checkObjective()
    {
        report_.recomputedObjective = recompute();
        const double tolCost = 1e-6 * std::max(1.0, std::abs(d_.objective));
        if (!std::isfinite(d_.objective) || std::abs(report_.recomputedObjective - d_.objective) > tolCost)
            fail("objective", num(d_.objective) + " differs from the schedule's cost " + num(report_.recomputedObjective));
        if (d_.bound) {
            if (*d_.bound > d_.objective + tolCost) fail("bound", num(*d_.bound) + " is above the objective");
            if (d_.status == model::ScheduleStatus::Optimal && std::abs(*d_.bound - d_.objective) > tolCost)
                fail("bound", "status optimal but bound != objective");
        } else if (d_.status == model::ScheduleStatus::Optimal) {
            fail("bound", "status optimal without a bound");
        }
    }

    const model::Scenario& s_;
    const model::Schedule& d_;
    double tol_;
    CheckReport report_;
};

}  // namespace

std::string CheckReport::summary(std::size_t maxLines) const
{
    if (violations.empty()) return "valid";
    std::string text = std::to_string(violations.size()) + " violation(s):";
    for (std::size_t i = 0; i < violations.size() && i < maxLines; ++i) text += "\n  " + violations[i];
    return text;
}

CheckReport checkSchedule(const model::Scenario& scenario, const model::Schedule& schedule, double toleranceKw)
{
    return Checker(scenario, schedule, toleranceKw).run();
}

}  // namespace swarmergy::optimization
