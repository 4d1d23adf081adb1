#pragma once
// Synthetic essaim for demos, tests and benchmarks: ruches of various sizes, households with
// H0 loads, appliances, PV and MicroStores, HiveStores, gates, one SeasonStore, lines, and a
// time-of-use tariff. Deterministic for a seed.

#include <cstdint>
#include <string>
#include <vector>

#include "engine/model/Scenario.h"

namespace swarmergy::simulation {

struct FleetOptions {
    int alveoles = 400;
    int ruches = 4;
    std::uint64_t seed = 1;
    double latitudeDeg = 47.22;    // Nantes
    double longitudeDeg = -1.55;
    std::string start = "2026-06-21T00:00:00Z";
    int stepMinutes = 15;
    bool withLines = true;
    // Local civil time used for load profiles, the tariff and "today" KPIs: a fixed offset
    // from UTC (standard time; daylight saving is not modelled). 60 = CET.
    int utcOffsetMinutes = 60;
};

// What drives one household's load and PV in the simulator (the asset limits themselves are
// in the scenario topology: connection, MicroStore).
struct HouseholdProfile {
    double annualKwh = 3500;        // yearly use without heat pump and EV, 2,000..6,000
    double pvPeakKw = 0;            // 0 = no PV
    double tiltDeg = 30;
    double azimuthDeg = 180;        // clockwise from north, 180 = south
    double performanceRatio = 0.82;
    bool cooking = true;            // electric cooking (comfort load)
    bool washing = false;           // washing machine / dishwasher (deferrable)
    bool heatPump = false;          // space heating, runs by ambient temperature (comfort)
    bool electricVehicle = false;   // evening charging sessions (deferrable)
    double heatPumpKw = 0;          // electric input when running
    double evChargeKw = 0;
    // Priority split of the H0 base load for shedding; comfort = 1 - critical - deferrable.
    // Appliances add to their own class (see above).
    double criticalShare = 0.3;
    double deferrableShare = 0.2;
    int ruche = 0;                  // index into the scenario's ruches
};

// Where a ruche is (each has its own sky) and which households it holds.
struct RucheSite {
    double latitudeDeg = 0;
    double longitudeDeg = 0;
    int firstAlveole = 0;   // index into Fleet::households
    int alveoleCount = 0;
};

struct Fleet {
    // Assets and limits; series (load_kw, pv_kw, prices) are left empty and steps = 0:
    // makeDispatchScenario fills them for a window.
    model::Scenario topology;
    std::vector<HouseholdProfile> households;   // flat, in scenario order
    FleetOptions options;
    std::vector<RucheSite> sites;               // one per ruche, in scenario order
};

// Throws std::invalid_argument naming the bad option.
Fleet generateFleet(const FleetOptions& options);

// Time-of-use tariff of the generated fleet, at a UTC instant (local time by the fleet's
// offset): import 0.18 cu/kWh 23:00-06:00, 0.34 cu/kWh 17:00-21:00, 0.26 otherwise, plus
// kWinterSurchargePerKwh from November to February; export 0.08 cu/kWh, always below import.
inline constexpr double kWinterSurchargePerKwh = 0.10;
double importPriceAt(const FleetOptions& options, std::int64_t utcSeconds);
double exportPriceAt(const FleetOptions& options, std::int64_t utcSeconds);

// A complete dispatch scenario (scenario-format.md) for `steps` steps from startUtc, with every
// load_kw / pv_kw and price series from the simulator's own models (the same values a
// Simulator sees at those steps). startUtc must be a multiple of the step length.
model::Scenario makeDispatchScenario(const Fleet& fleet, std::int64_t startUtc, int steps);

}  // namespace swarmergy::simulation
