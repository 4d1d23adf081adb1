#pragma once
// Plain result types of engine/forecast, free of libtorch so that views, the dispatch and the
// CLI can include them. Powers in kW, irradiance in W/m2, temperature in C.

#include <cstdint>
#include <string>
#include <vector>

namespace swarmergy::forecast {

// Horizon of every forecast: one day of 15-minute steps.
inline constexpr int kHorizonSteps = 96;

// What a ruche's models forecast. Temperature is not learned: the simulator's climate is a
// deterministic function of place and time, so the forecast is that function (see README).
enum class Target { Load = 0, Pv = 1, Irradiance = 2 };
inline constexpr int kTargetCount = 3;
const char* targetName(Target target);   // "load", "pv", "irradiance"

// Quantiles 10 / 50 / 90 % for kHorizonSteps steps (or fewer if the caller asked so).
struct QuantileSeries {
    std::vector<double> p10;
    std::vector<double> p50;
    std::vector<double> p90;
    std::size_t size() const { return p50.size(); }
};

struct TargetForecast {
    Target target = Target::Load;
    QuantileSeries values;      // kW for load and PV, W/m2 for irradiance
    bool fromBaseline = false;  // the model was missing or unusable: seasonal-naive fallback
    std::string warning;        // why, for the operator; empty when the model answered
};

// Everything forecast for one ruche from one origin (the first forecast step starts there).
struct RucheForecast {
    std::string rucheId;
    std::int64_t originUtc = 0;
    int stepMinutes = 15;
    TargetForecast load;
    TargetForecast pv;
    TargetForecast irradiance;
    std::vector<double> clearSkyIndexP50;   // irradiance p50 / clear-sky GHI (1 at night)
    std::vector<double> temperatureC;       // ambient, deterministic climate
    bool hasWarning() const { return load.fromBaseline || pv.fromBaseline || irradiance.fromBaseline; }
};

// Written next to each model: how and how well it was trained.
struct TrainingMetrics {
    int modelVersion = 0;          // increments on each retrain into the same directory
    std::uint64_t seed = 0;
    int samples = 0;               // training rows (origin x horizon pairs)
    int epochs = 0;
    double trainPinball = 0;       // mean pinball loss, normalised units
    double validationPinball = 0;
    double validationMaeModel = 0;     // p50 MAE on the validation rows, target units
    double validationMaeBaseline = 0;  // seasonal naive on the same rows
    double trainSeconds = 0;
    std::int64_t trainedUntilUtc = 0;  // last instant of history used
};

}  // namespace swarmergy::forecast
