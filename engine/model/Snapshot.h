#pragma once
// Immutable snapshots of the running essaim, published by the engine side at most 10 Hz
// and read by the views. Plain data, no Qt: a view holds a std::shared_ptr<const EssaimSnapshot>
// and never touches live engine structures (ARCHITECTURE.md, threads and data flow).
// Every power is the average over the current simulation step, in kW.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace swarmergy::model {

// Power flows of one ruche during one step. Sign convention: every field is >= 0, the
// direction is in the name. Balance (conservation, checked in tests):
// pvUsed + microDischarge - microCharge - (load - shed) + hiveDischarge - hiveCharge
//   + fuelCell - electrolyzer + import - export + linesIn - linesOut = 0
struct RucheFlows {
    double loadKw = 0;          // demand before shedding
    double shedKw = 0;          // demand not served
    double pvAvailableKw = 0;   // what the panels could give
    double pvUsedKw = 0;        // after curtailment
    double microChargeKw = 0;   // into MicroStores, summed over the ruche
    double microDischargeKw = 0;
    double hiveChargeKw = 0;    // HiveStore
    double hiveDischargeKw = 0;
    double electrolyzerKw = 0;  // SeasonStore, electric side
    double fuelCellKw = 0;
    double importKw = 0;        // from the national grid through SwarmGate
    double exportKw = 0;
    double linesInKw = 0;       // received from other ruches, after losses
    double linesOutKw = 0;      // sent to other ruches
};

struct StoreLevels {
    double microSocKwh = 0;
    double microCapacityKwh = 0;
    double hiveSocKwh = 0;
    double hiveCapacityKwh = 0;   // 0 when the ruche has no HiveStore
    double h2LevelKwh = 0;
    double h2TankKwh = 0;         // 0 when the ruche has no SeasonStore
};

// Key figures since local midnight of the simulated day.
struct RucheKpis {
    double selfSufficiency = 0;   // 0..1: share of served load not imported from the grid
    double selfConsumption = 0;   // 0..1: share of PV used inside the essaim (not exported)
    double peakImportKw = 0;
    double costToday = 0;         // cu: imports minus exports at the grid tariff
};

struct RucheSnapshot {
    std::string id;
    int alveoleCount = 0;
    bool hasGate = false;
    double importLimitKw = 0;
    double exportLimitKw = 0;
    RucheFlows flows;
    StoreLevels stores;
    RucheKpis today;
};

struct LineSnapshot {
    std::string id;
    int fromRuche = 0;   // index into EssaimSnapshot::ruches
    int toRuche = 0;
    double flowKw = 0;   // net flow sent, > 0 in from -> to direction
    double capacityKw = 0;
    double lossKw = 0;   // lost on the way this step
};

// One row of the fleet table; a snapshot shares the whole vector (50,000 rows are not copied).
struct AlveoleRow {
    std::string id;
    int rucheIndex = 0;
    double loadKw = 0;
    double pvKw = 0;          // used
    double netKw = 0;         // injection into the ruche bus, > 0 export
    double shedKw = 0;
    double socKwh = 0;
    double batteryCapacityKwh = 0;   // 0 without MicroStore
    double annualLoadKwh = 0;
    double pvPeakKw = 0;
    double importTodayKwh = 0;
    double exportTodayKwh = 0;
};

enum class SimSpeed { Paused, RealTime, X60, X3600, AsFastAsPossible };

struct EssaimSnapshot {
    std::int64_t simTimeUtc = 0;   // seconds since the Unix epoch, start of the current step
    std::int64_t stepIndex = 0;
    int stepMinutes = 15;
    SimSpeed speed = SimSpeed::Paused;
    bool gridConnected = true;
    double importPrice = 0;   // cu/kWh this step
    double exportPrice = 0;
    std::vector<RucheSnapshot> ruches;
    std::vector<LineSnapshot> lines;
    std::shared_ptr<const std::vector<AlveoleRow>> alveoles;
};

using EssaimSnapshotPtr = std::shared_ptr<const EssaimSnapshot>;

}  // namespace swarmergy::model
