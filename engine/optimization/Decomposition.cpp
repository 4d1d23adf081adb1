// Scalable path: decomposition across alvéoles, stores, ruches and lines (README.md).
//
// Primal: block-coordinate descent (Gauss–Seidel best responses) on the exact problem reduced
// to the stores' decisions. At every ruche and step, curtailment, shedding and the gate are
// the "closing" resources: for a core residual ρ (Σ of the alvéoles' pv − load + battery
// output, stores and lines) the cheapest way to close the balance is the convex
// piecewise-linear W_t(ρ) = min_Z Clo_t(Z) + G_t(ρ + Z), Clo_t being the aggregate
// curtail/shed cost (an infimal convolution of every alvéole's own range) and G_t the gate.
// Each store in turn solves its exact DP (StorageDp) against W_t with the others fixed, so the
// schedule stays feasible and its cost never rises. Ruches run in parallel (lines fixed),
// lines are re-optimised step by step in between.
//
// Bound: for prices λ (cu/kWh per ruche and step), the LP's Lagrangian separates into one
// LP per alvéole (an exact StorageDp with φ_t linear in λ, or a closed form without battery),
// per store, per gate and per line; their exact optima sum to L(λ) <= optimum (weak duality).
// λ starts at the marginal closing cost of the primal and is improved by Polyak subgradient
// steps (Polyak 1969; Boyd, Xiao & Mutapcic, "Subgradient methods", 2003, §3).

#include "engine/optimization/Dispatch.h"
#include "engine/optimization/ScheduleRepair.h"
#include "engine/optimization/StorageDp.h"

#include <algorithm>
#include <atomic>
#include <cassert>
#include <chrono>
#include <cmath>
#include <functional>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <unordered_map>

namespace swarmergy::optimization {

namespace {

using Clock = std::chrono::steady_clock;

// Tuning of the best-response rounds, measured on generated essaims (README.md).
constexpr double kSmoothShareOfMeanLoad = 1.0;   // kink spreading half-width, share of the mean load
constexpr int kSmoothPieces = 4;
constexpr double kSmoothShrink = 0.25;
constexpr double kSmoothLast = 0.05;
constexpr int kSweepsPerSmoothStage = 2;
constexpr int kBoundSteps = 6;
constexpr double kElasticStopShare = 2e-5;        // of the gap scale, per sweep
constexpr double kLevelSlackKwh = 1e-9;           // round-off let through on a store's level

double seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

void parallelFor(std::size_t count, int threads, const std::function<void(std::size_t, int)>& body)
{
    if (threads <= 1 || count < 2) {
        for (std::size_t i = 0; i < count; ++i) body(i, 0);
        return;
    }
    std::atomic<std::size_t> next{0};
    auto worker = [&](int id) {
        for (std::size_t i = next++; i < count; i = next++) body(i, id);
    };
    std::vector<std::thread> pool;
    for (int id = 1; id < threads; ++id) pool.emplace_back(worker, id);
    worker(0);
    for (auto& t : pool) t.join();
}

StorageParams batteryParams(const model::Battery& b)
{
    StorageParams p;
    p.inKw = b.chargeKw;
    p.outKw = b.dischargeKw;
    p.etaIn = b.etaCharge;
    p.etaOut = b.etaDischarge;
    p.cycleCostPerKwh = b.cycleCostPerKwh;
    p.minKwh = b.socMinKwh;
    p.maxKwh = b.socMaxKwh;
    p.startKwh = b.soc0Kwh;
    p.finalMinKwh = b.soc0Kwh;
    return p;
}

StorageParams seasonParams(const model::SeasonStore& s)
{
    StorageParams p;
    p.inKw = s.electrolyzerKw;
    p.outKw = s.fuelCellKw;
    p.etaIn = s.etaElectrolyzer;
    p.etaOut = s.etaFuelCell;
    p.minKwh = 0;
    p.maxKwh = s.tankKwh;
    p.startKwh = s.level0Kwh;
    p.finalMinKwh = 0;
    p.terminalValuePerKwh = s.terminalValuePerKwh;
    return p;
}

// One alvéole's curtail (z < 0, free) / shed (z > 0, at voll) range given its core net x0,
// so that x0 + z stays within ±connection.
struct ClosingRange {
    double lo, hi, shedSlope;   // slope in cu per kW·step (Δ·voll)
};

ClosingRange closingRange(const model::Alveole& a, int t, double coreNetKw, double dtH)
{
    const double lo = std::max(-a.pvKw[t], -a.connectionKw - coreNetKw);
    const double hi = std::min(a.loadKw[t], a.connectionKw - coreNetKw);
    return {lo, std::max(lo, hi), dtH * a.vollPerKwh};
}

// Aggregate closing cost Clo(Z) of a ruche at one step: Σ of the alvéoles' ranges.
struct Closing {
    double loSum = 0, costAtLo = 0, freeLength = 0;
    std::vector<PwlSegment> shedBySlope;   // one entry per distinct Δ·voll, sorted by slope

    void add(const ClosingRange& r, double sign)
    {
        loSum += sign * r.lo;
        costAtLo += sign * r.shedSlope * std::max(r.lo, 0.0);
        freeLength += sign * std::max(0.0, std::min(r.hi, 0.0) - r.lo);
        const double shedLen = std::max(0.0, r.hi - std::max(r.lo, 0.0));
        auto it = std::lower_bound(shedBySlope.begin(), shedBySlope.end(), r.shedSlope,
                                   [](const PwlSegment& s, double slope) { return s.slope < slope; });
        if (it == shedBySlope.end() || it->slope != r.shedSlope) it = shedBySlope.insert(it, {0.0, r.shedSlope});
        it->length += sign * shedLen;
    }
    void toPwl(ConvexPwl& f) const
    {
        f.start = loSum;
        f.valueAtStart = costAtLo;
        f.segments.clear();
        if (freeLength > 1e-12) f.segments.push_back({freeLength, 0.0});
        for (const auto& s : shedBySlope)
            if (s.length > 1e-12) f.segments.push_back(s);
    }
};

ConvexPwl gateCost(const model::Scenario& s, const model::Ruche& r, int t)
{
    ConvexPwl g;
    if (!(s.grid.connected && r.gate)) return g;   // domain {0}
    const double dtH = s.stepHours();
    g.start = -r.gate->importLimitKw;
    g.valueAtStart = dtH * s.grid.importPrice[t] * r.gate->importLimitKw;
    if (r.gate->importLimitKw > 0) g.segments.push_back({r.gate->importLimitKw, -dtH * s.grid.importPrice[t]});
    if (r.gate->exportLimitKw > 0) g.segments.push_back({r.gate->exportLimitKw, -dtH * s.grid.exportPrice[t]});
    return g;
}

// argmin over λ in [lo, hi] of Σ_k dist(λ, [a_k, b_k]): a convex piecewise-linear function
// whose slope changes only at range ends, so one of them (or lo / hi) is optimal.
double leastViolating(const std::vector<std::pair<double, double>>& ranges, double lo, double hi)
{
    auto violation = [&](double x) {
        double v = 0;
        for (const auto& [a, b] : ranges) v += x < a ? a - x : (x > b ? x - b : 0);
        return v;
    };
    double best = lo, bestV = violation(lo);
    auto tryAt = [&](double x) {
        if (!(x >= lo && x <= hi)) return;
        const double v = violation(x);
        if (v < bestV) best = x, bestV = v;
    };
    tryAt(hi);
    for (const auto& [a, b] : ranges) {
        tryAt(a);
        tryAt(b);
    }
    return best;
}

// A relaxation of the scenario with far fewer variables: in every ruche, the alvéoles of one
// class become one alvéole with the summed load, PV, connection and battery. A class is a value
// of lost load and, for alvéoles with a battery, its efficiencies and cycle cost; alvéoles
// without a battery join a class of their value of lost load that has one (its battery is the
// sum of its members' batteries). Any schedule of the scenario maps to one of the relaxation
// at the same cost (sum the alvéoles of a class: the dynamics are the same linear map, the
// bounds add up, |Σ x_i| <= Σ connection_i), so the relaxation's LP optimum is a lower bound
// on the scenario's optimum. Fewer classes, a smaller LP: generated ruches have one class.
std::vector<double> alveoleClassKey(const model::Alveole& a)
{
    std::vector<double> key{a.vollPerKwh, a.battery ? 1.0 : 0.0};
    if (a.battery) key.insert(key.end(), {a.battery->etaCharge, a.battery->etaDischarge, a.battery->cycleCostPerKwh});
    return key;
}

// Index of each alvéole's class in its ruche: the classes of the alvéoles with a battery in
// order of first appearance, then those without join the first class of their value of lost
// load (or open one).
std::vector<std::size_t> alveoleClasses(const model::Ruche& r)
{
    std::vector<std::vector<double>> keys;
    std::vector<std::size_t> index(r.alveoles.size(), 0);
    for (bool withBattery : {true, false}) {
        for (std::size_t i = 0; i < r.alveoles.size(); ++i) {
            const auto& a = r.alveoles[i];
            if (a.battery.has_value() != withBattery) continue;
            const auto key = alveoleClassKey(a);
            std::size_t k = 0;
            if (withBattery) {
                while (k < keys.size() && keys[k] != key) ++k;
            } else {
                while (k < keys.size() && keys[k][0] != a.vollPerKwh) ++k;
            }
            if (k == keys.size()) keys.push_back(key);
            index[i] = k;
        }
    }
    return index;
}

model::Scenario aggregateAlveoleClasses(const model::Scenario& s)
{
    // Everything but the alvéoles (copying 50,000 alvéoles' series only to replace them costs
    // a tenth of a second).
    model::Scenario agg;
    agg.name = s.name;
    agg.start = s.start;
    agg.stepMinutes = s.stepMinutes;
    agg.steps = s.steps;
    agg.grid = s.grid;
    agg.lines = s.lines;
    agg.ruches.reserve(s.ruches.size());
    for (const auto& source : s.ruches) {
        model::Ruche& r = agg.ruches.emplace_back();
        r.id = source.id;
        r.gate = source.gate;
        r.hiveStore = source.hiveStore;
        r.seasonStore = source.seasonStore;
        const std::vector<std::size_t> cls = alveoleClasses(source);
        std::size_t count = 0;
        for (std::size_t k : cls) count = std::max(count, k + 1);
        std::vector<model::Alveole> classes(count);
        for (std::size_t k = 0; k < count; ++k) {
            classes[k].id = r.id + "-class-" + std::to_string(k);
            classes[k].connectionKw = 0;
            classes[k].loadKw.assign(s.steps, 0.0);
            classes[k].pvKw.assign(s.steps, 0.0);
        }
        for (std::size_t i = 0; i < source.alveoles.size(); ++i) {
            const auto& a = source.alveoles[i];
            auto& c = classes[cls[i]];
            c.vollPerKwh = a.vollPerKwh;
            c.connectionKw += a.connectionKw;
            for (int t = 0; t < s.steps; ++t) {
                c.loadKw[t] += a.loadKw[t];
                c.pvKw[t] += a.pvKw[t];
            }
            if (a.battery) {
                if (!c.battery) {
                    c.battery = model::Battery{};
                    c.battery->etaCharge = a.battery->etaCharge;
                    c.battery->etaDischarge = a.battery->etaDischarge;
                    c.battery->cycleCostPerKwh = a.battery->cycleCostPerKwh;
                }
                auto& b = *c.battery;
                b.capacityKwh += a.battery->capacityKwh;
                b.chargeKw += a.battery->chargeKw;
                b.dischargeKw += a.battery->dischargeKw;
                b.soc0Kwh += a.battery->soc0Kwh;
                b.socMinKwh += a.battery->socMinKwh;
                b.socMaxKwh += a.battery->socMaxKwh;
            }
        }
        r.alveoles = std::move(classes);
    }
    return agg;
}

// Scratch space of one worker thread.
struct Scratch {
    std::vector<std::pair<double, double>> kinks;
    StorageDp dp;
    StoragePlan plan;
    std::vector<ConvexPwl> phi;
    ConvexPwl clo, mirror, w, tmp, kappa;
};

struct StoreRef {
    StorageParams params;
    std::vector<double> inKw, outKw;
    std::vector<double> levelKwh;
    double cycleCostPerKwh = 0;
};

struct AlveoleState {
    const model::Alveole* alveole = nullptr;
    std::optional<StoreRef> battery;
};

struct RucheState {
    const model::Ruche* ruche = nullptr;
    std::vector<AlveoleState> alveoles;
    std::optional<StoreRef> hive, season;
    std::vector<double> coreKw;        // ρ_t
    std::vector<Closing> closing;      // Clo_t
    std::vector<ConvexPwl> gate;       // G_t
    double smoothWidthKw = 0;          // kink spreading of W_t in the first rounds
    double elasticReachKw = 0;         // how far the elastic phase extends W_t beyond its domain
    // λ_t range for which every store's last best response is also optimal (KKT of its DP).
    std::vector<double> priceLo, priceHi;
    std::vector<std::vector<std::pair<double, double>>> priceRanges;   // per step, one per store
};

double outMinusIn(const StoreRef& s, int t) { return s.outKw[t] - s.inKw[t]; }

class Decomposition {
public:
    Decomposition(const model::Scenario& s, const DispatchOptions& o)
        : s_(s), o_(o), dtH_(s.stepHours()), T_(s.steps)
    {
        threads_ = o.threads > 0 ? o.threads : std::max(1u, std::thread::hardware_concurrency());
        scratch_.resize(threads_);
        const auto started = Clock::now();
        init();
        initSeconds_ = seconds(started);
    }

    DispatchResult run();

private:
    void init();
    double coreNet(const AlveoleState& a, int t) const
    {
        const double b = a.battery ? outMinusIn(*a.battery, t) : 0.0;
        return a.alveole->pvKw[t] - a.alveole->loadKw[t] + b;
    }
    // W_t(v) of ruche r (closing cost of a core residual v), optionally without alvéole `skip`.
    void closingCostOf(const RucheState& r, int t, const AlveoleState* skip, Scratch& sc, ConvexPwl& w,
                       bool smooth = false) const;
    // Domain of W_t(v) without alvéole `skip` (elastic reach included), without building W.
    void closingDomainWithout(const RucheState& r, int t, const AlveoleState& skip, double& lo, double& hi) const;
    void notePrices(RucheState& r, const StorageParams& p, const StoragePlan& plan);
    void bestResponseAlveole(RucheState& r, AlveoleState& a, Scratch& sc);
    void bestResponseStore(RucheState& r, StoreRef& store, Scratch& sc);
    void sweepRuche(RucheState& r, Scratch& sc);
    void sweepLines();
    double objective() const;
    double rucheStepCost(const RucheState& r, int t, Scratch& sc) const;
    // Lagrangian
    double lagrangian(const std::vector<std::vector<double>>& lambda, std::vector<std::vector<double>>& injection);
    void priceRanges(std::vector<std::vector<double>>& lo, std::vector<std::vector<double>>& hi);
    void propagateLinePrices(std::vector<std::vector<double>>& lo, std::vector<std::vector<double>>& hi);
    void pricesAt(const std::vector<std::vector<double>>& lo, const std::vector<std::vector<double>>& hi, double position,
                  std::vector<std::vector<double>>& lambda) const;
    model::Schedule assemble() const;
    void startFrom(const model::Schedule& relaxedSchedule);
    DispatchResult solveRelaxation(double& bound);
    void disaggregate(RucheState& r, const model::RucheSchedule& relaxed, Scratch& sc);
    bool rucheFeasible(const RucheState& r, Scratch& sc) const;
    bool stepFeasible(const RucheState& r, int t, Scratch& sc) const;

    const model::Scenario& s_;
    const DispatchOptions& o_;
    double dtH_;
    int T_;
    int threads_ = 1;
    mutable std::vector<Scratch> scratch_;
    std::vector<RucheState> ruches_;
    std::unordered_map<std::string, int> rucheIndex_;
    std::vector<std::vector<double>> lineFlowKw_;   // net, + from -> to
    double smoothFactor_ = 0;
    double elasticPerKw_ = 0;
    double aggregateBound_ = -std::numeric_limits<double>::infinity();
    double initSeconds_ = 0;   // the constructor's init(), reported as a phase
};

void Decomposition::init()
{
    for (const auto& r : s_.ruches) {
        rucheIndex_[r.id] = static_cast<int>(ruches_.size());
        RucheState rs;
        rs.ruche = &r;
        for (const auto& a : r.alveoles) {
            AlveoleState as;
            as.alveole = &a;
            if (a.battery) {
                StoreRef b{batteryParams(*a.battery), std::vector<double>(T_, 0.0), std::vector<double>(T_, 0.0),
                           std::vector<double>(T_ + 1, a.battery->soc0Kwh), a.battery->cycleCostPerKwh};
                as.battery = b;
            }
            rs.alveoles.push_back(std::move(as));
        }
        if (r.hiveStore)
            rs.hive = StoreRef{batteryParams(*r.hiveStore), std::vector<double>(T_, 0.0), std::vector<double>(T_, 0.0),
                               std::vector<double>(T_ + 1, r.hiveStore->soc0Kwh), r.hiveStore->cycleCostPerKwh};
        if (r.seasonStore)
            rs.season = StoreRef{seasonParams(*r.seasonStore), std::vector<double>(T_, 0.0), std::vector<double>(T_, 0.0),
                                 std::vector<double>(T_ + 1, r.seasonStore->level0Kwh), 0.0};
        rs.coreKw.assign(T_, 0.0);
        double meanLoadKw = 0;
        for (const auto& a : r.alveoles)
            for (double l : a.loadKw) meanLoadKw += l / T_;
        rs.smoothWidthKw = kSmoothShareOfMeanLoad * meanLoadKw;
        double reach = 1;
        for (const auto& a : r.alveoles) reach += 2 * a.connectionKw;
        if (r.hiveStore) reach += r.hiveStore->chargeKw + r.hiveStore->dischargeKw;
        if (r.seasonStore) reach += r.seasonStore->electrolyzerKw + r.seasonStore->fuelCellKw;
        for (const auto& l : s_.lines)
            if (l.from == r.id || l.to == r.id) reach += 2 * l.capacityKw;
        rs.elasticReachKw = reach;
        rs.closing.assign(T_, Closing{});
        for (int t = 0; t < T_; ++t) {
            rs.gate.push_back(gateCost(s_, r, t));
            for (const auto& as : rs.alveoles) {
                const double x0 = coreNet(as, t);
                rs.coreKw[t] += x0;
                rs.closing[t].add(closingRange(*as.alveole, t, x0, dtH_), +1);
            }
        }
        ruches_.push_back(std::move(rs));
    }
    lineFlowKw_.assign(s_.lines.size(), std::vector<double>(T_, 0.0));
}

void Decomposition::closingCostOf(const RucheState& r, int t, const AlveoleState* skip, Scratch& sc, ConvexPwl& w,
                                  bool smooth) const
{
    if (skip) {
        Closing without = r.closing[t];
        without.add(closingRange(*skip->alveole, t, coreNet(*skip, t), dtH_), -1);
        without.toPwl(sc.clo);
    } else {
        r.closing[t].toPwl(sc.clo);
    }
    sc.mirror = mirrored(sc.clo);
    infConvolve(r.gate[t], sc.mirror, w);   // W(v) = min_u G(u) + Clo(u − v)
    if (smooth && smoothFactor_ > 0) spreadKinks(w, smoothFactor_ * r.smoothWidthKw, kSmoothPieces, sc.kinks);
    if (elasticPerKw_ > 0) {
        // Elastic phase: a bus that cannot close pays elasticPerKw_ per kW missing (an exact
        // penalty), so best responses can start from a plan that is not yet feasible.
        const double reach = r.elasticReachKw;
        const double firstSlope = w.segments.empty() ? 0.0 : w.segments.front().slope;
        const double lastSlope = w.segments.empty() ? 0.0 : w.segments.back().slope;
        const double leftSlope = std::min(firstSlope, 0.0) - elasticPerKw_;
        w.start -= reach;
        w.valueAtStart -= leftSlope * reach;
        w.segments.insert(w.segments.begin(), PwlSegment{reach, leftSlope});
        w.segments.push_back(PwlSegment{reach, std::max(lastSlope, 0.0) + elasticPerKw_});
    }
}

// W(v) = min_u G(u) + Clo(u − v) is finite for v in [G.start − Clo.end, G.end − Clo.start];
// Clo's domain is [Σ lo_i, Σ hi_i] over the alvéoles' closing ranges.
void Decomposition::closingDomainWithout(const RucheState& r, int t, const AlveoleState& skip, double& lo, double& hi) const
{
    const Closing& c = r.closing[t];
    double length = c.freeLength;
    for (const auto& seg : c.shedBySlope) length += seg.length;
    const ClosingRange own = closingRange(*skip.alveole, t, coreNet(skip, t), dtH_);
    const double cloStart = c.loSum - own.lo;
    const double cloEnd = cloStart + std::max(0.0, length - (own.hi - own.lo));
    const ConvexPwl& g = r.gate[t];
    lo = g.start - cloEnd;
    hi = g.end() - cloStart;
    if (elasticPerKw_ > 0) {
        lo -= r.elasticReachKw;
        hi += r.elasticReachKw;
    }
}

double Decomposition::rucheStepCost(const RucheState& r, int t, Scratch& sc) const
{
    closingCostOf(r, t, nullptr, sc, sc.w);
    const double v = std::min(std::max(r.coreKw[t], sc.w.start), sc.w.end());
    return sc.w.value(v);
}

void Decomposition::bestResponseAlveole(RucheState& r, AlveoleState& a, Scratch& sc)
{
    const model::Alveole& al = *a.alveole;
    sc.phi.resize(T_);
    for (int t = 0; t < T_; ++t) {
        closingCostOf(r, t, &a, sc, sc.w, true);
        const double others = r.coreKw[t] - coreNet(a, t);
        shiftRight(sc.w, -others);   // Ψ(x) = W_{-i}(others + x)
        restrictTo(sc.w, -al.connectionKw, al.connectionKw);
        // κ̌: own shed (slope −Δvoll) then own curtailment (free), as a function of x0 − x.
        sc.kappa.start = -al.loadKw[t];
        sc.kappa.valueAtStart = dtH_ * al.vollPerKwh * al.loadKw[t];
        sc.kappa.segments.clear();
        if (al.loadKw[t] > 0) sc.kappa.segments.push_back({al.loadKw[t], -dtH_ * al.vollPerKwh});
        if (al.pvKw[t] > 0) sc.kappa.segments.push_back({al.pvKw[t], 0.0});
        infConvolve(sc.w, sc.kappa, sc.phi[t]);
        shiftRight(sc.phi[t], -(al.pvKw[t] - al.loadKw[t]));   // as a function of b = x0 − (pv − load)
    }
    if (!sc.dp.solve(a.battery->params, dtH_, sc.phi, sc.plan)) return;   // keep the current plan
    // The alvéole's battery prices its own node; that is the ruche's price unless the
    // connection can bind, so only alvéoles far from their connection limit speak for the ruche.
    bool connectionFree = true;
    for (int t = 0; t < T_ && connectionFree; ++t) {
        const double x0 = al.pvKw[t] - al.loadKw[t] + sc.plan.outKw[t] - sc.plan.inKw[t];
        connectionFree = x0 - al.pvKw[t] > -al.connectionKw && x0 + al.loadKw[t] < al.connectionKw;
    }
    if (connectionFree) notePrices(r, a.battery->params, sc.plan);
    for (int t = 0; t < T_; ++t) {
        r.closing[t].add(closingRange(al, t, coreNet(a, t), dtH_), -1);
        r.coreKw[t] -= coreNet(a, t);
        a.battery->inKw[t] = sc.plan.inKw[t];
        a.battery->outKw[t] = sc.plan.outKw[t];
        r.coreKw[t] += coreNet(a, t);
        r.closing[t].add(closingRange(al, t, coreNet(a, t), dtH_), +1);
    }
    a.battery->levelKwh = sc.plan.levelKwh;
}

void Decomposition::bestResponseStore(RucheState& r, StoreRef& store, Scratch& sc)
{
    sc.phi.resize(T_);
    for (int t = 0; t < T_; ++t) {
        closingCostOf(r, t, nullptr, sc, sc.phi[t], true);
        shiftRight(sc.phi[t], -(r.coreKw[t] - outMinusIn(store, t)));
    }
    if (!sc.dp.solve(store.params, dtH_, sc.phi, sc.plan)) return;
    notePrices(r, store.params, sc.plan);
    for (int t = 0; t < T_; ++t) {
        r.coreKw[t] += sc.plan.outKw[t] - sc.plan.inKw[t] - outMinusIn(store, t);
        store.inKw[t] = sc.plan.inKw[t];
        store.outKw[t] = sc.plan.outKw[t];
    }
    store.levelKwh = sc.plan.levelKwh;
}

// KKT of the store's step at its plan: moving out/in by a small amount must not pay at price λ
// given the marginal value of its level (−V'_{t+1}): the range of λ where that holds.
void Decomposition::notePrices(RucheState& r, const StorageParams& p, const StoragePlan& plan)
{
    const double eps = 1e-7;
    for (int t = 0; t < T_; ++t) {
        const double dL = plan.nextSlopeLeft[t], dR = plan.nextSlopeRight[t];
        const double c = p.cycleCostPerKwh;
        double lo = -std::numeric_limits<double>::infinity(), hi = std::numeric_limits<double>::infinity();
        if (plan.outKw[t] > eps) lo = std::max(lo, c - dR / p.etaOut);
        if (plan.outKw[t] < p.outKw - eps) hi = std::min(hi, c - dL / p.etaOut);
        if (plan.inKw[t] < p.inKw - eps) lo = std::max(lo, -c - p.etaIn * dR);
        if (plan.inKw[t] > eps) hi = std::min(hi, -c - p.etaIn * dL);
        r.priceLo[t] = std::max(r.priceLo[t], lo);
        r.priceHi[t] = std::min(r.priceHi[t], hi);
        r.priceRanges[t].emplace_back(lo, hi);
    }
}

void Decomposition::sweepRuche(RucheState& r, Scratch& sc)
{
    r.priceLo.assign(T_, -std::numeric_limits<double>::infinity());
    r.priceHi.assign(T_, std::numeric_limits<double>::infinity());
    r.priceRanges.resize(T_);
    for (auto& v : r.priceRanges) v.clear();
    for (auto& a : r.alveoles)
        if (a.battery) bestResponseAlveole(r, a, sc);
    if (r.hive) bestResponseStore(r, *r.hive, sc);
    if (r.season) bestResponseStore(r, *r.season, sc);
}

// Injections of a line's net flow f (kW, + from -> to) into its two ruches.
std::pair<double, double> lineInjections(double f, double loss)
{
    if (f >= 0) return {-f, (1 - loss) * f};
    return {-(1 - loss) * f, f};
}

void Decomposition::sweepLines()
{
    Scratch& sc = scratch_[0];
    ConvexPwl wa, wb;
    std::vector<double> candidates;
    for (std::size_t l = 0; l < s_.lines.size(); ++l) {
        const auto& line = s_.lines[l];
        RucheState& a = ruches_[rucheIndex_.at(line.from)];
        RucheState& b = ruches_[rucheIndex_.at(line.to)];
        for (int t = 0; t < T_; ++t) {
            const auto [ia, ib] = lineInjections(lineFlowKw_[l][t], line.loss);
            const double ra = a.coreKw[t] - ia, rb = b.coreKw[t] - ib;
            closingCostOf(a, t, nullptr, sc, wa, true);
            closingCostOf(b, t, nullptr, sc, wb, true);
            auto cost = [&](double f) {
                const auto [ja, jb] = lineInjections(f, line.loss);
                const double va = ra + ja, vb = rb + jb;
                const double tol = 1e-9;
                if (va < wa.start - tol || va > wa.end() + tol || vb < wb.start - tol || vb > wb.end() + tol)
                    return std::numeric_limits<double>::infinity();
                return wa.value(std::min(std::max(va, wa.start), wa.end())) + wb.value(std::min(std::max(vb, wb.start), wb.end()));
            };
            // Candidates: where either ruche's closing cost bends, on both directions, and the ends.
            candidates.assign({0.0, line.capacityKw, -line.capacityKw, lineFlowKw_[l][t]});
            std::vector<double> bpA, bpB;
            wa.breakpoints(bpA);
            wb.breakpoints(bpB);
            for (double p : bpA) candidates.insert(candidates.end(), {ra - p, -(p - ra) / (1 - line.loss)});
            for (double p : bpB) candidates.insert(candidates.end(), {(p - rb) / (1 - line.loss), -(p - rb)});
            double best = lineFlowKw_[l][t], bestCost = cost(best);
            for (double f : candidates) {
                f = std::min(std::max(f, -line.capacityKw), line.capacityKw);
                const double c = cost(f);
                if (c < bestCost - 1e-12) best = f, bestCost = c;
            }
            const auto [na, nb] = lineInjections(best, line.loss);
            a.coreKw[t] = ra + na;
            b.coreKw[t] = rb + nb;
            lineFlowKw_[l][t] = best;
        }
    }
}

double Decomposition::objective() const
{
    double cost = 0;
    Scratch& sc = scratch_[0];
    auto storeCost = [&](const StoreRef& st) {
        double c = 0;
        for (int t = 0; t < T_; ++t) c += dtH_ * st.cycleCostPerKwh * (st.inKw[t] + st.outKw[t]);
        return c;
    };
    for (const auto& r : ruches_) {
        for (int t = 0; t < T_; ++t) cost += rucheStepCost(r, t, sc);
        for (const auto& a : r.alveoles)
            if (a.battery) cost += storeCost(*a.battery);
        if (r.hive) cost += storeCost(*r.hive);
        if (r.season) cost -= r.season->params.terminalValuePerKwh * (r.season->levelKwh.back() - r.season->params.startKwh);
    }
    return cost;
}

void Decomposition::priceRanges(std::vector<std::vector<double>>& lo, std::vector<std::vector<double>>& hi)
{
    constexpr double inf = std::numeric_limits<double>::infinity();
    Scratch& sc = scratch_[0];
    lo.assign(ruches_.size(), std::vector<double>(T_, 0.0));
    hi.assign(ruches_.size(), std::vector<double>(T_, 0.0));
    for (std::size_t r = 0; r < ruches_.size(); ++r) {
        const auto& rs = ruches_[r];
        for (int t = 0; t < T_; ++t) {
            closingCostOf(rs, t, nullptr, sc, sc.w);
            // Slopes of W left and right of ρ: λ = −W'/Δ lies between −right/Δ and −left/Δ.
            double left = 0, right = 0;
            slopesAt(sc.w, rs.coreKw[t], left, right);
            double a = -right / dtH_, b = -left / dtH_;
            // The stores' own KKT ranges pin λ inside a kink of W when they agree.
            if (!rs.priceLo.empty()) {
                const double sa = std::max(a, rs.priceLo[t]), sb = std::min(b, rs.priceHi[t]);
                if (sa <= sb) {
                    a = sa, b = sb;
                } else {
                    // The stores disagree (the plan is not exactly optimal): the λ in [a, b]
                    // that violates their ranges least in total, a median of the range ends.
                    a = b = leastViolating(rs.priceRanges[t], std::isfinite(a) ? a : std::min(b, rs.priceLo[t]),
                                           std::isfinite(b) ? b : std::max(a, rs.priceHi[t]));
                }
            }
            if (!std::isfinite(a) && !std::isfinite(b)) a = b = s_.grid.importPrice[t];
            else if (!std::isfinite(a)) a = b;
            else if (!std::isfinite(b)) b = a;
            lo[r][t] = a;
            hi[r][t] = b;
        }
    }
    propagateLinePrices(lo, hi);
    (void)inf;
}

// Line KKT on the price ranges: a line carrying power strictly inside its capacity needs
// λ_from = (1 − loss)·λ_to (and the mirror for the other direction); an idle line needs both
// λ_from >= (1 − loss)·λ_to and λ_to >= (1 − loss)·λ_from; a full one the opposite inequality.
// Bounds propagation, then one common position in every range keeps these relations.
void Decomposition::propagateLinePrices(std::vector<std::vector<double>>& lo, std::vector<std::vector<double>>& hi)
{
    if (s_.lines.empty()) return;
    auto atLeast = [](double& aLo, double& aHi, double& bLo, double& bHi, double k) {
        // a >= k·b
        bool changed = false;
        if (aLo < k * bLo) aLo = k * bLo, changed = true;
        if (bHi > aHi / k) bHi = aHi / k, changed = true;
        (void)aHi, (void)bLo;
        return changed;
    };
    for (int t = 0; t < T_; ++t) {
        const auto loT = [&](int r) -> double& { return lo[r][t]; };
        const auto hiT = [&](int r) -> double& { return hi[r][t]; };
        for (int pass = 0; pass < 64; ++pass) {
            bool changed = false;
            for (std::size_t l = 0; l < s_.lines.size(); ++l) {
                const auto& line = s_.lines[l];
                const int a = rucheIndex_.at(line.from), b = rucheIndex_.at(line.to);
                const double k = 1 - line.loss, f = lineFlowKw_[l][t], cap = line.capacityKw, eps = 1e-7;
                const bool forwardUp = f < cap - eps, forwardDown = f > eps;       // forward flow can rise / fall
                const bool backwardUp = -f < cap - eps, backwardDown = -f > eps;
                // forward variable: if it can rise, λ_a >= k λ_b; if it can fall, λ_a <= k λ_b.
                if (forwardUp && !backwardDown) changed |= atLeast(loT(a), hiT(a), loT(b), hiT(b), k);
                if (forwardDown) changed |= atLeast(loT(b), hiT(b), loT(a), hiT(a), 1 / k) ;
                if (backwardUp && !forwardDown) changed |= atLeast(loT(b), hiT(b), loT(a), hiT(a), k);
                if (backwardDown) changed |= atLeast(loT(a), hiT(a), loT(b), hiT(b), 1 / k);
            }
            if (!changed) break;
        }
        for (std::size_t r = 0; r < ruches_.size(); ++r)
            if (lo[r][t] > hi[r][t]) lo[r][t] = hi[r][t] = 0.5 * (lo[r][t] + hi[r][t]);   // inconsistent: give up
    }
}

void Decomposition::pricesAt(const std::vector<std::vector<double>>& lo, const std::vector<std::vector<double>>& hi,
                             double position, std::vector<std::vector<double>>& lambda) const
{
    lambda = lo;
    for (std::size_t r = 0; r < lo.size(); ++r)
        for (int t = 0; t < T_; ++t) lambda[r][t] = lo[r][t] + position * (hi[r][t] - lo[r][t]);
}

// Exact optimum of one alvéole's Lagrangian step without battery, and its net injection.
std::pair<double, double> alveoleStepNoBattery(const model::Alveole& a, int t, double lambda, double dtH)
{
    const double x0 = a.pvKw[t] - a.loadKw[t];
    const double lo = std::max(-a.connectionKw, x0 - a.pvKw[t]);
    const double hi = std::min(a.connectionKw, x0 + a.loadKw[t]);
    double bestX = lo, best = std::numeric_limits<double>::infinity();
    for (double x : {lo, hi, std::min(std::max(x0, lo), hi)}) {
        const double c = -dtH * lambda * x + dtH * a.vollPerKwh * std::max(0.0, x - x0);
        if (c < best) best = c, bestX = x;
    }
    return {best, bestX};
}

double Decomposition::lagrangian(const std::vector<std::vector<double>>& lambda, std::vector<std::vector<double>>& injection)
{
    injection.assign(ruches_.size(), std::vector<double>(T_, 0.0));
    std::vector<double> partial(ruches_.size(), 0.0);
    // Work items: one per ruche (its gate, stores and alvéoles without battery) plus one per
    // alvéole with a battery, so a single large ruche still spreads over the threads.
    struct Item {
        int ruche;
        int alveole;   // -1: the ruche's own items
    };
    std::vector<Item> items;
    for (std::size_t r = 0; r < ruches_.size(); ++r) {
        items.push_back({static_cast<int>(r), -1});
        for (std::size_t i = 0; i < ruches_[r].alveoles.size(); ++i)
            if (ruches_[r].alveoles[i].battery) items.push_back({static_cast<int>(r), static_cast<int>(i)});
    }
    std::vector<double> itemValue(items.size(), 0.0);
    std::vector<std::vector<double>> itemInjection(items.size());
    parallelFor(items.size(), threads_, [&](std::size_t k, int tid) {
        Scratch& sc = scratch_[tid];
        const RucheState& r = ruches_[items[k].ruche];
        const auto& lam = lambda[items[k].ruche];
        std::vector<double>& inj = itemInjection[k];
        inj.assign(T_, 0.0);
        double value = 0;
        auto storeTerm = [&](const StorageParams& p, double constant) {
            sc.phi.resize(T_);
            for (int t = 0; t < T_; ++t) sc.phi[t] = linearOn(-p.inKw, p.outKw, -dtH_ * lam[t]);
            if (!sc.dp.solve(p, dtH_, sc.phi, sc.plan)) return;
            value += sc.plan.cost + constant;
            for (int t = 0; t < T_; ++t) inj[t] += sc.plan.outKw[t] - sc.plan.inKw[t];
        };
        if (items[k].alveole < 0) {
            for (int t = 0; t < T_; ++t) {
                const double price = lam[t];
                if (s_.grid.connected && r.ruche->gate) {
                    const double imp = price > s_.grid.importPrice[t] ? r.ruche->gate->importLimitKw : 0.0;
                    const double exp = price < s_.grid.exportPrice[t] ? r.ruche->gate->exportLimitKw : 0.0;
                    value += dtH_ * ((s_.grid.importPrice[t] - price) * imp + (price - s_.grid.exportPrice[t]) * exp);
                    inj[t] += imp - exp;
                }
                for (const auto& a : r.alveoles) {
                    if (a.battery) continue;
                    const auto [c, x] = alveoleStepNoBattery(*a.alveole, t, price, dtH_);
                    value += c;
                    inj[t] += x;
                }
            }
            if (r.hive) storeTerm(r.hive->params, 0);
            if (r.season) storeTerm(r.season->params, r.season->params.terminalValuePerKwh * r.season->params.startKwh);
        } else {
            const model::Alveole& al = *r.alveoles[items[k].alveole].alveole;
            sc.phi.resize(T_);
            for (int t = 0; t < T_; ++t) {
                sc.w = linearOn(-al.connectionKw, al.connectionKw, -dtH_ * lam[t]);
                sc.kappa.start = -al.loadKw[t];
                sc.kappa.valueAtStart = dtH_ * al.vollPerKwh * al.loadKw[t];
                sc.kappa.segments.clear();
                if (al.loadKw[t] > 0) sc.kappa.segments.push_back({al.loadKw[t], -dtH_ * al.vollPerKwh});
                if (al.pvKw[t] > 0) sc.kappa.segments.push_back({al.pvKw[t], 0.0});
                infConvolve(sc.w, sc.kappa, sc.phi[t]);
                shiftRight(sc.phi[t], -(al.pvKw[t] - al.loadKw[t]));
            }
            if (sc.dp.solve(r.alveoles[items[k].alveole].battery->params, dtH_, sc.phi, sc.plan)) {
                value += sc.plan.cost;
                for (int t = 0; t < T_; ++t) {
                    // Net injection at the optimum: argmin of Ψ(x) + κ(x − x0) over x.
                    const double x0 = al.pvKw[t] - al.loadKw[t] + sc.plan.outKw[t] - sc.plan.inKw[t];
                    const double lo = std::max(-al.connectionKw, x0 - al.pvKw[t]);
                    const double hi = std::min(al.connectionKw, x0 + al.loadKw[t]);
                    double bestX = lo, best = std::numeric_limits<double>::infinity();
                    for (double x : {lo, hi, std::min(std::max(x0, lo), hi)}) {
                        const double c = -dtH_ * lam[t] * x + dtH_ * al.vollPerKwh * std::max(0.0, x - x0);
                        if (c < best) best = c, bestX = x;
                    }
                    inj[t] += bestX;
                }
            } else {
                value = std::numeric_limits<double>::quiet_NaN();   // cannot happen: b = 0 is feasible
            }
        }
        itemValue[k] = value;
    });
    double total = 0;
    for (std::size_t k = 0; k < items.size(); ++k) {
        total += itemValue[k];
        for (int t = 0; t < T_; ++t) injection[items[k].ruche][t] += itemInjection[k][t];
    }
    // Lines: each direction is a bounded variable with a linear Lagrangian cost.
    for (std::size_t l = 0; l < s_.lines.size(); ++l) {
        const auto& line = s_.lines[l];
        const int a = rucheIndex_.at(line.from), b = rucheIndex_.at(line.to);
        for (int t = 0; t < T_; ++t) {
            const double forward = dtH_ * (lambda[a][t] - (1 - line.loss) * lambda[b][t]);
            const double backward = dtH_ * (lambda[b][t] - (1 - line.loss) * lambda[a][t]);
            if (forward < 0) {
                total += forward * line.capacityKw;
                injection[a][t] -= line.capacityKw;
                injection[b][t] += (1 - line.loss) * line.capacityKw;
            }
            if (backward < 0) {
                total += backward * line.capacityKw;
                injection[b][t] -= line.capacityKw;
                injection[a][t] += (1 - line.loss) * line.capacityKw;
            }
        }
    }
    // Σ_t Δ λ_t Σ_i load is inside each alvéole's term already (x includes −load).
    return total;
}

model::Schedule Decomposition::assemble() const
{
    model::Schedule out;
    out.scenario = s_.name;
    out.ruches.resize(ruches_.size());
    parallelFor(ruches_.size(), threads_, [&](std::size_t index, int tid) {
        const RucheState& r = ruches_[index];
        Scratch& sc = scratch_[tid];
        model::RucheSchedule& rs = out.ruches[index];
        rs.id = r.ruche->id;
        rs.importKw.assign(T_, 0.0);
        rs.exportKw.assign(T_, 0.0);
        for (const auto& a : r.alveoles) {
            model::AlveoleSchedule as;
            as.id = a.alveole->id;
            as.pvUsedKw = a.alveole->pvKw;
            as.shedKw.assign(T_, 0.0);
            if (a.battery) as.battery = model::BatterySchedule{a.battery->inKw, a.battery->outKw, a.battery->levelKwh};
            rs.alveoles.push_back(std::move(as));
        }
        if (r.hive) rs.hiveStore = model::BatterySchedule{r.hive->inKw, r.hive->outKw, r.hive->levelKwh};
        if (r.season) rs.seasonStore = model::SeasonStoreSchedule{r.season->inKw, r.season->outKw, r.season->levelKwh};
        for (int t = 0; t < T_; ++t) {
            // Best closing Z at this step, then the gate takes ρ + Z.
            r.closing[t].toPwl(sc.clo);
            ConvexPwl g = r.gate[t];
            shiftRight(g, -r.coreKw[t]);   // Z ↦ G(ρ + Z)
            double z = 0, value = 0;
            if (!minimizeSum(sc.clo, g, z, value)) z = std::min(std::max(-r.coreKw[t], sc.clo.start), sc.clo.end());
            const double v = r.coreKw[t] + z;
            rs.importKw[t] = std::max(0.0, -v);
            rs.exportKw[t] = std::max(0.0, v);
            // Share Z out: every alvéole at its lower end, then free room (un-curtail), then
            // shedding by increasing value of lost load.
            std::vector<ClosingRange> ranges;
            double left = z;
            for (const auto& a : r.alveoles) {
                ranges.push_back(closingRange(*a.alveole, t, coreNet(a, t), dtH_));
                left -= ranges.back().lo;
            }
            std::vector<double> zi(ranges.size());
            for (std::size_t i = 0; i < ranges.size(); ++i) zi[i] = ranges[i].lo;
            for (std::size_t i = 0; i < ranges.size() && left > 0; ++i) {
                const double d = std::min(left, std::max(0.0, std::min(ranges[i].hi, 0.0) - ranges[i].lo));
                zi[i] += d;
                left -= d;
            }
            std::vector<std::size_t> order(ranges.size());
            for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
            std::stable_sort(order.begin(), order.end(),
                             [&](std::size_t x, std::size_t y) { return ranges[x].shedSlope < ranges[y].shedSlope; });
            for (std::size_t i : order) {
                if (left <= 0) break;
                const double d = std::min(left, std::max(0.0, ranges[i].hi - zi[i]));
                zi[i] += d;
                left -= d;
            }
            for (std::size_t i = 0; i < ranges.size(); ++i) {
                rs.alveoles[i].pvUsedKw[t] = r.alveoles[i].alveole->pvKw[t] - std::max(0.0, -zi[i]);
                rs.alveoles[i].shedKw[t] = std::max(0.0, zi[i]);
            }
        }
    });
    for (std::size_t l = 0; l < s_.lines.size(); ++l) out.lines.push_back({s_.lines[l].id, lineFlowKw_[l]});
    return out;
}

// Shares a class battery's plan out to the class's alvéoles in proportion to their power,
// each share made feasible for its own battery by an exact L1 projection (StorageDp with
// φ_t(b) = M·|b − share_t|), then keeps it only if the ruche's buses still close.
void Decomposition::disaggregate(RucheState& r, const model::RucheSchedule& relaxed, Scratch& sc)
{
    const std::vector<std::size_t> cls = alveoleClasses(*r.ruche);
    // Per class: Σ (soc0 − min) and Σ (max − soc0), to share a level below / above the start.
    std::vector<double> roomDown(relaxed.alveoles.size(), 0.0), roomUp(relaxed.alveoles.size(), 0.0);
    for (std::size_t i = 0; i < r.alveoles.size(); ++i) {
        if (!r.alveoles[i].battery) continue;
        const auto& p = r.alveoles[i].battery->params;
        roomDown[cls[i]] += p.startKwh - p.minKwh;
        roomUp[cls[i]] += p.maxKwh - p.startKwh;
    }
    sc.phi.resize(T_);
    for (std::size_t i = 0; i < r.alveoles.size(); ++i) {
        AlveoleState& a = r.alveoles[i];
        if (!a.battery || !relaxed.alveoles[cls[i]].battery) continue;
        const auto& agg = *relaxed.alveoles[cls[i]].battery;
        const auto& p = a.battery->params;
        // The class level S(t) maps to this battery's level by the share of room on each side
        // of the start, so the target path stays within the battery's own range.
        auto targetLevel = [&](int t) {
            const double move = agg.socKwh[t] - agg.socKwh[0];
            if (move < 0) return p.startKwh + (roomDown[cls[i]] > 0 ? move * (p.startKwh - p.minKwh) / roomDown[cls[i]] : 0.0);
            return p.startKwh + (roomUp[cls[i]] > 0 ? move * (p.maxKwh - p.startKwh) / roomUp[cls[i]] : 0.0);
        };
        const model::Alveole& al = *a.alveole;
        const double penalty = 1e3;
        // When the target path itself keeps every limit (power, bus, level, end level), it is
        // the projection's answer (zero penalty) and the DP is skipped.
        bool targetFeasible = true;
        double levelKwh = p.startKwh;
        sc.plan.inKw.assign(T_, 0.0);
        sc.plan.outKw.assign(T_, 0.0);
        sc.plan.levelKwh.assign(T_ + 1, p.startKwh);
        for (int t = 0; t < T_; ++t) {
            // The x this alvéole may take with every bus still closing (others fixed): the
            // domain of W without it, shifted by the others' residual, within ±connection.
            double xLo = 0, xHi = 0;
            closingDomainWithout(r, t, a, xLo, xHi);
            const double others = r.coreKw[t] - coreNet(a, t);
            xLo -= others;
            xHi -= others;
            const double cLo = std::max(-al.connectionKw, xLo), cHi = std::min(al.connectionKw, xHi);
            if (cLo <= cHi) {
                xLo = cLo, xHi = cHi;
            } else if (cLo - cHi <= 1e-9 * std::max(1.0, std::abs(cLo))) {
                xLo = xHi = cLo;   // touching up to round-off
            }
            // x = pv − load + b + z with z in [−pv, load]: b in [x_lo − load, x_hi + pv] shifted by −(pv − load).
            const double bLo = std::max(-a.battery->params.inKw, xLo - al.loadKw[t] - (al.pvKw[t] - al.loadKw[t]));
            const double bHi = std::max(bLo, std::min(a.battery->params.outKw, xHi + al.pvKw[t] - (al.pvKw[t] - al.loadKw[t])));
            const double levelMove = targetLevel(t + 1) - targetLevel(t);
            const double target = levelMove >= 0 ? -levelMove / (dtH_ * p.etaIn) : -levelMove * p.etaOut / dtH_;
            ConvexPwl& f = sc.phi[t];
            f.start = bLo;
            f.valueAtStart = penalty * std::abs(bLo - target);
            f.segments.clear();
            const double mid = std::min(std::max(target, bLo), bHi);
            if (mid > bLo) f.segments.push_back({mid - bLo, -penalty});
            if (bHi > mid) f.segments.push_back({bHi - mid, penalty});
            sc.plan.inKw[t] = std::max(0.0, -target);
            sc.plan.outKw[t] = std::max(0.0, target);
            levelKwh += dtH_ * (p.etaIn * sc.plan.inKw[t] - sc.plan.outKw[t] / p.etaOut);
            sc.plan.levelKwh[t + 1] = levelKwh;
            // Round-off of the level recursion (1e-9 kWh, far inside the checker's 1e-4) is let through.
            targetFeasible = targetFeasible && target >= bLo && target <= bHi && levelKwh >= p.minKwh - kLevelSlackKwh &&
                             levelKwh <= p.maxKwh + kLevelSlackKwh;
        }
        targetFeasible = targetFeasible && levelKwh >= p.finalMinKwh - kLevelSlackKwh;
        if (!targetFeasible && !sc.dp.solve(a.battery->params, dtH_, sc.phi, sc.plan)) continue;
        for (int t = 0; t < T_; ++t) {
            r.closing[t].add(closingRange(al, t, coreNet(a, t), dtH_), -1);
            r.coreKw[t] -= coreNet(a, t);
            a.battery->inKw[t] = sc.plan.inKw[t];
            a.battery->outKw[t] = sc.plan.outKw[t];
            r.coreKw[t] += coreNet(a, t);
            r.closing[t].add(closingRange(al, t, coreNet(a, t), dtH_), +1);
        }
        a.battery->levelKwh = sc.plan.levelKwh;
    }
}

bool Decomposition::stepFeasible(const RucheState& r, int t, Scratch& sc) const
{
    closingCostOf(r, t, nullptr, sc, sc.w);
    const double tol = 1e-7 * std::max(1.0, std::abs(r.coreKw[t]));
    return r.coreKw[t] >= sc.w.start - tol && r.coreKw[t] <= sc.w.end() + tol;
}

bool Decomposition::rucheFeasible(const RucheState& r, Scratch& sc) const
{
    for (int t = 0; t < T_; ++t)
        if (!stepFeasible(r, t, sc)) return false;
    return true;
}

// Takes the HiveStores, SeasonStores and lines of the relaxation's optimum (they are decisions
// of the real problem too) wherever the real buses can close with them; alvéoles stay idle.
void Decomposition::startFrom(const model::Schedule& relaxedSchedule)
{
    Scratch& sc = scratch_[0];
    auto setStore = [&](RucheState& r, StoreRef& store, const std::vector<double>& in, const std::vector<double>& out,
                        const std::vector<double>& level) {
        for (int t = 0; t < T_; ++t) {
            r.coreKw[t] += (out[t] - in[t]) - outMinusIn(store, t);
            store.inKw[t] = in[t];
            store.outKw[t] = out[t];
        }
        store.levelKwh = level;
    };
    auto setLine = [&](std::size_t l, int t, double f) {
        const auto& line = s_.lines[l];
        RucheState& a = ruches_[rucheIndex_.at(line.from)];
        RucheState& b = ruches_[rucheIndex_.at(line.to)];
        const auto [oa, ob] = lineInjections(lineFlowKw_[l][t], line.loss);
        const auto [na, nb] = lineInjections(f, line.loss);
        a.coreKw[t] += na - oa;
        b.coreKw[t] += nb - ob;
        lineFlowKw_[l][t] = f;
    };
    // With the elastic closing cost every bus "closes": take the relaxation's stores and lines
    // as they are, then share the class batteries out to the alvéoles.
    for (std::size_t r = 0; r < ruches_.size(); ++r) {
        auto& rs = ruches_[r];
        const auto& sched = relaxedSchedule.ruches[r];
        if (rs.hive && sched.hiveStore) setStore(rs, *rs.hive, sched.hiveStore->chargeKw, sched.hiveStore->dischargeKw, sched.hiveStore->socKwh);
        if (rs.season && sched.seasonStore)
            setStore(rs, *rs.season, sched.seasonStore->electrolyzerKw, sched.seasonStore->fuelCellKw, sched.seasonStore->levelKwh);
    }
    for (std::size_t l = 0; l < s_.lines.size(); ++l)
        for (int t = 0; t < T_; ++t) setLine(l, t, relaxedSchedule.lines[l].flowKw[t]);
    parallelFor(ruches_.size(), threads_, [&](std::size_t r, int tid) {
        disaggregate(ruches_[r], relaxedSchedule.ruches[r], scratch_[tid]);
    });
    (void)sc;
}

// The aggregated relaxation, by chunks of consecutive ruches when the essaim is large: CLP
// barrier's time per ruche grows with the chunk (ruches x steps form a 2-D grid through lines
// and storage, whose Cholesky fill grows faster than linearly), so small chunks are cheaper.
// Each chunk is solved with a halo (the ruches within aggregateHaloRuches lines of it) whose
// solution is dropped: the chunk's own ruches then see their neighbours, not a cut line, and
// the line between two chunks takes the flow of its `from` ruche's chunk (where it is interior).
// With several chunks their union is not a relaxation: only a single chunk's optimum is a
// lower bound (`bound`, else -inf). The chunks' prices still feed the exact Lagrangian.
DispatchResult Decomposition::solveRelaxation(double& bound)
{
    const std::size_t chunk = static_cast<std::size_t>(std::max(1, o_.aggregateMaxRuches));
    const model::Scenario agg = aggregateAlveoleClasses(s_);
    const std::size_t ruches = agg.ruches.size();
    if (ruches <= chunk) {
        DispatchResult whole = solveWithClp(agg, ruches > 2 ? ClpAlgorithm::Barrier : ClpAlgorithm::DualSimplex);
        bound = *whole.schedule.bound;
        return whole;
    }
    bound = -std::numeric_limits<double>::infinity();
    std::vector<std::vector<int>> neighbours(ruches);
    for (const auto& line : agg.lines) {
        const int a = rucheIndex_.at(line.from), b = rucheIndex_.at(line.to);
        neighbours[a].push_back(b);
        neighbours[b].push_back(a);
    }
    const std::size_t chunks = (ruches + chunk - 1) / chunk;
    std::vector<DispatchResult> parts(chunks);
    std::vector<std::vector<int>> members(chunks);   // scenario ruche index of each part ruche
    std::vector<std::vector<int>> lineOfPart(chunks);
    std::vector<std::string> failures(chunks);
    parallelFor(chunks, threads_, [&](std::size_t c, int) {
        // Core ruches, then the halo by breadth-first search over lines.
        std::vector<int> hops(ruches, -1);
        std::vector<int> frontier;
        for (std::size_t r = c * chunk; r < std::min(ruches, (c + 1) * chunk); ++r) {
            hops[r] = 0;
            frontier.push_back(static_cast<int>(r));
        }
        // At most `chunk` halo ruches, nearest first: on a meshed or star-shaped essaim two
        // hops could reach every ruche and make each chunk the whole essaim.
        std::size_t haloLeft = chunk;
        for (int h = 1; h <= o_.aggregateHaloRuches && !frontier.empty() && haloLeft > 0; ++h) {
            std::vector<int> next;
            for (int r : frontier)
                for (int n : neighbours[r])
                    if (hops[n] < 0 && haloLeft > 0) hops[n] = h, next.push_back(n), --haloLeft;
            frontier = std::move(next);
        }
        model::Scenario part;
        part.name = agg.name;
        part.start = agg.start;
        part.stepMinutes = agg.stepMinutes;
        part.steps = agg.steps;
        part.grid = agg.grid;
        for (std::size_t r = 0; r < ruches; ++r)
            if (hops[r] >= 0) {
                members[c].push_back(static_cast<int>(r));
                part.ruches.push_back(agg.ruches[r]);
            }
        for (std::size_t l = 0; l < agg.lines.size(); ++l) {
            const auto& line = agg.lines[l];
            if (hops[rucheIndex_.at(line.from)] >= 0 && hops[rucheIndex_.at(line.to)] >= 0) {
                part.lines.push_back(line);
                lineOfPart[c].push_back(static_cast<int>(l));
            }
        }
        // A chunk is only a start and a price source (not a bound): no crossover needed. An
        // exception must not leave a worker thread (std::terminate): dual simplex is the
        // fallback, and a second failure is reported from the calling thread.
        try {
            parts[c] = solveWithClp(part, part.ruches.size() > 2 ? ClpAlgorithm::BarrierNoCrossover : ClpAlgorithm::DualSimplex);
        } catch (const std::exception&) {
            try {
                parts[c] = solveWithClp(part, ClpAlgorithm::DualSimplex);
            } catch (const std::exception& e) {
                failures[c] = e.what();
            }
        }
    });
    for (std::size_t c = 0; c < chunks; ++c)
        if (!failures[c].empty())
            throw std::runtime_error("decomposition: relaxation chunk " + std::to_string(c) + " failed: " + failures[c]);
    DispatchResult whole;
    whole.schedule.scenario = agg.name;
    whole.schedule.ruches.resize(ruches);
    whole.pricePerKwh.resize(ruches);
    whole.schedule.lines.resize(agg.lines.size());
    for (std::size_t l = 0; l < agg.lines.size(); ++l) whole.schedule.lines[l] = {agg.lines[l].id, std::vector<double>(T_, 0.0)};
    auto coreChunk = [&](int r) { return static_cast<std::size_t>(r) / chunk; };
    for (std::size_t c = 0; c < chunks; ++c) {
        for (std::size_t k = 0; k < members[c].size(); ++k) {
            const int r = members[c][k];
            if (coreChunk(r) != c) continue;   // halo: dropped
            whole.schedule.ruches[r] = std::move(parts[c].schedule.ruches[k]);
            whole.pricePerKwh[r] = std::move(parts[c].pricePerKwh[k]);
        }
        for (std::size_t k = 0; k < lineOfPart[c].size(); ++k) {
            const int l = lineOfPart[c][k];
            if (coreChunk(rucheIndex_.at(agg.lines[l].from)) == c) whole.schedule.lines[l] = parts[c].schedule.lines[k];
        }
    }
    return whole;
}

DispatchResult Decomposition::run()
{
    const auto started = Clock::now();
    DispatchResult result;
    result.method = "decomposition";
    double upper = objective();
    double lower = -std::numeric_limits<double>::infinity();
    std::vector<std::vector<double>> lambda, bestLambda, injection, bestInjection;
    double step = 1.0;
    int sweeps = 0, stageSweeps = 0;
    bool primalConverged = false;
    bool startProven = false;   // the start is already within maxGap
    const double scale0 = gapScale(s_, upper);
    // Rounds of best responses on a smoothed closing cost (kinks spread), narrowing to the
    // exact one; then exact rounds alternate with bound steps.
    smoothFactor_ = 1.0;
    // The aggregated relaxation (one alvéole per class and ruche) when CLP solves it fast: its
    // optimum is a lower bound, its ruche-level decisions a good start for the stores and lines.
    std::optional<DispatchResult> relaxed;
    auto phase = [&, mark = Clock::now()](const char* name) mutable {
        result.phaseSeconds.emplace_back(name, seconds(mark));
        mark = Clock::now();
    };
    if (o_.relaxationStart) {
        relaxed = solveRelaxation(aggregateBound_);
        lower = aggregateBound_;
        phase("relaxation");
        {
            smoothFactor_ = 0.0;   // a good start needs no smoothing
            double maxVoll = 0;
            for (const auto& r : s_.ruches)
                for (const auto& a : r.alveoles) maxVoll = std::max(maxVoll, a.vollPerKwh);
            elasticPerKw_ = 100 * dtH_ * std::max(1.0, maxVoll);
            startFrom(relaxed->schedule);
            phase("start");
            // When the start already closes every bus, the relaxation's prices may already prove
            // it within maxGap: then no round is needed (at 50,000 alvéoles that saves two
            // thirds of the time after the relaxation).
            elasticPerKw_ = 0;
            bool startFeasible = true;
            for (const auto& r : ruches_) startFeasible = startFeasible && rucheFeasible(r, scratch_[0]);
            if (startFeasible) {
                upper = objective();
                const double value = lagrangian(relaxed->pricePerKwh, injection);
                lower = std::max({lower, value, aggregateBound_});
                bestLambda = relaxed->pricePerKwh;
                bestInjection = injection;
                lambda = bestLambda;
                // Only for essaims relaxed by chunks: below, the relaxation is the costly part and
                // a few rounds more bring the plan to ~0 gap for little time.
                const bool chunked = s_.ruches.size() > static_cast<std::size_t>(std::max(1, o_.aggregateMaxRuches));
                startProven = chunked && (upper - lower) / gapScale(s_, upper) <= o_.maxGap;
                phase("start bound");
            }
            elasticPerKw_ = 100 * dtH_ * std::max(1.0, maxVoll);
            double before = objective();
            for (int k = 0; k < 20 && !startProven && seconds(started) < o_.timeLimitSeconds; ++k) {
                parallelFor(ruches_.size(), threads_, [&](std::size_t r, int tid) { sweepRuche(ruches_[r], scratch_[tid]); });
                if (!s_.lines.empty()) sweepLines();
                ++sweeps;
                const double now = objective();
                if (before - now < kElasticStopShare * scale0) break;
                before = now;
            }
            if (!startProven) phase("elastic rounds");
            elasticPerKw_ = 0;
            bool feasible = true;
            for (const auto& r : ruches_) feasible = feasible && rucheFeasible(r, scratch_[0]);
            if (!feasible) {
                // The elastic phase left a bus open: start again from idle stores (always feasible).
                ruches_.clear();
                init();
                smoothFactor_ = 1.0;
                result.method = "decomposition (restarted from idle)";
            }
        }
        upper = objective();
    }
    // After a start from the relaxation, measure the gap before any further round.
    bool boundFirst = relaxed.has_value();
    while (sweeps < 200 && !startProven) {
        if (!primalConverged && !boundFirst) {
            parallelFor(ruches_.size(), threads_, [&](std::size_t r, int tid) { sweepRuche(ruches_[r], scratch_[tid]); });
            if (!s_.lines.empty()) sweepLines();
            ++sweeps;
            ++stageSweeps;
            const double now = objective();
            const bool stalled = upper - now < 1e-6 * scale0;
            upper = now;
            if (smoothFactor_ > 0) {
                if (stalled || stageSweeps >= kSweepsPerSmoothStage) {
                    smoothFactor_ = smoothFactor_ > kSmoothLast ? smoothFactor_ * kSmoothShrink : 0.0;
                    stageSweeps = 0;
                }
                continue;
            }
            primalConverged = stalled;
            if (stageSweeps < 2 && !primalConverged && !relaxed) continue;
        }
        boundFirst = false;
        if (lambda.empty() && relaxed) {
            // The relaxation's balance duals are prices for the exact Lagrangian.
            const double value = lagrangian(relaxed->pricePerKwh, injection);
            lower = std::max({lower, value, aggregateBound_});
            bestLambda = relaxed->pricePerKwh;
            bestInjection = injection;
            lambda = bestLambda;
        }
        if (lambda.empty() || primalConverged) {
            // Fresh prices from the current plan; keep the best ones seen.
            // Where the plan leaves a range for λ, try a few positions in it.
            std::vector<std::vector<double>> fresh, rangeLo, rangeHi;
            priceRanges(rangeLo, rangeHi);
            for (double position : {0.5, 0.0, 1.0, 0.25, 0.75}) {
                pricesAt(rangeLo, rangeHi, position, fresh);
                const double value = lagrangian(fresh, injection);
                if (value > lower || lambda.empty()) {
                    lower = std::max(lower, value);
                    bestLambda = fresh;
                    bestInjection = injection;
                    lambda = fresh;
                }
            }
            lambda = bestLambda;
        }
        const int boundSteps = primalConverged ? kBoundSteps : 2;
        for (int k = 0; k < boundSteps && (upper - lower) / gapScale(s_, upper) > o_.maxGap; ++k) {
            const double value = lagrangian(lambda, injection);
            if (value > lower || bestInjection.empty()) {
                lower = std::max(lower, value);
                bestLambda = lambda;
                bestInjection = injection;
            } else {
                step *= 0.5;   // back to the best prices, a shorter step along their subgradient
            }
            double norm2 = 0;
            for (std::size_t r = 0; r < bestInjection.size(); ++r)
                for (int t = 0; t < T_; ++t) norm2 += dtH_ * dtH_ * bestInjection[r][t] * bestInjection[r][t];
            if (norm2 <= 0) break;
            // Polyak's step towards the primal value as target (Boyd, Xiao & Mutapcic 2003, §3.2).
            const double move = step * (upper - lower) / norm2;
            lambda = bestLambda;
            for (std::size_t r = 0; r < bestInjection.size(); ++r)
                for (int t = 0; t < T_; ++t) lambda[r][t] -= move * dtH_ * bestInjection[r][t];
        }
        const double gapNow = (upper - lower) / gapScale(s_, upper);
        if (gapNow <= o_.maxGap || seconds(started) > o_.timeLimitSeconds) break;
        if (primalConverged && step < 1e-3) break;
    }
    phase("rounds and bound");
    result.iterations = sweeps;
    result.schedule = assemble();
    phase("assemble");
    const double unresolvedKw = finishSchedule(s_, result.schedule);
    phase("repair");
    result.schedule.objective = scheduleObjective(s_, result.schedule);
    result.scale = gapScale(s_, result.schedule.objective);
    // `lower` is a proven bound on the optimum; it can only exceed this schedule's cost by
    // round-off (then the schedule is optimal).
    const bool closed = result.schedule.objective - lower <= 1e-9 * result.scale;
    result.schedule.bound = closed ? result.schedule.objective : lower;
    result.schedule.status = unresolvedKw > 1e-6 ? model::ScheduleStatus::Infeasible
                             : closed            ? model::ScheduleStatus::Optimal
                                                 : model::ScheduleStatus::Feasible;
    result.pricePerKwh = bestLambda;
    phase("objective");
    result.phaseSeconds.insert(result.phaseSeconds.begin(), {"init", initSeconds_});
    result.schedule.solveSeconds = seconds(started) + initSeconds_;
    return result;
}

}  // namespace

model::Scenario aggregatedRelaxation(const model::Scenario& scenario) { return aggregateAlveoleClasses(scenario); }

DispatchResult solveWithDecomposition(const model::Scenario& scenario, const DispatchOptions& options)
{
    Decomposition d(scenario, options);
    return d.run();
}

}  // namespace swarmergy::optimization
