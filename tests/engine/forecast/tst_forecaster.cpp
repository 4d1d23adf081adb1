// RucheForecaster: determinism for a seed, save/load round trip, damaged or missing model
// files falling back to the seasonal-naive baseline with a warning, baselines, bad origins.
#include "tests/support/Check.h"

#include <filesystem>
#include <fstream>
#include <string>

#include "engine/forecast/Baselines.h"
#include "engine/forecast/Features.h"
#include "engine/forecast/ModelFile.h"
#include "engine/forecast/RucheForecaster.h"

using namespace swarmergy;
using namespace swarmergy::forecast;

namespace {

constexpr int kWeek = 7 * 96;

RucheHistory smallRuche()
{
    simulation::FleetOptions options;
    options.alveoles = 60;
    options.ruches = 1;
    options.seed = 3;
    return simulateHistory(simulation::generateFleet(options), 3 * kWeek).front();
}

ForecasterOptions quickTraining(std::uint64_t seed)
{
    ForecasterOptions o;
    o.network.seed = seed;
    o.network.epochs = 3;
    o.network.hiddenUnits = 16;
    o.originStride = 16;
    return o;
}

bool sameSeries(const QuantileSeries& a, const QuantileSeries& b)
{
    return a.p10 == b.p10 && a.p50 == b.p50 && a.p90 == b.p90;
}

bool sameForecast(const RucheForecast& a, const RucheForecast& b)
{
    return sameSeries(a.load.values, b.load.values) && sameSeries(a.pv.values, b.pv.values) &&
           sameSeries(a.irradiance.values, b.irradiance.values);
}

std::string tempDir(const char* name)
{
    const auto dir = std::filesystem::temp_directory_path() / ("swarmergy-forecast-" + std::string(name));
    std::filesystem::remove_all(dir);
    return dir.string();
}

void testBaselines(const RucheHistory& h)
{
    const int origin = 2 * kWeek + 40;
    const auto load = seasonalNaive(Target::Load, h, origin);
    const auto pv = seasonalNaive(Target::Pv, h, origin);
    const auto held = persistence(Target::Load, h, origin);
    CHECK(load.size() == std::size_t(kHorizonSteps));
    CHECK(load[5] == h.loadKw[origin + 5 - kWeek]);   // same time last week
    CHECK(pv[30] == h.pvKw[origin + 30 - 96]);        // same time yesterday
    CHECK(held[70] == h.loadKw[origin - 1]);
    const auto band = seasonalNaiveWithBand(Target::Pv, h, origin);
    for (int k = 0; k < kHorizonSteps; ++k) {
        CHECK(band.p10[k] <= band.p50[k] && band.p50[k] <= band.p90[k]);
        if (h.clearSkyPvKw[origin + k] <= 0) CHECK(band.p90[k] == 0);   // no sun, no PV
    }
}

void testUntrainedAndBadOrigin(const RucheHistory& h)
{
    const RucheForecaster empty(h.rucheId);
    const RucheForecast f = empty.forecast(h, 2 * kWeek);
    CHECK(f.hasWarning() && f.load.fromBaseline && !f.load.warning.empty());
    CHECK(f.load.values.p50 == seasonalNaive(Target::Load, h, 2 * kWeek));
    bool refused = false;
    try {
        empty.forecast(h, 10);   // not enough history for the lags
    } catch (const std::invalid_argument& e) {
        refused = std::string(e.what()).find("history") != std::string::npos;
    }
    CHECK(refused);
}

// predict() runs plain loops on a copy of the weights; predictWithLibtorch() the torch modules.
void testPlainLoopsMatchLibtorch(const RucheHistory& h, const RucheForecaster& trained)
{
    (void)trained;
    QuantileMlp net;
    const TrainingSet set = buildTrainingSet(Target::Load, h, defaultScale(Target::Load, h, 2 * kWeek), kMinHistorySteps,
                                             2 * kWeek, 24);
    TrainOptions options;
    options.epochs = 2;
    options.hiddenUnits = 8;
    net.train(set, options);
    const int rows = std::min(500, set.rows());
    std::vector<float> fast(std::size_t(rows) * 3), reference(std::size_t(rows) * 3);
    net.predict(set.features.data(), set.multipliers.data(), set.offsets.data(), rows, fast.data());
    net.predictWithLibtorch(set.features.data(), set.multipliers.data(), set.offsets.data(), rows, reference.data());
    double worst = 0;
    for (std::size_t i = 0; i < fast.size(); ++i) worst = std::max(worst, double(std::fabs(fast[i] - reference[i])));
    CHECK(worst < 1e-4);
}

void testDeterminismAndRoundTrip(const RucheHistory& h)
{
    RucheForecaster a(h.rucheId), b(h.rucheId), c(h.rucheId);
    CHECK(a.train(h, 2 * kWeek, quickTraining(7)));
    CHECK(b.train(h, 2 * kWeek, quickTraining(7)));
    CHECK(c.train(h, 2 * kWeek, quickTraining(8)));
    const int origin = 2 * kWeek + 20;
    const RucheForecast fa = a.forecast(h, origin);
    CHECK(!fa.hasWarning());
    CHECK(sameForecast(fa, b.forecast(h, origin)));     // same seed: bit-identical
    CHECK(!sameForecast(fa, c.forecast(h, origin)));    // another seed: another network
    for (int k = 0; k < kHorizonSteps; ++k) {
        CHECK(fa.load.values.p10[k] <= fa.load.values.p50[k] && fa.load.values.p50[k] <= fa.load.values.p90[k]);
        if (h.clearSkyPvKw[origin + k] <= 0) CHECK(fa.pv.values.p90[k] == 0);
    }
    CHECK(a.metrics(Target::Load).modelVersion == 1 && a.metrics(Target::Load).samples > 0);
    testPlainLoopsMatchLibtorch(h, a);

    const std::string dir = tempDir("roundtrip");
    a.save(dir);
    RucheForecaster loaded(h.rucheId);
    CHECK(loaded.load(dir).empty());
    CHECK(sameForecast(fa, loaded.forecast(h, origin)));
    CHECK(loaded.metrics(Target::Pv).validationPinball == a.metrics(Target::Pv).validationPinball);
    CHECK(loaded.metrics(Target::Pv).trainedUntilUtc == h.stepStartUtc(2 * kWeek));
    // Retraining after a load bumps the version.
    CHECK(loaded.train(h, 2 * kWeek, quickTraining(7)));
    CHECK(loaded.metrics(Target::Load).modelVersion == 2);
    std::filesystem::remove_all(dir);
}

// The app trains on a worker thread with a progress bar and a cancel button.
void testProgressAndCancel(const RucheHistory& h)
{
    RucheForecaster f(h.rucheId);
    ForecasterOptions options = quickTraining(4);
    std::vector<double> shares;
    options.progress = [&](Target target, double share) {
        if (target == Target::Load) shares.push_back(share);
        return true;
    };
    CHECK(f.train(h, 2 * kWeek, options));
    CHECK(shares.size() == std::size_t(options.network.epochs));
    CHECK(!shares.empty() && shares.back() == 1.0);
    const RucheForecast before = f.forecast(h, 2 * kWeek + 4);
    // Cancel during the PV model: nothing of the new training is kept.
    options.network.seed = 99;
    options.progress = [](Target target, double) { return target != Target::Pv; };
    CHECK(!f.train(h, 2 * kWeek, options));
    CHECK(sameForecast(before, f.forecast(h, 2 * kWeek + 4)));
    CHECK(f.metrics(Target::Load).modelVersion == 1);
}

// Damages one file in a way and checks the fallback for that target only.
void checkDamage(const RucheHistory& h, const RucheForecaster& trained, const char* name,
                 void (*damage)(const std::string& path))
{
    const std::string dir = tempDir(name);
    trained.save(dir);
    damage(RucheForecaster::modelPath(dir, h.rucheId, Target::Pv));
    RucheForecaster loaded(h.rucheId);
    const auto warnings = loaded.load(dir);
    CHECK(warnings.size() == 1);
    const RucheForecast f = loaded.forecast(h, 2 * kWeek + 8);
    CHECK(f.pv.fromBaseline && !f.pv.warning.empty() && f.hasWarning());
    CHECK(!f.load.fromBaseline && !f.irradiance.fromBaseline);
    CHECK(f.pv.values.p50.size() == std::size_t(kHorizonSteps));
    if (!f.pv.fromBaseline || warnings.size() != 1) std::printf("  damage '%s' not caught\n", name);
    else std::printf("  %s -> %s\n", name, f.pv.warning.c_str());
    std::filesystem::remove_all(dir);
}

void testDamagedFiles(const RucheHistory& h)
{
    RucheForecaster trained(h.rucheId);
    trained.train(h, 2 * kWeek, quickTraining(5));
    checkDamage(h, trained, "missing", [](const std::string& p) { std::filesystem::remove(p); });
    checkDamage(h, trained, "truncated", [](const std::string& p) {
        std::filesystem::resize_file(p, std::filesystem::file_size(p) / 2);
    });
    checkDamage(h, trained, "flipped-byte", [](const std::string& p) {
        std::fstream f(p, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(-7, std::ios::end);
        f.put('\x7f');
    });
    checkDamage(h, trained, "garbage", [](const std::string& p) { std::ofstream(p) << "not a model at all"; });
    checkDamage(h, trained, "empty", [](const std::string& p) { std::ofstream(p, std::ios::trunc).flush(); });
    checkDamage(h, trained, "bad-header", [](const std::string& p) {
        std::string text;
        {
            std::ifstream in(p, std::ios::binary);
            text.assign(std::istreambuf_iterator<char>(in), {});
        }
        const auto at = text.find("scale ");
        text.replace(at, 6, "scale -");
        std::ofstream(p, std::ios::binary | std::ios::trunc) << text;
    });
    // A whole missing directory: every target on the baseline, no exception.
    RucheForecaster nothing(h.rucheId);
    CHECK(nothing.load(tempDir("absent")).size() == std::size_t(kTargetCount));
    CHECK(nothing.forecast(h, 2 * kWeek).load.fromBaseline);
}

}  // namespace

int main()
{
    const RucheHistory h = smallRuche();
    testBaselines(h);
    testUntrainedAndBadOrigin(h);
    testDeterminismAndRoundTrip(h);
    testDamagedFiles(h);
    testProgressAndCancel(h);
    return testResult("tst_forecaster");
}
