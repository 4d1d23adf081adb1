#pragma once
// The exogenous side of the simulation: every household's demand (H0 + appliances, split by
// shedding priority) and available PV for one step. Structure of arrays, no allocation per
// step, sun position and clouds once per ruche. Stateless in time: values at a step depend only
// on the fleet and that step's time, so a Simulator and makeDispatchScenario agree exactly.

#include <cstdint>
#include <span>
#include <vector>

#include "engine/simulation/FleetGenerator.h"
#include "engine/simulation/SolarModel.h"

namespace swarmergy::simulation {

struct HouseholdInputs {
    std::span<double> loadKw;        // total demand
    std::span<double> criticalKw;    // part of loadKw served first
    std::span<double> deferrableKw;  // part of loadKw shed first
    std::span<double> pvKw;          // available PV (before curtailment)
};

// Persistent cloud regimes shared by a ruche (one sky): a Markov chain over four regimes with a
// mean clear-sky index each, restarted every local midnight from a draw that depends on season.
enum class CloudRegime { Clear = 0, Broken = 1, Overcast = 2, Dark = 3 };

class HouseholdModel {
public:
    explicit HouseholdModel(const Fleet& fleet);

    // Fills `out` (each span sized to the number of households) for the step starting at
    // stepStartUtc. Throws std::invalid_argument if a span has the wrong size.
    void compute(std::int64_t stepStartUtc, const HouseholdInputs& out);

    const SkyState& sky(int ruche) const { return skies_[ruche]; }
    double clearSkyIndex(int ruche) const { return clouds_[ruche].index; }
    CloudRegime cloudRegime(int ruche) const { return clouds_[ruche].regime; }
    std::size_t size() const { return key_.size(); }

private:
    struct CloudState {
        std::int64_t day = INT64_MIN;   // local day number the chain is on
        std::int64_t stepOfDay = -1;
        CloudRegime regime = CloudRegime::Clear;
        double index = 1;
    };
    void updateDaySchedules(std::int64_t localDay);
    void scheduleHousehold(std::size_t i, std::int64_t localDay);
    void advanceClouds(int ruche, std::int64_t localDay, std::int64_t stepOfDay,
                       std::int64_t absoluteStep);
    void computeRuche(int ruche, double baseWattsPerKwh, int minuteOfDay, std::int64_t absStep,
                      const HouseholdInputs& out) const;

    std::uint64_t seed_;
    int stepMinutes_;
    int utcOffsetMinutes_;
    std::vector<RucheSite> sites_;
    std::vector<SkyState> skies_;
    std::vector<CloudState> clouds_;

    // Per household, structure of arrays.
    std::vector<std::uint64_t> key_;
    std::vector<double> annualKwh_;   // H0 part: annual kWh less expected cooking/washing
    std::vector<double> criticalShare_, deferrableShare_;
    std::vector<double> pvPeakKw_, performanceRatio_;
    std::vector<double> normalEast_, normalNorth_, normalUp_, skyView_, groundView_;
    std::vector<double> heatPumpKw_, evKw_;
    std::vector<unsigned char> cooking_, washing_;
    // Today's appliance windows in minutes from local midnight, [start, end).
    std::vector<std::int32_t> lunchStart_, lunchEnd_, dinnerStart_, dinnerEnd_;
    std::vector<std::int32_t> washStart_, washEnd_, evStart_, evEnd_, evCarryEnd_;
    std::vector<double> cookKw_, washKw_;
    std::int64_t scheduledDay_ = INT64_MIN;
};

}  // namespace swarmergy::simulation
