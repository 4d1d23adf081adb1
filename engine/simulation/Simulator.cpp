#include "engine/simulation/Simulator.h"

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <string>

#include "engine/simulation/Calendar.h"

namespace swarmergy::simulation {
namespace {

// What a household in deficit could give up, by class, in shedding order. `localShedKw` was
// already shed at the connection limit (deferrable first), `deficitKw` is what it still draws.
struct Sheddable {
    double deferrableKw = 0, comfortKw = 0, criticalKw = 0;
};

Sheddable sheddable(double deficitKw, double localShedKw, const AlveoleStep& a) {
    const double comfort = std::max(0.0, a.loadKw - a.criticalKw - a.deferrableKw);
    double taken = localShedKw;
    const auto left = [&taken](double classKw) {
        const double used = std::min(taken, classKw);
        taken -= used;
        return classKw - used;
    };
    const double deferrableLeft = left(a.deferrableKw);
    const double comfortLeft = left(comfort);
    const double criticalLeft = left(a.criticalKw);
    Sheddable s;
    s.deferrableKw = std::min(deferrableLeft, deficitKw);
    s.comfortKw = std::min(comfortLeft, deficitKw - s.deferrableKw);
    s.criticalKw = std::min(criticalLeft, deficitKw - s.deferrableKw - s.comfortKw);
    return s;
}

double batteryChargeRoom(double socKwh, double socMaxKwh, double eta, double hours) {
    return std::max(0.0, (socMaxKwh - socKwh) / (eta * hours));
}

double batteryDischargeRoom(double socKwh, double floorKwh, double eta, double hours) {
    return std::max(0.0, (socKwh - floorKwh) * eta / hours);
}

}  // namespace

Simulator::Simulator(Fleet fleet) : fleet_(std::move(fleet)), households_(fleet_) {
    startUtc_ = parseIsoUtc(fleet_.options.start);
    stepSeconds_ = fleet_.options.stepMinutes * 60LL;
    stepHours_ = fleet_.options.stepMinutes / 60.0;
    manualConnected_ = fleet_.topology.grid.connected;
    initAlveoles();
    initRuches();
}

void Simulator::initAlveoles() {
    const std::size_t n = fleet_.households.size();
    for (auto* v : {&loadKw_, &criticalKw_, &deferrableKw_, &pvKw_, &capacityKwh_, &socMinKwh_,
                    &socMaxKwh_, &chargeMaxKw_, &dischargeMaxKw_, &etaCharge_, &etaDischarge_,
                    &connectionKw_, &socKwh_, &importTodayKwh_, &exportTodayKwh_}) {
        v->assign(n, 0.0);
    }
    alveoleSteps_.assign(n, {});
    std::size_t i = 0;
    for (const auto& ruche : fleet_.topology.ruches) {
        for (const auto& a : ruche.alveoles) {
            if (i >= n) throw std::invalid_argument("Simulator: more alvéoles than households");
            connectionKw_[i] = a.connectionKw;
            etaCharge_[i] = etaDischarge_[i] = 1.0;
            if (a.battery && a.battery->capacityKwh > 0) {
                const model::Battery& b = *a.battery;
                capacityKwh_[i] = b.capacityKwh;
                socMinKwh_[i] = b.socMinKwh;
                socMaxKwh_[i] = b.socMaxKwh > 0 ? b.socMaxKwh : b.capacityKwh;
                chargeMaxKw_[i] = b.chargeKw;
                dischargeMaxKw_[i] = b.dischargeKw;
                etaCharge_[i] = b.etaCharge;
                etaDischarge_[i] = b.etaDischarge;
                socKwh_[i] = b.soc0Kwh;
            }
            alveoleSteps_[i].socKwh = socKwh_[i];
            ++i;
        }
    }
    if (i != n) throw std::invalid_argument("Simulator: household count differs from topology");
}

void Simulator::initRuches() {
    const auto& ruches = fleet_.topology.ruches;
    ruchesState_.assign(ruches.size(), {});
    rucheSteps_.assign(ruches.size(), {});
    for (std::size_t r = 0; r < ruches.size(); ++r) {
        RucheState& s = ruchesState_[r];
        s.first = fleet_.sites[r].firstAlveole;
        s.count = fleet_.sites[r].alveoleCount;
        if (ruches[r].gate) {
            s.hasGate = true;
            s.importLimitKw = ruches[r].gate->importLimitKw;
            s.exportLimitKw = ruches[r].gate->exportLimitKw;
        }
        if (const auto& b = ruches[r].hiveStore; b && b->capacityKwh > 0) {
            Hive& h = s.hive;
            h.present = true;
            h.socMinKwh = b->socMinKwh;
            h.socMaxKwh = b->socMaxKwh > 0 ? b->socMaxKwh : b->capacityKwh;
            h.reserveKwh = std::max(h.socMinKwh, kHiveReserveShare * b->capacityKwh);
            h.chargeKw = b->chargeKw;
            h.dischargeKw = b->dischargeKw;
            h.etaCharge = b->etaCharge;
            h.etaDischarge = b->etaDischarge;
            h.socKwh = b->soc0Kwh;
        }
        if (const auto& ss = ruches[r].seasonStore) {
            Season& e = s.season;
            e.present = true;
            e.electrolyzerKw = ss->electrolyzerKw;
            e.fuelCellKw = ss->fuelCellKw;
            e.etaElectrolyzer = ss->etaElectrolyzer;
            e.etaFuelCell = ss->etaFuelCell;
            e.tankKwh = ss->tankKwh;
            e.levelKwh = ss->level0Kwh;
        }
    }
    for (const auto& line : fleet_.topology.lines) {
        LineState l;
        for (std::size_t r = 0; r < ruches.size(); ++r) {
            if (ruches[r].id == line.from) l.from = static_cast<int>(r);
            if (ruches[r].id == line.to) l.to = static_cast<int>(r);
        }
        l.capacityKw = line.capacityKw;
        l.loss = line.loss;
        linesState_.push_back(l);
        LineStep out;
        out.fromRuche = l.from;
        out.toRuche = l.to;
        out.capacityKw = l.capacityKw;
        lineSteps_.push_back(out);
    }
}

std::int64_t Simulator::timeUtc() const { return startUtc_ + stepsDone_ * stepSeconds_; }

std::int64_t Simulator::lastStepStartUtc() const {
    return stepsDone_ > 0 ? timeUtc() - stepSeconds_ : timeUtc();
}

void Simulator::scheduleGridOutage(std::int64_t fromStep, int steps) {
    if (steps < 0) throw std::invalid_argument("scheduleGridOutage: steps must be >= 0");
    outages_.emplace_back(fromStep, fromStep + steps);
}

bool Simulator::islandedAt(std::int64_t index) const {
    if (!manualConnected_ || !fleet_.topology.grid.connected) return true;
    return std::any_of(outages_.begin(), outages_.end(),
                       [index](const auto& o) { return index >= o.first && index < o.second; });
}

void Simulator::startDayIfNeeded(std::int64_t stepStartUtc) {
    const std::int64_t localDay =
        floorDiv(stepStartUtc + fleet_.options.utcOffsetMinutes * 60LL, 86400);
    if (localDay == todayLocalDay_) return;
    todayLocalDay_ = localDay;
    std::fill(importTodayKwh_.begin(), importTodayKwh_.end(), 0.0);
    std::fill(exportTodayKwh_.begin(), exportTodayKwh_.end(), 0.0);
    for (RucheState& s : ruchesState_) {
        s.servedKwh = s.importKwh = s.exportKwh = s.pvAvailableKwh = s.pvUsedKwh = 0;
        s.peakImportKw = s.costToday = 0;
    }
}

void Simulator::step() {
    const std::int64_t t = timeUtc();
    const bool islanded = islandedAt(stepsDone_);
    startDayIfNeeded(t);
    planRow_ = followingPlanAt(stepsDone_) ? stepsDone_ - plan_->firstStep : -1;
    households_.compute(t, {loadKw_, criticalKw_, deferrableKw_, pvKw_});
    const int ruches = static_cast<int>(ruchesState_.size());
    for (int r = 0; r < ruches; ++r) {
        rucheSteps_[r] = RucheStep{};
        rucheSteps_[r].islanded = islanded;
        rucheSteps_[r].clearSkyIndex = households_.clearSkyIndex(r);
        dispatchAlveoles(r);
        if (planRow_ >= 0)
            applyPlannedStores(r);
        else
            chargeOrDrawHive(r, islanded);
    }
    exchangeOverLines();
    const double importPrice = importPriceAt(fleet_.options, t);
    const double exportPrice = exportPriceAt(fleet_.options, t);
    for (int r = 0; r < ruches; ++r) {
        if (ruchesState_[r].netKw > 0) settleSurplus(r, islanded);
        else if (ruchesState_[r].netKw < 0) settleDeficit(r, islanded);
        finishRuche(r, importPrice, exportPrice);
    }
    ++stepsDone_;
}

// Self-consumption, then the MicroStore, then the connection limit, per household.
Simulator::HomeDecision Simulator::decideByRules(std::size_t i) const {
    const double h = stepHours_;
    const double load = loadKw_[i], pv = pvKw_[i];
    const double selfUsed = std::min(pv, load);
    double surplus = pv - selfUsed, deficit = load - selfUsed;
    HomeDecision d;
    if (capacityKwh_[i] > 0) {
        if (surplus > 0) {
            d.chargeKw = std::min({surplus, chargeMaxKw_[i],
                                   batteryChargeRoom(socKwh_[i], socMaxKwh_[i], etaCharge_[i], h)});
            surplus -= d.chargeKw;
        } else if (deficit > 0) {
            d.dischargeKw = std::min({deficit, dischargeMaxKw_[i],
                                      batteryDischargeRoom(socKwh_[i], socMinKwh_[i], etaDischarge_[i], h)});
            deficit -= d.dischargeKw;
        }
    }
    d.pvUsedKw = pv;
    if (surplus > connectionKw_[i]) {   // the house connection caps injection
        d.pvUsedKw -= surplus - connectionKw_[i];
        surplus = connectionKw_[i];
    }
    if (deficit > connectionKw_[i]) {   // ... and drawing: shed locally
        d.shedKw = deficit - connectionKw_[i];
        deficit = connectionKw_[i];
    }
    d.netKw = surplus - deficit;
    return d;
}

// The plan's MicroStore setpoint, clipped to the battery's limits; the connection limit is
// then kept by giving up discharge (or charge) before curtailing PV (or shedding load).
Simulator::HomeDecision Simulator::decideByPlan(std::size_t i, double targetKw) const {
    const double h = stepHours_;
    HomeDecision d;
    if (capacityKwh_[i] > 0) {
        if (targetKw > 0)
            d.chargeKw = std::min({targetKw, chargeMaxKw_[i],
                                   batteryChargeRoom(socKwh_[i], socMaxKwh_[i], etaCharge_[i], h)});
        else if (targetKw < 0)
            d.dischargeKw = std::min({-targetKw, dischargeMaxKw_[i],
                                      batteryDischargeRoom(socKwh_[i], socMinKwh_[i], etaDischarge_[i], h)});
    }
    d.pvUsedKw = pvKw_[i];
    double net = d.pvUsedKw + d.dischargeKw - d.chargeKw - loadKw_[i];
    if (net > connectionKw_[i]) {
        double excess = net - connectionKw_[i];
        const double lessDischarge = std::min(d.dischargeKw, excess);
        d.dischargeKw -= lessDischarge;
        excess -= lessDischarge;
        d.pvUsedKw -= excess;
    } else if (net < -connectionKw_[i]) {
        double excess = -connectionKw_[i] - net;
        const double lessCharge = std::min(d.chargeKw, excess);
        d.chargeKw -= lessCharge;
        excess -= lessCharge;
        d.shedKw = excess;
    }
    d.netKw = d.pvUsedKw + d.dischargeKw - d.chargeKw - (loadKw_[i] - d.shedKw);
    return d;
}

void Simulator::dispatchAlveoles(int r) {
    RucheState& s = ruchesState_[r];
    model::RucheFlows& f = rucheSteps_[r].flows;
    RucheStep& rs = rucheSteps_[r];
    const double h = stepHours_;
    double sumNet = 0, positiveNet = 0, microSoc = 0, microCapacity = 0;
    const std::size_t end = static_cast<std::size_t>(s.first + s.count);
    const float* planned = planRow_ >= 0 ? plan_->microKw.data() + planRow_ * plan_->alveoles : nullptr;
    for (std::size_t i = static_cast<std::size_t>(s.first); i < end; ++i) {
        const HomeDecision d = planned ? decideByPlan(i, planned[i]) : decideByRules(i);
        if (capacityKwh_[i] > 0)
            socKwh_[i] += h * (etaCharge_[i] * d.chargeKw - d.dischargeKw / etaDischarge_[i]);
        AlveoleStep& a = alveoleSteps_[i];
        a.loadKw = loadKw_[i];
        a.criticalKw = criticalKw_[i];
        a.deferrableKw = deferrableKw_[i];
        a.pvAvailableKw = pvKw_[i];
        a.pvUsedKw = d.pvUsedKw;
        a.chargeKw = d.chargeKw;
        a.dischargeKw = d.dischargeKw;
        a.socKwh = socKwh_[i];
        a.shedKw = d.shedKw;
        a.netKw = d.netKw;
        if (d.shedKw > 0) {
            const Sheddable local = sheddable(d.shedKw, 0.0, a);
            rs.shedDeferrableKw += local.deferrableKw;
            rs.shedComfortKw += local.comfortKw;
            rs.shedCriticalKw += local.criticalKw;
        }
        importTodayKwh_[i] += d.netKw < 0 ? -d.netKw * h : 0.0;
        exportTodayKwh_[i] += d.netKw > 0 ? d.netKw * h : 0.0;
        f.loadKw += a.loadKw;
        f.pvAvailableKw += a.pvAvailableKw;
        f.pvUsedKw += d.pvUsedKw;
        f.microChargeKw += d.chargeKw;
        f.microDischargeKw += d.dischargeKw;
        f.shedKw += d.shedKw;
        sumNet += d.netKw;
        positiveNet += d.netKw > 0 ? d.netKw : 0.0;
        microSoc += socKwh_[i];
        microCapacity += capacityKwh_[i];
    }
    s.netKw = sumNet;
    s.positiveNetKw = positiveNet;
    rs.stores.microSocKwh = microSoc;
    rs.stores.microCapacityKwh = microCapacity;
}

// The plan's HiveStore and SeasonStore setpoints, clipped to their limits (down to the
// HiveStore's minimum, not the rule's reserve: the plan keeps its own reserve).
void Simulator::applyPlannedStores(int r) {
    RucheState& s = ruchesState_[r];
    model::RucheFlows& f = rucheSteps_[r].flows;
    const std::size_t row = static_cast<std::size_t>(planRow_ * plan_->ruches + r);
    const double h = stepHours_;
    if (Hive& hive = s.hive; hive.present) {
        const double target = plan_->hiveKw[row];
        if (target > 0)
            f.hiveChargeKw = std::min({double(target), hive.chargeKw,
                                       batteryChargeRoom(hive.socKwh, hive.socMaxKwh, hive.etaCharge, h)});
        else if (target < 0)
            f.hiveDischargeKw = std::min({-double(target), hive.dischargeKw,
                                          batteryDischargeRoom(hive.socKwh, hive.socMinKwh, hive.etaDischarge, h)});
        s.netKw += f.hiveDischargeKw - f.hiveChargeKw;
    }
    if (Season& e = s.season; e.present) {
        const double target = plan_->seasonKw[row];
        if (target > 0)
            f.electrolyzerKw = std::min({double(target), e.electrolyzerKw,
                                         std::max(0.0, (e.tankKwh - e.levelKwh) / (e.etaElectrolyzer * h))});
        else if (target < 0)
            f.fuelCellKw = std::min({-double(target), e.fuelCellKw, e.levelKwh * e.etaFuelCell / h});
        s.netKw += f.fuelCellKw - f.electrolyzerKw;
    }
}

void Simulator::followPlan(std::shared_ptr<const StoreSetpoints> plan) {
    if (plan) {
        const auto alveoles = static_cast<std::size_t>(plan->alveoles);
        const auto ruches = static_cast<std::size_t>(plan->ruches);
        const auto steps = static_cast<std::size_t>(plan->steps);
        if (alveoles != fleet_.households.size() || ruches != ruchesState_.size() ||
            plan->microKw.size() != steps * alveoles || plan->hiveKw.size() != steps * ruches ||
            plan->seasonKw.size() != steps * ruches)
            throw std::invalid_argument("followPlan: the plan's sizes do not match the fleet");
    }
    plan_ = std::move(plan);
}

// The HiveStore absorbs the ruche's surplus or covers its deficit down to the reserve.
void Simulator::chargeOrDrawHive(int r, bool /*islanded*/) {
    RucheState& s = ruchesState_[r];
    model::RucheFlows& f = rucheSteps_[r].flows;
    Hive& hive = s.hive;
    if (!hive.present) return;
    if (s.netKw > 0) {
        f.hiveChargeKw = std::min({s.netKw, hive.chargeKw,
                                   batteryChargeRoom(hive.socKwh, hive.socMaxKwh, hive.etaCharge,
                                                     stepHours_)});
        s.netKw -= f.hiveChargeKw;
    } else if (s.netKw < 0) {
        f.hiveDischargeKw = std::min({-s.netKw, hive.dischargeKw,
                                      batteryDischargeRoom(hive.socKwh, hive.reserveKwh,
                                                           hive.etaDischarge, stepHours_)});
        s.netKw += f.hiveDischargeKw;
    }
}

// Ruches with a surplus feed neighbours in deficit, in line order; the loss is taken at the
// receiving end, so the sender gives f and the receiver gets (1 - loss) f.
void Simulator::exchangeOverLines() {
    for (std::size_t k = 0; k < linesState_.size(); ++k) {
        const LineState& l = linesState_[k];
        LineStep& out = lineSteps_[k];
        out.flowKw = out.lossKw = 0;
        RucheState& a = ruchesState_[l.from];
        RucheState& b = ruchesState_[l.to];
        const bool forward = a.netKw > 0 && b.netKw < 0;
        const bool backward = b.netKw > 0 && a.netKw < 0;
        if (!forward && !backward) continue;
        RucheState& sender = forward ? a : b;
        RucheState& receiver = forward ? b : a;
        const double sent = std::min({l.capacityKw, sender.netKw, -receiver.netKw / (1 - l.loss)});
        if (sent <= 0) continue;
        const double received = sent * (1 - l.loss);
        sender.netKw -= sent;
        receiver.netKw += received;
        rucheSteps_[forward ? l.from : l.to].flows.linesOutKw += sent;
        rucheSteps_[forward ? l.to : l.from].flows.linesInKw += received;
        out.flowKw = forward ? sent : -sent;
        out.lossKw = sent - received;
    }
}

// Surplus left after HiveStore and lines: electrolyser, export through the gate, curtail PV.
void Simulator::settleSurplus(int r, bool islanded) {
    RucheState& s = ruchesState_[r];
    model::RucheFlows& f = rucheSteps_[r].flows;
    Season& e = s.season;
    const double exportLimit = (s.hasGate && !islanded) ? s.exportLimitKw : 0.0;
    auto electrolyse = [&] {
        if (!e.present) return;
        const double levelAfter = e.levelKwh + f.electrolyzerKw * e.etaElectrolyzer * stepHours_;
        const double extra = std::min({s.netKw, e.electrolyzerKw - f.electrolyzerKw,
                                       std::max(0.0, (e.tankKwh - levelAfter) / (e.etaElectrolyzer * stepHours_))});
        if (extra <= 0) return;
        f.electrolyzerKw += extra;
        s.netKw -= extra;
    };
    // Rules store surplus as H2 before selling it; a plan already chose how much to store, so
    // the unforeseen surplus is sold first and only then stored.
    if (planRow_ < 0) electrolyse();
    f.exportKw = std::min(s.netKw, exportLimit);
    s.netKw -= f.exportKw;
    if (planRow_ >= 0) electrolyse();
    if (s.netKw > 0) curtail(r, s.netKw);
    s.netKw = 0;
}

// Deficit left after HiveStore and lines: fuel cell, import through the gate, then shedding by
// priority; the HiveStore's reserve goes to critical load only, before critical load is shed.
void Simulator::settleDeficit(int r, bool islanded) {
    RucheState& s = ruchesState_[r];
    model::RucheFlows& f = rucheSteps_[r].flows;
    double needKw = -s.netKw;
    Season& e = s.season;
    const double importLimit = (s.hasGate && !islanded) ? s.importLimitKw : 0.0;
    auto runFuelCell = [&] {
        if (!e.present) return;
        const double levelAfter = e.levelKwh - f.fuelCellKw / e.etaFuelCell * stepHours_;
        const double extra = std::min({needKw, e.fuelCellKw - f.fuelCellKw,
                                       std::max(0.0, levelAfter * e.etaFuelCell / stepHours_)});
        if (extra <= 0) return;
        f.fuelCellKw += extra;
        needKw -= extra;
    };
    // Rules burn H2 before buying; under a plan the unforeseen deficit is bought first, and
    // H2 beyond the plan only keeps loads from being shed (a late plan is never unsafe).
    if (planRow_ < 0) runFuelCell();
    f.importKw = std::min(needKw, importLimit);
    needKw -= f.importKw;
    if (planRow_ >= 0) runFuelCell();
    s.netKw = 0;
    if (needKw <= 0) return;

    Sheddable total;
    const std::size_t end = static_cast<std::size_t>(s.first + s.count);
    for (std::size_t i = static_cast<std::size_t>(s.first); i < end; ++i) {
        const AlveoleStep& a = alveoleSteps_[i];
        if (a.netKw >= 0) continue;
        const Sheddable c = sheddable(-a.netKw, a.shedKw, a);
        total.deferrableKw += c.deferrableKw;
        total.comfortKw += c.comfortKw;
        total.criticalKw += c.criticalKw;
    }
    const double shedDeferrable = std::min(needKw, total.deferrableKw);
    needKw -= shedDeferrable;
    const double shedComfort = std::min(needKw, total.comfortKw);
    needKw -= shedComfort;
    Hive& hive = s.hive;
    if (needKw > 0 && hive.present) {
        const double socAfter = hive.socKwh - f.hiveDischargeKw * stepHours_ / hive.etaDischarge;
        const double reserveKw = std::min({needKw, hive.dischargeKw - f.hiveDischargeKw,
                                           batteryDischargeRoom(socAfter, hive.socMinKwh,
                                                                hive.etaDischarge, stepHours_)});
        if (reserveKw > 0) {
            f.hiveDischargeKw += reserveKw;
            needKw -= reserveKw;
        }
    }
    const double shedCritical = std::min(needKw, total.criticalKw);
    shed(r, shedDeferrable, shedComfort, shedCritical, total.deferrableKw, total.comfortKw,
         total.criticalKw);
}

// Spreads curtailment over the households that inject, in proportion to their injection.
void Simulator::curtail(int r, double curtailKw) {
    RucheState& s = ruchesState_[r];
    if (s.positiveNetKw <= 0) return;
    const double share = curtailKw / s.positiveNetKw;
    const std::size_t end = static_cast<std::size_t>(s.first + s.count);
    for (std::size_t i = static_cast<std::size_t>(s.first); i < end; ++i) {
        AlveoleStep& a = alveoleSteps_[i];
        if (a.netKw <= 0) continue;
        const double cut = a.netKw * share;
        a.pvUsedKw -= cut;
        a.netKw -= cut;
        exportTodayKwh_[i] -= cut * stepHours_;
    }
    rucheSteps_[r].flows.pvUsedKw -= curtailKw;
}

// Sheds each class in the same proportion in every household in deficit.
void Simulator::shed(int r, double deferrableKw, double comfortKw, double criticalKw,
                     double totalDeferrable, double totalComfort, double totalCritical) {
    const auto fraction = [](double part, double whole) { return whole > 0 ? part / whole : 0.0; };
    const double fd = fraction(deferrableKw, totalDeferrable);
    const double fc = fraction(comfortKw, totalComfort);
    const double fk = fraction(criticalKw, totalCritical);
    RucheState& s = ruchesState_[r];
    const std::size_t end = static_cast<std::size_t>(s.first + s.count);
    for (std::size_t i = static_cast<std::size_t>(s.first); i < end; ++i) {
        AlveoleStep& a = alveoleSteps_[i];
        if (a.netKw >= 0) continue;
        const Sheddable c = sheddable(-a.netKw, a.shedKw, a);
        const double cut = c.deferrableKw * fd + c.comfortKw * fc + c.criticalKw * fk;
        a.shedKw += cut;
        a.netKw += cut;
        importTodayKwh_[i] -= cut * stepHours_;
    }
    RucheStep& rs = rucheSteps_[r];
    rs.flows.shedKw += deferrableKw + comfortKw + criticalKw;
    rs.shedDeferrableKw += deferrableKw;
    rs.shedComfortKw += comfortKw;
    rs.shedCriticalKw += criticalKw;
}

void Simulator::finishRuche(int r, double importPrice, double exportPrice) {
    RucheState& s = ruchesState_[r];
    RucheStep& rs = rucheSteps_[r];
    const model::RucheFlows& f = rs.flows;
    const double h = stepHours_;
    if (s.hive.present) {
        s.hive.socKwh += h * (s.hive.etaCharge * f.hiveChargeKw -
                              f.hiveDischargeKw / s.hive.etaDischarge);
        rs.stores.hiveSocKwh = s.hive.socKwh;
        rs.stores.hiveCapacityKwh = fleet_.topology.ruches[r].hiveStore->capacityKwh;
    }
    if (s.season.present) {
        s.season.levelKwh += h * (s.season.etaElectrolyzer * f.electrolyzerKw -
                                  f.fuelCellKw / s.season.etaFuelCell);
        rs.stores.h2LevelKwh = s.season.levelKwh;
        rs.stores.h2TankKwh = s.season.tankKwh;
    }
    s.servedKwh += (f.loadKw - f.shedKw) * h;
    s.importKwh += f.importKw * h;
    s.exportKwh += f.exportKw * h;
    s.pvAvailableKwh += f.pvAvailableKw * h;
    s.pvUsedKwh += f.pvUsedKw * h;
    s.peakImportKw = std::max(s.peakImportKw, f.importKw);
    s.costToday += h * (f.importKw * importPrice - f.exportKw * exportPrice);
}

double Simulator::importPriceNow() const {
    return importPriceAt(fleet_.options, lastStepStartUtc());
}

double Simulator::exportPriceNow() const {
    return exportPriceAt(fleet_.options, lastStepStartUtc());
}

model::EssaimSnapshotPtr Simulator::snapshot(model::SimSpeed speed) const {
    auto snap = std::make_shared<model::EssaimSnapshot>();
    snap->simTimeUtc = lastStepStartUtc();
    snap->stepIndex = stepsDone_ > 0 ? stepsDone_ - 1 : 0;
    snap->stepMinutes = fleet_.options.stepMinutes;
    snap->speed = speed;
    snap->gridConnected = !islandedAt(snap->stepIndex);
    snap->importPrice = importPriceNow();
    snap->exportPrice = exportPriceNow();
    const auto& ruches = fleet_.topology.ruches;
    for (std::size_t r = 0; r < ruches.size(); ++r) {
        const RucheState& s = ruchesState_[r];
        model::RucheSnapshot row;
        row.id = ruches[r].id;
        row.alveoleCount = s.count;
        row.hasGate = s.hasGate;
        row.importLimitKw = s.importLimitKw;
        row.exportLimitKw = s.exportLimitKw;
        row.flows = rucheSteps_[r].flows;
        row.stores = rucheSteps_[r].stores;
        if (stepsDone_ == 0) {   // initial levels before any step
            row.stores.hiveSocKwh = s.hive.socKwh;
            row.stores.hiveCapacityKwh = s.hive.present ? ruches[r].hiveStore->capacityKwh : 0;
            row.stores.h2LevelKwh = s.season.levelKwh;
            row.stores.h2TankKwh = s.season.tankKwh;
        }
        const double served = s.servedKwh;
        row.today.selfSufficiency = served > 0 ? std::clamp(1 - s.importKwh / served, 0.0, 1.0) : 0;
        row.today.selfConsumption =
            s.pvAvailableKwh > 0
                ? std::clamp((s.pvUsedKwh - s.exportKwh) / s.pvAvailableKwh, 0.0, 1.0) : 0;
        row.today.peakImportKw = s.peakImportKw;
        row.today.costToday = s.costToday;
        snap->ruches.push_back(std::move(row));
    }
    for (std::size_t k = 0; k < lineSteps_.size(); ++k) {
        model::LineSnapshot line;
        line.id = fleet_.topology.lines[k].id;
        line.fromRuche = lineSteps_[k].fromRuche;
        line.toRuche = lineSteps_[k].toRuche;
        line.flowKw = lineSteps_[k].flowKw;
        line.capacityKw = lineSteps_[k].capacityKw;
        line.lossKw = lineSteps_[k].lossKw;
        snap->lines.push_back(line);
    }
    auto rows = std::make_shared<std::vector<model::AlveoleRow>>();
    rows->reserve(alveoleSteps_.size());
    std::size_t i = 0;
    for (std::size_t r = 0; r < ruches.size(); ++r) {
        for (const auto& a : ruches[r].alveoles) {
            const AlveoleStep& st = alveoleSteps_[i];
            model::AlveoleRow row;
            row.id = a.id;
            row.rucheIndex = static_cast<int>(r);
            row.loadKw = st.loadKw;
            row.pvKw = st.pvUsedKw;
            row.netKw = st.netKw;
            row.shedKw = st.shedKw;
            row.socKwh = socKwh_[i];
            row.batteryCapacityKwh = capacityKwh_[i];
            row.annualLoadKwh = fleet_.households[i].annualKwh;
            row.pvPeakKw = fleet_.households[i].pvPeakKw;
            row.importTodayKwh = importTodayKwh_[i];
            row.exportTodayKwh = exportTodayKwh_[i];
            rows->push_back(std::move(row));
            ++i;
        }
    }
    snap->alveoles = std::move(rows);
    return snap;
}

}  // namespace swarmergy::simulation
