#pragma once
// A small multilayer perceptron that outputs the 10 / 50 / 90 % quantiles of one value,
// trained with the pinball loss. This header is free of libtorch: the network lives in
// QuantileMlp.cpp, the only translation unit of the module that includes <torch/torch.h>.
//
// Output head (why: quantiles must never cross): q50 = o1, q10 = q50 - softplus(o0),
// q90 = q50 + softplus(o2). Each row may carry a multiplier m >= 0 and an offset b: the
// prediction is b + m * q. PV is learnt as a clear-sky index scaled by the clear-sky curve
// (m = clear-sky PV, b = 0); load as a correction to a denoised habit profile (m = 1, b =
// the profile), so the network never does worse than the profile it is given.
// After training, two calibrations on the held-out rows (the latest in time): how much of the
// learnt median to keep against the offset (0, 1/4, .., 1, by MAE), then the band
// (conformalised quantile regression, aiming at 85 % on the held-out days) so that the 10-90 %
// band covers 70-90 % of the following weeks.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace swarmergy::forecast {

inline constexpr int kQuantileCount = 3;
inline constexpr double kQuantileLevels[kQuantileCount] = {0.1, 0.5, 0.9};

// Row-major samples: features has rows * featureCount values.
struct TrainingSet {
    int featureCount = 0;
    std::vector<float> features;
    std::vector<float> targets;       // normalised target per row
    std::vector<float> multipliers;   // per row, >= 0 (1 when unused)
    std::vector<float> offsets;       // per row (0 when unused)
    std::vector<float> references;    // optional: a baseline forecast per row, for reports only
    std::vector<std::int64_t> days;   // optional: local day of each row's target (for interleaved validation)
    int rows() const { return static_cast<int>(targets.size()); }
};

struct TrainOptions {
    int hiddenUnits = 32;
    int epochs = 30;
    int batchSize = 256;
    double learningRate = 3e-3;
    std::uint64_t seed = 1;
    double validationShare = 0.2;    // the last rows (latest in time) are held out
    // > 0 (and TrainingSet::days given): hold out the rows whose target falls on every n-th
    // local day instead, spread over the whole history (see validationRows()).
    int validationEveryDays = 0;
    // Share of the held-out rows the calibrated 10-90 % band must cover (see QuantileMlp.cpp).
    double conformalLevel = 0.85;
    // Called after each epoch with the share done (0..1); return false to cancel.
    std::function<bool(double)> progress;
};

struct TrainReport {
    int epochs = 0;
    int trainRows = 0;
    int validationRows = 0;
    double trainPinball = 0;
    double validationPinball = 0;
    double seconds = 0;
    bool cancelled = false;
};

// Indices of the held-out rows, ascending: the last validationShare of the rows, or with
// validationEveryDays = n the rows of every n-th target day. The sky's days are independent
// draws; a held-out block of the last days (a cloudy week, say) calibrated the PV band on
// one kind of weather, days spread over the whole history stand for all of it.
std::vector<int> validationRows(const TrainingSet& set, const TrainOptions& options);

// A named float array, for the model file (weights, biases, input normalisation).
struct NamedArray {
    std::string name;
    std::vector<std::int64_t> shape;
    std::vector<float> values;
};

class QuantileMlp {
public:
    QuantileMlp();
    ~QuantileMlp();
    QuantileMlp(QuantileMlp&&) noexcept;
    QuantileMlp& operator=(QuantileMlp&&) noexcept;
    QuantileMlp(const QuantileMlp&) = delete;
    QuantileMlp& operator=(const QuantileMlp&) = delete;
    QuantileMlp clone() const;

    // Deterministic for options.seed: single-threaded, torch::manual_seed, our own shuffle.
    // Throws std::invalid_argument for an empty or inconsistent set.
    TrainReport train(const TrainingSet& set, const TrainOptions& options);

    // out gets rows * 3 values (q10, q50, q90 per row): offset + multiplier * quantile.
    // Throws std::logic_error if the network is not trained or loaded.
    // Evaluated with plain loops on a copy of the weights (fast for small batches).
    void predict(const float* features, const float* multipliers, const float* offsets, int rows, float* out) const;
    // The same through libtorch's modules: the reference predict() is tested against.
    void predictWithLibtorch(const float* features, const float* multipliers, const float* offsets, int rows,
                             float* out) const;

    bool ready() const;
    int featureCount() const;

    std::vector<NamedArray> parameters() const;
    // Rebuilds the network from saved arrays; throws std::invalid_argument on any
    // missing array, bad shape or non-finite value (a damaged file must not load).
    void setParameters(const std::vector<NamedArray>& arrays);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace swarmergy::forecast
