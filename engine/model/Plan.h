#pragma once
// Immutable snapshot of SwarmBrain's current dispatch plan, for the Plan view: what was
// planned over the horizon, what actually happened since the plan started, the plan's quality
// (objective, proven bound) and what it is worth to the community. Plain data, no Qt.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace swarmergy::model {

// One ruche's plan over the horizon (steps values; soc/level: steps + 1 with the start) and
// its actual values for the steps already run (actual* have at most steps values; they grow
// as the simulation advances until the next plan replaces this one).
struct RuchePlan {
    std::string id;
    std::vector<double> plannedImportKw;
    std::vector<double> plannedExportKw;
    std::vector<double> plannedHiveSocKwh;    // empty without HiveStore
    std::vector<double> plannedH2LevelKwh;    // empty without SeasonStore
    std::vector<double> priceCuPerKwh;        // local marginal price (clamped to the tariffs)
    std::vector<double> actualImportKw;
    std::vector<double> actualExportKw;
    std::vector<double> actualHiveSocKwh;
    std::vector<double> actualH2LevelKwh;
    double plannedShedKwh = 0;                // load the plan cannot serve, over the horizon
    double plannedCurtailedKwh = 0;
};

// "Run the washing machine at 13:00: 0.42 cu cheaper" — the view words it in the UI language.
struct Recommendation {
    std::string alveoleId;
    std::string appliance;            // "washing", "ev", "dishwasher", ...
    std::int64_t suggestedStartUtc = 0;
    std::int64_t usualStartUtc = 0;
    double savingCu = 0;
};

enum class PlanTrigger { Periodic, GridDisconnected, GridReconnected, AssetFault, ForecastError, Operator };

struct PlanSnapshot {
    std::int64_t planStartUtc = 0;
    int stepMinutes = 15;
    int steps = 0;
    PlanTrigger trigger = PlanTrigger::Periodic;
    std::string status;               // "optimal", "feasible"
    double objectiveCu = 0;
    double boundCu = 0;               // proven lower bound
    double gap = 0;                   // (objective - bound) / scale, scenario-format.md
    double solveSeconds = 0;
    double aloneCostCu = 0;           // every alvéole alone with the grid, same horizon
    double communityCostCu = 0;       // the plan's cost at grid tariffs
    bool islanded = false;
    double storesLastHours = 0;       // islanded: how long stores serve priority loads
    std::vector<RuchePlan> ruches;
    std::vector<Recommendation> recommendations;
    // The SeasonStore over the year (one value per day from seasonStartUtc): the seasonal
    // plan's level and the actual level so far, and the H2 value the day plan used.
    std::int64_t seasonStartUtc = 0;
    std::vector<double> seasonPlannedLevelKwh;
    std::vector<double> seasonActualLevelKwh;
    double h2TerminalValuePerKwh = 0;

    double savingsCu() const { return aloneCostCu - communityCostCu; }
};

using PlanSnapshotPtr = std::shared_ptr<const PlanSnapshot>;

}  // namespace swarmergy::model
