#include "engine/forecast/RucheForecaster.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "engine/forecast/Baselines.h"
#include "engine/forecast/Features.h"
#include "engine/forecast/ModelFile.h"

namespace swarmergy::forecast {

namespace {
constexpr std::array<Target, kTargetCount> kTargets = {Target::Load, Target::Pv, Target::Irradiance};

// MAE of the model's p50 and of seasonal naive on the held-out rows.
void validationMae(const QuantileMlp& net, const TrainingSet& set, const std::vector<int>& heldOut, double scale,
                   TrainingMetrics& m)
{
    const int f = set.featureCount, n = int(heldOut.size());
    if (n == 0) return;
    std::vector<float> features(std::size_t(n) * f), multipliers(n), offsets(n), out(std::size_t(n) * kQuantileCount);
    for (int r = 0; r < n; ++r) {
        const int i = heldOut[r];
        std::copy_n(set.features.begin() + std::ptrdiff_t(i) * f, f, features.begin() + std::ptrdiff_t(r) * f);
        multipliers[r] = set.multipliers[i];
        offsets[r] = set.offsets[i];
    }
    net.predict(features.data(), multipliers.data(), offsets.data(), n, out.data());
    double model = 0, baseline = 0;
    for (int r = 0; r < n; ++r) {
        model += std::fabs(out[std::size_t(r) * kQuantileCount + 1] - set.targets[heldOut[r]]);
        baseline += std::fabs(set.references[heldOut[r]] - set.targets[heldOut[r]]);
    }
    m.validationMaeModel = model / n * scale;
    m.validationMaeBaseline = baseline / n * scale;
}
}  // namespace

RucheForecaster::RucheForecaster(std::string rucheId) : rucheId_(std::move(rucheId)) {}

bool RucheForecaster::train(const RucheHistory& history, int endStep, const ForecasterOptions& options)
{
    std::array<TargetModel, kTargetCount> trained;
    for (Target target : kTargets) {
        TargetModel& model = trained[int(target)];
        model.scale = defaultScale(target, history, endStep);
        const TrainingSet set = buildTrainingSet(target, history, model.scale, kMinHistorySteps, endStep,
                                                 options.originStride);
        if (set.rows() < 20)
            throw std::invalid_argument("ruche " + history.rucheId + ": history of " + std::to_string(endStep) +
                                        " steps gives too few training rows for " + targetName(target) +
                                        " (need about 9 days)");
        TrainOptions network = options.network;
        network.seed = options.network.seed * 31 + std::uint64_t(target);
        // Load keeps the latest days held out (its level drifts with the season); the sky's
        // days are independent, so PV and irradiance hold out days spread over the history.
        if (target != Target::Load) {
            network.validationEveryDays = options.skyValidationEveryDays;
            network.conformalLevel = options.skyConformalLevel;
        }
        if (options.progress)
            network.progress = [&](double share) { return options.progress(target, share); };
        const TrainReport report = model.network.train(set, network);
        if (report.cancelled) return false;
        TrainingMetrics& m = model.metrics;
        m.modelVersion = models_[int(target)].metrics.modelVersion + 1;
        m.seed = network.seed;
        m.samples = report.trainRows + report.validationRows;
        m.epochs = report.epochs;
        m.trainPinball = report.trainPinball;
        m.validationPinball = report.validationPinball;
        m.trainSeconds = report.seconds;
        m.trainedUntilUtc = history.stepStartUtc(endStep);
        validationMae(model.network, set, validationRows(set, network), model.scale, m);
        model.warning.clear();
    }
    models_ = std::move(trained);
    return true;
}

bool RucheForecaster::hasModel(Target target) const { return models_[int(target)].network.ready(); }

TargetForecast RucheForecaster::forecastTarget(Target target, const RucheHistory& history, int origin) const
{
    const TargetModel& model = models_[int(target)];
    TargetForecast out;
    out.target = target;
    if (!model.network.ready()) {
        out.values = seasonalNaiveWithBand(target, history, origin);
        out.fromBaseline = true;
        out.warning = model.warning;
        return out;
    }
    const int f = featureCount(target);
    std::vector<float> features(std::size_t(kHorizonSteps) * f), multipliers(kHorizonSteps), offsets(kHorizonSteps),
        q(std::size_t(kHorizonSteps) * kQuantileCount);
    buildFeatures(target, history, origin, model.scale, features.data(), multipliers.data(), offsets.data());
    model.network.predict(features.data(), multipliers.data(), offsets.data(), kHorizonSteps, q.data());
    for (auto* s : {&out.values.p10, &out.values.p50, &out.values.p90}) s->resize(kHorizonSteps);
    for (int k = 0; k < kHorizonSteps; ++k) {
        // Physical floor: neither load nor PV nor irradiance is negative.
        out.values.p10[k] = std::max(0.0, q[k * 3 + 0] * model.scale);
        out.values.p50[k] = std::max(0.0, q[k * 3 + 1] * model.scale);
        out.values.p90[k] = std::max(0.0, q[k * 3 + 2] * model.scale);
    }
    return out;
}

RucheForecast RucheForecaster::forecast(const RucheHistory& history, int origin) const
{
    if (origin < kMinHistorySteps || origin > history.steps())
        throw std::invalid_argument("forecast of ruche " + history.rucheId + " at step " + std::to_string(origin) +
                                    ": needs " + std::to_string(kMinHistorySteps) + " steps of history (has " +
                                    std::to_string(std::min(origin, history.steps())) + ")");
    RucheForecast f;
    f.rucheId = history.rucheId;
    f.originUtc = history.stepStartUtc(origin);
    f.stepMinutes = history.stepMinutes;
    f.load = forecastTarget(Target::Load, history, origin);
    f.pv = forecastTarget(Target::Pv, history, origin);
    f.irradiance = forecastTarget(Target::Irradiance, history, origin);
    f.clearSkyIndexP50.resize(kHorizonSteps);
    f.temperatureC.resize(kHorizonSteps);
    for (int k = 0; k < kHorizonSteps; ++k) {
        const double clear = history.clearSkyGhiWm2[origin + k];
        f.clearSkyIndexP50[k] = clear > 1.0 ? std::clamp(f.irradiance.values.p50[k] / clear, 0.0, 1.0) : 1.0;
        f.temperatureC[k] = history.ambientC[origin + k];
    }
    return f;
}

std::string RucheForecaster::modelPath(const std::string& directory, const std::string& rucheId, Target target)
{
    return (std::filesystem::path(directory) / rucheId / (std::string(targetName(target)) + ".model")).string();
}

void RucheForecaster::save(const std::string& directory) const
{
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(directory) / rucheId_, ec);
    if (ec) throw ModelFileError(directory + ": cannot create the model folder: " + ec.message());
    for (Target target : kTargets) {
        const TargetModel& model = models_[int(target)];
        if (!model.network.ready()) continue;
        writeModelFile(modelPath(directory, rucheId_, target),
                       {target, rucheId_, model.scale, model.metrics, model.network.parameters()});
    }
}

std::vector<std::string> RucheForecaster::load(const std::string& directory)
{
    std::vector<std::string> warnings;
    for (Target target : kTargets) {
        TargetModel& model = models_[int(target)];
        const std::string path = modelPath(directory, rucheId_, target);
        try {
            ModelFileContents c = readModelFile(path);
            if (c.target != target || c.rucheId != rucheId_)
                throw ModelFileError(path + ": holds the " + targetName(c.target) + " model of ruche " + c.rucheId);
            QuantileMlp network;
            network.setParameters(c.arrays);
            if (network.featureCount() != featureCount(target))
                throw ModelFileError(path + ": expects " + std::to_string(network.featureCount()) +
                                     " features, this build makes " + std::to_string(featureCount(target)));
            model = TargetModel{std::move(network), c.scale, c.metrics, {}};
        } catch (const std::exception& e) {
            // Unusable file: forget any previous model so the warning and the forecast agree.
            model = TargetModel{};
            model.warning = std::string(e.what()) + "; using the seasonal-naive baseline";
            warnings.push_back(model.warning);
        }
    }
    return warnings;
}

RucheForecaster RucheForecaster::cloneAs(std::string rucheId) const
{
    RucheForecaster copy(std::move(rucheId));
    for (int t = 0; t < kTargetCount; ++t) {
        copy.models_[t].network = models_[t].network.clone();
        copy.models_[t].scale = models_[t].scale;
        copy.models_[t].metrics = models_[t].metrics;
        copy.models_[t].warning = models_[t].warning;
    }
    return copy;
}

}  // namespace swarmergy::forecast
