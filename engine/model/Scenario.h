#pragma once
// The dispatch scenario of ../shared/scenario-format.md (swarmergy-scenario/1) as plain data.
// Units are in the names: kW for power, kWh for energy, cu (currency units) for money.
// Optional keys of the format are std::optional here; defaults are applied by the reader.

#include <optional>
#include <string>
#include <vector>

namespace swarmergy::model {

inline constexpr const char* kScenarioFormat = "swarmergy-scenario/1";
inline constexpr const char* kScheduleFormat = "swarmergy-schedule/1";

// A MicroStore (alvéole) or HiveStore (ruche) battery.
struct Battery {
    double capacityKwh = 0;
    double chargeKw = 0;
    double dischargeKw = 0;
    double etaCharge = 1;
    double etaDischarge = 1;
    double soc0Kwh = 0;
    double socMinKwh = 0;   // default 0
    double socMaxKwh = 0;   // default capacityKwh
    double cycleCostPerKwh = 0;
};

// Green-hydrogen seasonal store: electrolyser in, tank, fuel cell out. Energies in kWh of H2 (LHV).
struct SeasonStore {
    double electrolyzerKw = 0;
    double fuelCellKw = 0;
    double etaElectrolyzer = 1;
    double etaFuelCell = 1;
    double tankKwh = 0;
    double level0Kwh = 0;
    double terminalValuePerKwh = 0;
};

// SwarmGate: the ruche's link to the national grid.
struct Gate {
    double importLimitKw = 0;
    double exportLimitKw = 0;
};

struct Alveole {
    std::string id;
    double connectionKw = 0;
    double vollPerKwh = 5.0;   // value of lost load
    std::vector<double> loadKw;
    std::vector<double> pvKw;
    std::optional<Battery> battery;   // MicroStore
};

struct Ruche {
    std::string id;
    std::optional<Gate> gate;
    std::optional<Battery> hiveStore;
    std::optional<SeasonStore> seasonStore;
    std::vector<Alveole> alveoles;
};

// A line between two ruches; loss applies at the receiving end.
struct Line {
    std::string id;
    std::string from;
    std::string to;
    double capacityKw = 0;
    double loss = 0;
};

struct GridTariff {
    bool connected = true;
    std::vector<double> importPrice;   // cu/kWh per step
    std::vector<double> exportPrice;   // cu/kWh per step
};

struct Scenario {
    std::string name;
    std::string start;   // ISO 8601 UTC, e.g. "2026-06-24T00:00:00Z"
    int stepMinutes = 15;
    int steps = 96;
    GridTariff grid;
    std::vector<Ruche> ruches;
    std::vector<Line> lines;

    double stepHours() const { return stepMinutes / 60.0; }
};

}  // namespace swarmergy::model
