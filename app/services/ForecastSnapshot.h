#pragma once
// What the forecast view shows, as plain immutable data built by the app's LearningService from
// SwarmBrain's forecasters, and what the operator may ask of the learning (train now, cancel).
// The view never sees engine/forecast: targets and series are mirrored here.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace swarmergy::app {

enum class ForecastTarget { Load = 0, Pv = 1 };

// One target of one ruche: quantiles from the origin, the measured values where they are known.
struct ForecastSeriesData {
    std::vector<double> p10Kw, p50Kw, p90Kw;   // one per step from the origin
    std::vector<double> actualKw;              // measured, may be shorter than p50Kw (future unknown)
    bool fromBaseline = false;                 // the model was missing or unusable
    std::string warning;                       // why, for the operator; empty when the model answered
    double maeModelKw = 0;                     // over recent held-out days (0 if not evaluated)
    double maeSeasonalNaiveKw = 0;
    double skill = 0;                          // 1 - model MAE / seasonal-naive MAE
    double coverage = 0;                       // share of actuals inside the 10-90 % band
};

struct RucheForecastData {
    std::string rucheId;
    std::int64_t originUtc = 0;
    int stepMinutes = 15;
    ForecastSeriesData load;
    ForecastSeriesData pv;
    const ForecastSeriesData& series(ForecastTarget target) const { return target == ForecastTarget::Load ? load : pv; }
};

struct TrainingStatus {
    bool running = false;
    double progress = 0;                // 0..1 over every ruche and target
    int modelVersion = 0;               // of the models in use (0 = none trained)
    std::int64_t trainedUntilUtc = 0;
    double trainSeconds = 0;            // of the last completed training
    double validationMaeLoadKw = 0;     // mean over ruches, from the training metrics
    double validationMaePvKw = 0;
    std::string message;                // last outcome ("trained", "cancelled", an error)
};

struct ForecastSnapshot {
    std::vector<RucheForecastData> ruches;
    TrainingStatus training;
    std::vector<std::string> warnings;  // model files refused, baselines in use
};

using ForecastSnapshotPtr = std::shared_ptr<const ForecastSnapshot>;

// What the view may ask of the learning service.
class ForecastControl {
public:
    virtual ~ForecastControl() = default;
    virtual void trainNow() = 0;
    virtual void cancelTraining() = 0;
};

}  // namespace swarmergy::app
