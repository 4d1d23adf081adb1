#include "engine/simulation/FleetGenerator.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "engine/simulation/Calendar.h"
#include "engine/simulation/HouseholdModel.h"
#include "engine/simulation/Random.h"

namespace swarmergy::simulation {
namespace {

void require(bool ok, const std::string& what) {
    if (!ok) throw std::invalid_argument("FleetOptions: " + what);
}

void validate(const FleetOptions& o) {
    require(o.alveoles >= 1, "alveoles must be >= 1 (got " + std::to_string(o.alveoles) + ")");
    require(o.ruches >= 1, "ruches must be >= 1 (got " + std::to_string(o.ruches) + ")");
    require(o.ruches <= o.alveoles, "ruches (" + std::to_string(o.ruches) +
                                        ") must not exceed alveoles (" +
                                        std::to_string(o.alveoles) + ")");
    require(o.stepMinutes >= 1 && 1440 % o.stepMinutes == 0,
            "stepMinutes must divide a day (got " + std::to_string(o.stepMinutes) + ")");
    require(std::isfinite(o.latitudeDeg) && std::abs(o.latitudeDeg) <= 66,
            "latitudeDeg must be within [-66, 66] (got " + std::to_string(o.latitudeDeg) + ")");
    require(std::isfinite(o.longitudeDeg) && std::abs(o.longitudeDeg) <= 180,
            "longitudeDeg must be within [-180, 180]");
    require(std::abs(o.utcOffsetMinutes) <= 14 * 60, "utcOffsetMinutes must be within +/-14 h");
    const std::int64_t start = parseIsoUtc(o.start);   // throws with the text
    require(start % (o.stepMinutes * 60LL) == 0, "start '" + o.start +
                                                     "' must be a multiple of the step length");
}

// Ruche sizes: random weights 0.5..1.5, at least one household each, summing to N exactly.
std::vector<int> rucheSizes(const FleetOptions& o, SplitMix64& rng) {
    std::vector<double> weights(o.ruches);
    double total = 0;
    for (double& w : weights) total += (w = rng.uniform(0.5, 1.5));
    std::vector<int> sizes(o.ruches, 1);
    int assigned = o.ruches;
    const int spare = o.alveoles - o.ruches;
    for (int r = 0; r < o.ruches; ++r) {
        const int extra = static_cast<int>(std::floor(spare * weights[r] / total));
        sizes[r] += extra;
        assigned += extra;
    }
    for (int r = 0; assigned < o.alveoles; r = (r + 1) % o.ruches, ++assigned) ++sizes[r];
    return sizes;
}

std::string alveoleId(int index, int total) {
    const std::size_t width = std::max<std::size_t>(4, std::to_string(total).size());
    std::string digits = std::to_string(index + 1);
    return "a-" + std::string(width - std::min(width, digits.size()), '0') + digits;
}

model::Battery makeBattery(double capacityKwh, double powerKw, double eta, double socMinShare,
                           double soc0Share, double cycleCost) {
    model::Battery b;
    b.capacityKwh = capacityKwh;
    b.chargeKw = powerKw;
    b.dischargeKw = powerKw;
    b.etaCharge = eta;
    b.etaDischarge = eta;
    b.socMinKwh = capacityKwh * socMinShare;
    b.socMaxKwh = capacityKwh;
    b.soc0Kwh = capacityKwh * soc0Share;
    b.cycleCostPerKwh = cycleCost;
    return b;
}

HouseholdProfile makeHousehold(SplitMix64& rng, int ruche) {
    HouseholdProfile h;
    h.ruche = ruche;
    h.annualKwh = rng.uniform(2000, 6000);
    if (rng.chance(0.6)) {
        h.pvPeakKw = std::round(rng.uniform(3, 9) * 10) / 10;
        h.tiltDeg = rng.uniform(15, 45);
        h.azimuthDeg = rng.uniform(100, 260);
        h.performanceRatio = rng.uniform(0.80, 0.85);
    }
    h.cooking = rng.chance(0.9);
    h.washing = rng.chance(0.8);
    h.heatPump = rng.chance(0.3);
    h.heatPumpKw = h.heatPump ? rng.uniform(1.5, 3.0) : 0.0;
    h.electricVehicle = rng.chance(0.25);
    h.evChargeKw = h.electricVehicle ? (rng.chance(0.5) ? 3.7 : 7.4) : 0.0;
    h.criticalShare = rng.uniform(0.25, 0.45);
    h.deferrableShare = rng.uniform(0.10, 0.25);
    return h;
}

model::Alveole makeAlveole(SplitMix64& rng, int index, int total) {
    model::Alveole a;
    a.id = alveoleId(index, total);
    a.connectionKw = rng.chance(0.5) ? 12.0 : 17.0;
    a.vollPerKwh = 5.0;
    if (rng.chance(0.4)) {   // MicroStore
        const double capacity = std::round(rng.uniform(5, 13.5) * 2) / 2;
        a.battery = makeBattery(capacity, std::min(5.0, capacity / 2), 0.95, 0.10,
                                rng.uniform(0.3, 0.8), 0.01);
    }
    return a;
}

void addRuche(Fleet& fleet, SplitMix64& rng, int r, int size, int& nextIndex) {
    const FleetOptions& o = fleet.options;
    model::Ruche ruche;
    ruche.id = "ruche-" + std::to_string(r + 1);
    // SwarmGate sized far below the sum of connections (a real constraint at export peaks) but
    // above the winter evening peak of ~3 kW a home, so a connected essaim does not shed.
    ruche.gate = model::Gate{3.5 * size, 2.0 * size};
    ruche.hiveStore = makeBattery(1.5 * size, 0.6 * size, 0.95, 0.10, 0.5, 0.005);
    if (r == 0) {
        // The essaim's SeasonStore (PEM electrolyser 65 %, fuel cell 50 %, DOMAIN.md).
        model::SeasonStore s;
        s.electrolyzerKw = 0.15 * o.alveoles;
        s.fuelCellKw = 0.08 * o.alveoles;
        s.etaElectrolyzer = 0.65;
        s.etaFuelCell = 0.50;
        s.tankKwh = 50.0 * o.alveoles;
        s.level0Kwh = s.tankKwh * 0.4;
        s.terminalValuePerKwh = 0.12;
        ruche.seasonStore = s;
    }
    RucheSite site;
    // Ruches spread over a few kilometres around the centre: each has its own sun and sky.
    site.latitudeDeg = o.latitudeDeg + rng.uniform(-0.05, 0.05);
    site.longitudeDeg = o.longitudeDeg + rng.uniform(-0.08, 0.08);
    site.firstAlveole = nextIndex;
    site.alveoleCount = size;
    for (int k = 0; k < size; ++k, ++nextIndex) {
        ruche.alveoles.push_back(makeAlveole(rng, nextIndex, o.alveoles));
        fleet.households.push_back(makeHousehold(rng, r));
    }
    fleet.topology.ruches.push_back(std::move(ruche));
    fleet.sites.push_back(site);
}

void addLines(Fleet& fleet, const std::vector<int>& sizes) {
    const int n = static_cast<int>(sizes.size());
    if (!fleet.options.withLines || n < 2) return;
    // A chain for two ruches, a ring for more.
    const int count = n == 2 ? 1 : n;
    for (int k = 0; k < count; ++k) {
        const int from = k, to = (k + 1) % n;
        model::Line line;
        line.id = "l-" + std::to_string(from + 1) + "-" + std::to_string(to + 1);
        line.from = fleet.topology.ruches[from].id;
        line.to = fleet.topology.ruches[to].id;
        line.capacityKw = 0.8 * std::min(sizes[from], sizes[to]);
        line.loss = 0.02;
        fleet.topology.lines.push_back(line);
    }
}

int localMinuteOfDay(const FleetOptions& o, std::int64_t utcSeconds) {
    const std::int64_t local = utcSeconds + o.utcOffsetMinutes * 60LL;
    return static_cast<int>((local - floorDiv(local, 86400) * 86400) / 60);
}

// Winter months (November to February) carry a surcharge, as winter tariffs do where demand
// peaks in the cold (e.g. EDF Tempo's red days): energy is worth more in winter, which is
// what gives a seasonal store its value.
bool isWinterTariff(const FleetOptions& o, std::int64_t utcSeconds) {
    const std::int64_t local = utcSeconds + o.utcOffsetMinutes * 60LL;
    const int month = civilFromDays(floorDiv(local, 86400)).month;
    return month >= 11 || month <= 2;
}

}  // namespace

double importPriceAt(const FleetOptions& o, std::int64_t utcSeconds) {
    const int minute = localMinuteOfDay(o, utcSeconds);
    const double winter = isWinterTariff(o, utcSeconds) ? kWinterSurchargePerKwh : 0.0;
    if (minute >= 23 * 60 || minute < 6 * 60) return 0.18 + winter;
    if (minute >= 17 * 60 && minute < 21 * 60) return 0.34 + winter;
    return 0.26 + winter;
}

double exportPriceAt(const FleetOptions&, std::int64_t) { return 0.08; }

Fleet generateFleet(const FleetOptions& options) {
    validate(options);
    Fleet fleet;
    fleet.options = options;
    SplitMix64 rng(hashKey(options.seed, 0x466c656574ULL));
    fleet.topology.name = "generated-" + std::to_string(options.alveoles) + "-seed" +
                          std::to_string(options.seed);
    fleet.topology.start = options.start;
    fleet.topology.stepMinutes = options.stepMinutes;
    fleet.topology.steps = 0;
    fleet.topology.grid.connected = true;
    fleet.households.reserve(options.alveoles);
    const std::vector<int> sizes = rucheSizes(options, rng);
    int nextIndex = 0;
    for (int r = 0; r < options.ruches; ++r) addRuche(fleet, rng, r, sizes[r], nextIndex);
    addLines(fleet, sizes);
    return fleet;
}

model::Scenario makeDispatchScenario(const Fleet& fleet, std::int64_t startUtc, int steps) {
    const std::int64_t stepSeconds = fleet.options.stepMinutes * 60LL;
    if (steps < 1) throw std::invalid_argument("makeDispatchScenario: steps must be >= 1");
    if (startUtc % stepSeconds != 0) {
        throw std::invalid_argument("makeDispatchScenario: start " + formatIsoUtc(startUtc) +
                                    " is not a multiple of the step length");
    }
    model::Scenario scenario = fleet.topology;
    scenario.name = fleet.topology.name + "-" + formatIsoUtc(startUtc);
    scenario.start = formatIsoUtc(startUtc);
    scenario.steps = steps;
    scenario.grid.importPrice.resize(steps);
    scenario.grid.exportPrice.resize(steps);
    for (auto& ruche : scenario.ruches) {
        for (auto& a : ruche.alveoles) {
            a.loadKw.resize(steps);
            a.pvKw.resize(steps);
        }
    }
    const std::size_t n = fleet.households.size();
    std::vector<double> load(n), critical(n), deferrable(n), pv(n);
    HouseholdModel model(fleet);
    for (int t = 0; t < steps; ++t) {
        const std::int64_t time = startUtc + t * stepSeconds;
        scenario.grid.importPrice[t] = importPriceAt(fleet.options, time);
        scenario.grid.exportPrice[t] = exportPriceAt(fleet.options, time);
        model.compute(time, {load, critical, deferrable, pv});
        std::size_t i = 0;
        for (auto& ruche : scenario.ruches) {
            for (auto& a : ruche.alveoles) {
                a.loadKw[t] = load[i];
                a.pvKw[t] = pv[i];
                ++i;
            }
        }
    }
    return scenario;
}

}  // namespace swarmergy::simulation
