#pragma once
// Deterministic step-by-step simulation of an essaim with the rule-based controller used until
// the optimiser drives it. State and parameters per alvéole are kept as structure of arrays;
// the per-step results are written once into an AlveoleStep array that views can span over.
// No allocation per step; bit-identical results for the same fleet.

#include <cstdint>
#include <memory>
#include <span>
#include <utility>
#include <vector>

#include "engine/model/Snapshot.h"
#include "engine/simulation/FleetGenerator.h"
#include "engine/simulation/HouseholdModel.h"

namespace swarmergy::simulation {

// Results of one alvéole for the last simulated step (average powers in kW).
struct AlveoleStep {
    double loadKw = 0;          // demand before shedding
    double shedKw = 0;
    double pvAvailableKw = 0;
    double pvUsedKw = 0;        // after curtailment
    double chargeKw = 0;        // MicroStore
    double dischargeKw = 0;
    double socKwh = 0;          // MicroStore state of charge at the end of the step
    double netKw = 0;           // injection into the ruche bus, > 0 export
    double criticalKw = 0;      // part of loadKw shed last
    double deferrableKw = 0;    // part of loadKw shed first (comfort = the rest)
};

struct RucheStep {
    model::RucheFlows flows;
    model::StoreLevels stores;
    double shedDeferrableKw = 0;   // shedKw split by priority class
    double shedComfortKw = 0;
    double shedCriticalKw = 0;
    double clearSkyIndex = 1;      // the ruche's sky this step
    bool islanded = false;
};

struct LineStep {
    int fromRuche = 0;
    int toRuche = 0;
    double flowKw = 0;   // sent, > 0 in from -> to direction
    double lossKw = 0;   // lost on the way (at the receiving end)
    double capacityKw = 0;
};

// Store setpoints of a dispatch plan, step by step, for the simulator to follow (rolling
// horizon): > 0 charges (the electrolyser for a SeasonStore), < 0 discharges (the fuel cell).
// Stored as float: a setpoint is clipped to the asset's limits anyway, and a 50,000-alvéole
// plan of 96 steps stays at 19 MB.
struct StoreSetpoints {
    std::int64_t firstStep = 0;   // simulator step index of the plan's first step
    int steps = 0;
    int alveoles = 0;
    int ruches = 0;
    std::vector<float> microKw;    // [step * alveoles + i], 0 for homes without MicroStore
    std::vector<float> hiveKw;     // [step * ruches + r]
    std::vector<float> seasonKw;   // [step * ruches + r]
    bool covers(std::int64_t step) const { return step >= firstStep && step < firstStep + steps; }
};

// Share of a HiveStore's capacity held back for critical loads: ordinary deficits discharge it
// only down to this level; below it, only critical load that would otherwise be shed.
inline constexpr double kHiveReserveShare = 0.30;

class Simulator {
public:
    explicit Simulator(Fleet fleet);

    // Simulates the step starting at timeUtc() and advances the clock by one step.
    void step();

    std::int64_t timeUtc() const;            // start of the next step to simulate
    std::int64_t stepIndex() const { return stepsDone_; }   // steps simulated so far
    std::int64_t lastStepStartUtc() const;   // start of the step the results describe
    int stepMinutes() const { return fleet_.options.stepMinutes; }

    // Manual grid switch (e.g. an operator opening the link); applies from the next step.
    void setGridConnected(bool connected) { manualConnected_ = connected; }
    // Steps with index in [fromStep, fromStep + steps) run islanded.
    void scheduleGridOutage(std::int64_t fromStep, int steps);
    bool islandedAt(std::int64_t stepIndex) const;

    // Follow a plan's store setpoints while it covers the step; outside it (a late plan) and
    // for whatever the plan did not foresee, the local rules decide. Every asset stays within
    // its limits either way. nullptr: rules only. Throws std::invalid_argument on a plan whose
    // sizes do not match the fleet.
    void followPlan(std::shared_ptr<const StoreSetpoints> plan);
    bool followingPlanAt(std::int64_t stepIndex) const { return plan_ && plan_->covers(stepIndex); }

    std::span<const AlveoleStep> alveoles() const { return alveoleSteps_; }
    std::span<const RucheStep> ruches() const { return rucheSteps_; }
    std::span<const LineStep> lines() const { return lineSteps_; }

    // Complete snapshot of the last simulated step (before the first step: the initial state).
    model::EssaimSnapshotPtr snapshot(model::SimSpeed speed) const;

    // Tariff of the step the results describe (of the next step before the first one).
    double importPriceNow() const;
    double exportPriceNow() const;

    const Fleet& fleet() const { return fleet_; }

private:
    struct Hive {
        bool present = false;
        double socMinKwh = 0, socMaxKwh = 0, reserveKwh = 0;
        double chargeKw = 0, dischargeKw = 0, etaCharge = 1, etaDischarge = 1;
        double socKwh = 0;
    };
    struct Season {
        bool present = false;
        double electrolyzerKw = 0, fuelCellKw = 0, etaElectrolyzer = 1, etaFuelCell = 1;
        double tankKwh = 0, levelKwh = 0;
    };
    struct HomeDecision {
        double chargeKw = 0, dischargeKw = 0, pvUsedKw = 0, shedKw = 0, netKw = 0;
    };
    HomeDecision decideByRules(std::size_t i) const;
    HomeDecision decideByPlan(std::size_t i, double targetKw) const;

    struct RucheState {
        Hive hive;
        Season season;
        bool hasGate = false;
        double importLimitKw = 0, exportLimitKw = 0;
        int first = 0, count = 0;
        // Scratch of the current step.
        double netKw = 0, positiveNetKw = 0;
        // Since local midnight.
        double servedKwh = 0, importKwh = 0, exportKwh = 0, pvAvailableKwh = 0, pvUsedKwh = 0;
        double peakImportKw = 0, costToday = 0;
    };
    struct LineState {
        int from = 0, to = 0;
        double capacityKw = 0, loss = 0;
    };

    void initAlveoles();
    void initRuches();
    void startDayIfNeeded(std::int64_t stepStartUtc);
    void dispatchAlveoles(int r);
    void chargeOrDrawHive(int r, bool islanded);
    void applyPlannedStores(int r);
    void exchangeOverLines();
    void settleSurplus(int r, bool islanded);
    void settleDeficit(int r, bool islanded);
    void curtail(int r, double curtailKw);
    void shed(int r, double deferrableKw, double comfortKw, double criticalKw,
              double totalDeferrable, double totalComfort, double totalCritical);
    void finishRuche(int r, double importPrice, double exportPrice);

    Fleet fleet_;
    HouseholdModel households_;
    std::int64_t startUtc_ = 0;
    std::int64_t stepSeconds_ = 900;
    double stepHours_ = 0.25;
    std::int64_t stepsDone_ = 0;
    bool manualConnected_ = true;
    std::vector<std::pair<std::int64_t, std::int64_t>> outages_;   // [from, to) step indices
    std::int64_t todayLocalDay_ = INT64_MIN;
    std::shared_ptr<const StoreSetpoints> plan_;
    std::int64_t planRow_ = -1;   // step row of plan_ for the step being simulated, -1: none

    // Per alvéole, structure of arrays.
    std::vector<double> loadKw_, criticalKw_, deferrableKw_, pvKw_;
    std::vector<double> capacityKwh_, socMinKwh_, socMaxKwh_, chargeMaxKw_, dischargeMaxKw_;
    std::vector<double> etaCharge_, etaDischarge_, connectionKw_, socKwh_;
    std::vector<double> importTodayKwh_, exportTodayKwh_;
    std::vector<AlveoleStep> alveoleSteps_;

    std::vector<RucheState> ruchesState_;
    std::vector<RucheStep> rucheSteps_;
    std::vector<LineState> linesState_;
    std::vector<LineStep> lineSteps_;
};

}  // namespace swarmergy::simulation
