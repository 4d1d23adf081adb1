#pragma once
// The SeasonStore's seasonal plan (DOMAIN.md, "Green hydrogen"): one step per day over a year,
// its own linear program, as PyPSA models a hydrogen Store with two Links. Hydrogen only pays
// across seasons (round trip 30-35 %), so a day-ahead plan cannot see its worth; this plan
// prices it. The dual of the tank's balance on each day is the "water value" of one kWh of H2
// in the tank, which the rolling plan uses as the terminal value of the level it leaves.
//
// Daily model, energies in kWh: the essaim's daily surplus S_d (PV above load, summed over the
// steps of the day) can feed the electrolyser (within 24 h of its power) or be sold; its daily
// deficit D_d is served by the fuel cell, bought, or shed at the value of lost load. Batteries
// shift energy within a day and are left out. The tank ends the year at least where it began.

#include "engine/simulation/FleetGenerator.h"

#include <cstdint>
#include <vector>

namespace swarmergy::planning {

struct SeasonalInputs {
    std::int64_t startUtc = 0;          // first day's start
    std::vector<double> surplusKwh;     // per day
    std::vector<double> deficitKwh;     // per day
    std::vector<double> importPrice;    // cu/kWh, the day's mean
    std::vector<double> exportPrice;
    model::SeasonStore store;           // limits, efficiencies, tank, level0
    double vollPerKwh = 5.0;
    // Stack wear per kWh through the electrolyser. Without it a same-day round trip (store at
    // noon, burn at night) breaks even to the thousandth of a cu and the plan churns the tank.
    double electrolyserWearPerKwh = 0.005;
};

struct SeasonalPlan {
    std::int64_t startUtc = 0;
    std::vector<double> levelKwh;          // days + 1, start of each day
    std::vector<double> electrolyzerKwh;   // electricity in, per day
    std::vector<double> fuelCellKwh;       // electricity out, per day
    std::vector<double> waterValuePerKwh;  // days: worth of 1 kWh of H2 in the tank at the end of day d
    double objectiveCu = 0;
    int days() const { return int(electrolyzerKwh.size()); }
    // The water value at the end of the day holding utc (the last one beyond the plan).
    double terminalValueAt(std::int64_t utc) const;
};

// Daily surplus and deficit of the essaim over `days` days from startUtc, from the
// simulator's own load and PV models on a sample of households scaled to the whole essaim
// (a year of 50,000 homes would take minutes; 200 homes tell the seasons as well).
// Throws std::invalid_argument when the fleet has no SeasonStore.
SeasonalInputs seasonalInputs(const simulation::Fleet& fleet, std::int64_t startUtc, int days,
                              int sampleHouseholds = 200);

// Solves the daily LP with CLP. Throws std::runtime_error when CLP does not prove optimality.
SeasonalPlan solveSeasonalPlan(const SeasonalInputs& inputs);

}  // namespace swarmergy::planning
