#include "engine/anomaly/Faults.h"

#include <algorithm>
#include <stdexcept>

namespace swarmergy::anomaly {

namespace {

constexpr int kDay = 96;

// splitmix64: the plan is the same on every platform for a seed.
class PlanRandom {
public:
    explicit PlanRandom(std::uint64_t seed) : state_(seed * 0x9e3779b97f4a7c15ULL + 0x1234567ULL) {}
    std::uint64_t next()
    {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int between(int lo, int hi) { return hi <= lo ? lo : lo + int(next() % std::uint64_t(hi - lo)); }   // [lo, hi)
    double uniform(double lo, double hi) { return lo + (hi - lo) * double(next() >> 11) * 0x1.0p-53; }
private:
    std::uint64_t state_;
};

// Duration range in steps per type, and a magnitude.
struct Shape {
    int minSteps, maxSteps;
    double minMagnitude, maxMagnitude;
};

Shape shapeOf(FaultType type)
{
    switch (type) {
    case FaultType::StuckMeter: return {kDay, 3 * kDay, 0, 0};
    case FaultType::DriftingMeter: return {6 * kDay, 7 * kDay, 0.12, 0.18};   // gain +12..18 % per day
    case FaultType::Spike: return {1, 3, 15, 25};                             // kW added
    case FaultType::PvSoiling: return {4 * kDay, 6 * kDay, 0.5, 0.7};        // output share
    case FaultType::InverterTrip: return {kDay, 2 * kDay, 0, 0};
    case FaultType::HabitChange: return {3 * kDay, 5 * kDay, 0.3, 2.5};     // factor (< 1 tamper, > 1 fault)
    case FaultType::BatteryFade: return {5 * kDay, 7 * kDay, 0.45, 0.6};     // remaining capacity share
    case FaultType::HubSilent: return {8, 4 * 24, 0, 0};
    case FaultType::RucheOutage: return {8, 4 * 8, 0, 0};
    }
    return {1, 2, 0, 0};
}

bool eligible(FaultType type, const AlveoleAssets& a)
{
    if (type == FaultType::PvSoiling || type == FaultType::InverterTrip) return a.pvPeakKw > 0;
    // A store that never cycles shows no fade: only MicroStores with PV to fill them.
    if (type == FaultType::BatteryFade) return a.batteryCapacityKwh > 0 && a.pvPeakKw > 0;
    return true;
}

void scalePv(MeterLog& log, std::size_t k, double factor)
{
    log.netKw[k] -= log.pvUsedKw[k] * (1 - factor);
    log.pvUsedKw[k] *= factor;
    log.pvKw[k] *= factor;
}

void applyAlveoleFault(MeterLog& log, const Fault& f)
{
    const int i = f.alveole;
    const double frozen = log.loadKw[log.at(f.startStep, i)];
    double socKwh = log.socKwh[log.at(std::max(0, f.startStep - 1), i)];
    const AlveoleAssets& a = log.alveoles[i];
    const double fadedMaxKwh = a.socMinKwh + f.magnitude * (a.socMaxKwh - a.socMinKwh);
    socKwh = std::min(socKwh, fadedMaxKwh);
    for (int s = f.startStep; s < f.endStep; ++s) {
        const std::size_t k = log.at(s, i);
        const double days = double(s - f.startStep) / kDay;
        switch (f.type) {
        case FaultType::StuckMeter: log.loadKw[k] = frozen; break;
        case FaultType::DriftingMeter: log.loadKw[k] *= 1.0 + f.magnitude * days; break;
        case FaultType::Spike: log.loadKw[k] += f.magnitude; break;
        // Real changes (not meter faults): the connection meter sees them too, so the hub's
        // meters still balance.
        case FaultType::PvSoiling: scalePv(log, k, f.magnitude); break;
        case FaultType::InverterTrip: scalePv(log, k, 0.0); break;
        case FaultType::HabitChange:
            log.netKw[k] -= log.loadKw[k] * (f.magnitude - 1);
            log.loadKw[k] *= f.magnitude;
            break;
        case FaultType::HubSilent: log.reported[k] = 0; break;
        case FaultType::BatteryFade:
            // The same charge and discharge flows into a smaller store: its level saturates
            // at the faded maximum and empties sooner.
            socKwh += (log.chargeKw[k] * a.etaCharge - log.dischargeKw[k] / a.etaDischarge) * log.stepHours();
            socKwh = std::clamp(socKwh, a.socMinKwh, fadedMaxKwh);
            log.socKwh[k] = socKwh;
            break;
        case FaultType::RucheOutage: break;
        }
    }
}

}  // namespace

const char* faultTypeName(FaultType type)
{
    switch (type) {
    case FaultType::StuckMeter: return "stuck-meter";
    case FaultType::DriftingMeter: return "drifting-meter";
    case FaultType::Spike: return "spike";
    case FaultType::PvSoiling: return "pv-soiling";
    case FaultType::InverterTrip: return "inverter-trip";
    case FaultType::HabitChange: return "habit-change";
    case FaultType::BatteryFade: return "battery-fade";
    case FaultType::HubSilent: return "hub-silent";
    case FaultType::RucheOutage: return "ruche-outage";
    }
    return "?";
}

std::vector<Fault> planFaults(const MeterLog& log, const FaultPlanOptions& options)
{
    const int endStep = options.endStep > 0 ? std::min(options.endStep, log.steps) : log.steps;
    if (log.rucheIds.size() < 2 || endStep - options.firstStep < 8 * kDay || options.faultsPerType < 1)
        throw std::invalid_argument("planFaults: needs >= 2 ruches and >= 8 days after the learning period (first step " +
                                    std::to_string(options.firstStep) + ", end " + std::to_string(endStep) + ")");
    PlanRandom random(options.seed);
    std::vector<Fault> faults;
    // Ruche outages: one ruche, spread over the period so they do not overlap.
    const int outageRuche = int(random.next() % log.rucheIds.size());
    const int slot = (endStep - options.firstStep) / options.faultsPerType;
    for (int n = 0; n < options.faultsPerType; ++n) {
        const Shape shape = shapeOf(FaultType::RucheOutage);
        const int length = random.between(shape.minSteps, shape.maxSteps + 1);
        const int start = options.firstStep + n * slot + random.between(0, std::max(1, slot - length - kDay));
        faults.push_back({FaultType::RucheOutage, -1, outageRuche, start, start + length, 0});
    }
    std::vector<int> pool;
    for (int i = 0; i < log.alveoleCount(); ++i)
        if (log.alveoles[i].ruche != outageRuche) pool.push_back(i);
    for (int t = 0; t < kFaultTypeCount; ++t) {
        const FaultType type = FaultType(t);
        if (type == FaultType::RucheOutage) continue;
        const Shape shape = shapeOf(type);
        for (int n = 0; n < options.faultsPerType; ++n) {
            std::vector<int> candidates;
            for (int i : pool)
                if (eligible(type, log.alveoles[i])) candidates.push_back(i);
            if (candidates.empty())
                throw std::invalid_argument(std::string("planFaults: no alvéole left for a ") + faultTypeName(type) + " fault");
            const int i = candidates[random.next() % candidates.size()];
            pool.erase(std::find(pool.begin(), pool.end(), i));
            const int length = std::min(random.between(shape.minSteps, shape.maxSteps + 1), endStep - options.firstStep - kDay);
            const int start = random.between(options.firstStep, endStep - length);
            double magnitude = random.uniform(shape.minMagnitude, shape.maxMagnitude);
            if (type == FaultType::HabitChange) magnitude = (random.next() & 1) ? random.uniform(0.25, 0.4) : random.uniform(2.2, 3.0);
            faults.push_back({type, i, log.alveoles[i].ruche, start, start + length, magnitude});
        }
    }
    return faults;
}

void injectFaults(MeterLog& log, const std::vector<Fault>& faults)
{
    for (const Fault& f : faults) {
        if (f.startStep < 0 || f.endStep > log.steps || f.startStep >= f.endStep ||
            (f.alveole >= 0 && f.alveole >= log.alveoleCount()) || f.ruche < 0 || f.ruche >= int(log.rucheIds.size()))
            throw std::invalid_argument(std::string("injectFaults: ") + faultTypeName(f.type) + " fault outside the log");
        if (f.type == FaultType::RucheOutage) {
            for (int s = f.startStep; s < f.endStep; ++s)
                for (int i = 0; i < log.alveoleCount(); ++i)
                    if (log.alveoles[i].ruche == f.ruche) log.reported[log.at(s, i)] = 0;
            continue;
        }
        applyAlveoleFault(log, f);
    }
}

}  // namespace swarmergy::anomaly
