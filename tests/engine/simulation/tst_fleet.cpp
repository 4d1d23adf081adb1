// Fleet generator and dispatch scenarios: structure, bad options, scenario validity, and
// agreement between makeDispatchScenario and what the Simulator sees.
#include <set>
#include <stdexcept>
#include <string>

#include "engine/simulation/Calendar.h"
#include "engine/simulation/FleetGenerator.h"
#include "engine/simulation/Simulator.h"
#include "tests/support/Check.h"

using namespace swarmergy;
using namespace swarmergy::simulation;

namespace {

void testStructure() {
    FleetOptions o;
    o.alveoles = 2000;
    o.ruches = 5;
    const Fleet fleet = generateFleet(o);
    int total = 0, withPv = 0, withBattery = 0;
    std::set<std::string> ids;
    for (std::size_t r = 0; r < fleet.topology.ruches.size(); ++r) {
        const model::Ruche& ruche = fleet.topology.ruches[r];
        CHECK(ruche.gate && ruche.hiveStore);
        CHECK(ruche.seasonStore.has_value() == (r == 0));
        CHECK(fleet.sites[r].firstAlveole == total);
        CHECK(fleet.sites[r].alveoleCount == static_cast<int>(ruche.alveoles.size()));
        for (const model::Alveole& a : ruche.alveoles) {
            ids.insert(a.id);
            const HouseholdProfile& h = fleet.households[total];
            CHECK(h.ruche == static_cast<int>(r));
            CHECK(h.annualKwh >= 2000 && h.annualKwh <= 6000);
            CHECK(h.criticalShare + h.deferrableShare < 1);
            withPv += h.pvPeakKw > 0;
            withBattery += a.battery.has_value();
            ++total;
        }
    }
    CHECK(total == 2000 && fleet.households.size() == 2000u && ids.size() == 2000u);
    CHECK(withPv > 0.55 * total && withPv < 0.65 * total);
    CHECK(withBattery > 0.35 * total && withBattery < 0.45 * total);
    CHECK(fleet.topology.lines.size() == 5u);   // a ring
    CHECK(fleet.topology.lines.back().to == "ruche-1");
    // Ruches of various sizes.
    CHECK(fleet.sites[0].alveoleCount != fleet.sites[1].alveoleCount ||
          fleet.sites[1].alveoleCount != fleet.sites[2].alveoleCount);
    o.ruches = 2;
    CHECK(generateFleet(o).topology.lines.size() == 1u);   // a chain
    o.withLines = false;
    CHECK(generateFleet(o).topology.lines.empty());
}

void expectInvalid(FleetOptions o, const std::string& mentions) {
    try {
        generateFleet(o);
        std::printf("FAIL: options accepted, expected an error about %s\n", mentions.c_str());
        ++test::failures;
    } catch (const std::invalid_argument& e) {
        if (std::string(e.what()).find(mentions) == std::string::npos) {
            std::printf("FAIL: error '%s' does not mention %s\n", e.what(), mentions.c_str());
            ++test::failures;
        }
    }
}

void testBadOptions() {
    FleetOptions o;
    o.alveoles = 0;
    expectInvalid(o, "alveoles");
    o = {};
    o.ruches = 500;
    expectInvalid(o, "ruches");
    o = {};
    o.stepMinutes = 7;
    expectInvalid(o, "stepMinutes");
    o = {};
    o.start = "21/06/2026";
    expectInvalid(o, "21/06/2026");
    o = {};
    o.start = "2026-06-21T00:07:00Z";
    expectInvalid(o, "multiple of the step");
    o = {};
    o.latitudeDeg = 95;
    expectInvalid(o, "latitudeDeg");
}

// The rules of scenario-format.md a generated scenario must meet.
void checkValid(const model::Scenario& s) {
    const auto finiteNonNegative = [](double v) { return std::isfinite(v) && v >= 0; };
    CHECK(s.steps == 96 && s.stepMinutes == 15);
    CHECK(static_cast<int>(s.grid.importPrice.size()) == s.steps);
    CHECK(static_cast<int>(s.grid.exportPrice.size()) == s.steps);
    for (int t = 0; t < s.steps; ++t) {
        CHECK(finiteNonNegative(s.grid.importPrice[t]));
        CHECK(s.grid.exportPrice[t] <= s.grid.importPrice[t]);
    }
    std::set<std::string> rucheIds, alveoleIds;
    for (const model::Ruche& r : s.ruches) {
        CHECK(rucheIds.insert(r.id).second);
        const auto checkBattery = [&](const model::Battery& b) {
            CHECK(finiteNonNegative(b.capacityKwh) && finiteNonNegative(b.chargeKw) &&
                  finiteNonNegative(b.dischargeKw));
            CHECK(b.etaCharge > 0 && b.etaCharge <= 1 && b.etaDischarge > 0 && b.etaDischarge <= 1);
            CHECK(b.socMaxKwh <= b.capacityKwh);
            CHECK(b.soc0Kwh >= b.socMinKwh && b.soc0Kwh <= b.socMaxKwh);
        };
        if (r.hiveStore) checkBattery(*r.hiveStore);
        if (r.seasonStore) {
            CHECK(r.seasonStore->level0Kwh <= r.seasonStore->tankKwh);
            CHECK(r.seasonStore->etaElectrolyzer > 0 && r.seasonStore->etaElectrolyzer <= 1);
        }
        for (const model::Alveole& a : r.alveoles) {
            CHECK(alveoleIds.insert(a.id).second);
            CHECK(static_cast<int>(a.loadKw.size()) == s.steps);
            CHECK(static_cast<int>(a.pvKw.size()) == s.steps);
            for (int t = 0; t < s.steps; ++t) {
                CHECK(finiteNonNegative(a.loadKw[t]) && finiteNonNegative(a.pvKw[t]));
            }
            if (a.battery) checkBattery(*a.battery);
        }
    }
    for (const model::Line& l : s.lines) {
        CHECK(l.from != l.to && rucheIds.count(l.from) && rucheIds.count(l.to));
        CHECK(l.loss >= 0 && l.loss < 1 && l.capacityKw >= 0);
    }
}

void testDispatchScenario() {
    FleetOptions o;
    o.alveoles = 200;
    o.ruches = 3;
    const Fleet fleet = generateFleet(o);
    const std::int64_t start = parseIsoUtc("2026-06-24T00:00:00Z");
    const model::Scenario s = makeDispatchScenario(fleet, start, 96);
    checkValid(s);
    CHECK(s.start == "2026-06-24T00:00:00Z");
    // A June day: PV at noon, none at night, and an essaim-wide daily load of a few kWh/home.
    double noonPv = 0, nightPv = 0, dayLoadKwh = 0;
    for (const auto& r : s.ruches) {
        for (const auto& a : r.alveoles) {
            noonPv += a.pvKw[48];
            nightPv += a.pvKw[0];
            for (double l : a.loadKw) dayLoadKwh += l * 0.25;
        }
    }
    CHECK(noonPv > 100 && nightPv == 0);
    CHECK(dayLoadKwh / 200 > 4 && dayLoadKwh / 200 < 25);
    // The Simulator sees exactly the same load and PV at the same steps.
    FleetOptions late = o;
    late.start = "2026-06-24T00:00:00Z";
    Simulator sim(generateFleet(late));
    bool same = true;
    for (int t = 0; t < 96; ++t) {
        sim.step();
        std::size_t i = 0;
        for (const auto& r : s.ruches) {
            for (const auto& a : r.alveoles) {
                same = same && sim.alveoles()[i].loadKw == a.loadKw[t] &&
                       sim.alveoles()[i].pvAvailableKw == a.pvKw[t];
                ++i;
            }
        }
    }
    CHECK(same);
    bool threw = false;
    try { makeDispatchScenario(fleet, start + 60, 96); } catch (const std::invalid_argument&) { threw = true; }
    CHECK(threw);
}

void testSpikyHomes() {
    // Individual homes are spikier than the smooth profile: a home's peak over a winter day
    // is well above its mean, and homes differ from each other.
    FleetOptions o;
    o.alveoles = 50;
    o.ruches = 1;
    const Fleet fleet = generateFleet(o);
    const model::Scenario s = makeDispatchScenario(fleet, parseIsoUtc("2026-01-20T00:00:00Z"), 96);
    int spiky = 0;
    for (const auto& a : s.ruches[0].alveoles) {
        double peak = 0, mean = 0;
        for (double l : a.loadKw) {
            peak = std::max(peak, l);
            mean += l / 96;
        }
        spiky += peak > 3 * mean;
    }
    CHECK(spiky > 25);
}

}  // namespace

int main() {
    testStructure();
    testBadOptions();
    testDispatchScenario();
    testSpikyHomes();
    return testResult("tst_fleet");
}
