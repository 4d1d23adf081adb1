#pragma once
// The result of a dispatch (swarmergy-schedule/1, ../shared/scenario-format.md) as plain data.
// Series indexed by step t have `steps` values; state series (socKwh, levelKwh) have
// steps + 1 values, the start included. Stores that do not exist are std::nullopt.

#include <optional>
#include <string>
#include <vector>

namespace swarmergy::model {

enum class ScheduleStatus {
    Optimal,      // bound == objective
    Feasible,     // valid schedule, optimality not proven; bound is a lower bound or absent
    Infeasible,   // shedding could not close a balance (not expected in practice)
};

// A MicroStore or HiveStore over the horizon.
struct BatterySchedule {
    std::vector<double> chargeKw;
    std::vector<double> dischargeKw;
    std::vector<double> socKwh;   // steps + 1 values
};

struct SeasonStoreSchedule {
    std::vector<double> electrolyzerKw;
    std::vector<double> fuelCellKw;
    std::vector<double> levelKwh;   // steps + 1 values
};

struct AlveoleSchedule {
    std::string id;
    std::vector<double> pvUsedKw;
    std::vector<double> shedKw;
    std::optional<BatterySchedule> battery;   // written as charge_kw, discharge_kw, soc_kwh
    std::vector<double> netKw;                // injection into the ruche bus (negative = draw)
};

struct RucheSchedule {
    std::string id;
    std::vector<double> importKw;
    std::vector<double> exportKw;
    std::optional<BatterySchedule> hiveStore;
    std::optional<SeasonStoreSchedule> seasonStore;
    std::vector<AlveoleSchedule> alveoles;
};

struct LineSchedule {
    std::string id;
    std::vector<double> flowKw;   // net flow, positive from -> to
};

struct Schedule {
    std::string scenario;   // the scenario's name
    ScheduleStatus status = ScheduleStatus::Feasible;
    double objective = 0;   // cu, cost of the schedule as written
    std::optional<double> bound;   // proven lower bound on the objective; null when unknown
    double solveSeconds = 0;
    std::vector<RucheSchedule> ruches;
    std::vector<LineSchedule> lines;
};

}  // namespace swarmergy::model
