// The only translation unit of engine/forecast that includes libtorch: a quantile MLP.
#include "engine/forecast/QuantileMlp.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>

namespace swarmergy::forecast {

namespace {

struct MlpNet : torch::nn::Module {
    MlpNet(int inputs, int hidden)
        : fc1(register_module("fc1", torch::nn::Linear(inputs, hidden))),
          fc2(register_module("fc2", torch::nn::Linear(hidden, hidden))),
          head(register_module("head", torch::nn::Linear(hidden, kQuantileCount)))
    {
    }
    // Raw quantiles (before the multiplier), columns q10, q50, q90, non-crossing.
    torch::Tensor forward(const torch::Tensor& x)
    {
        auto h = torch::relu(fc1->forward(x));
        h = torch::relu(fc2->forward(h));
        const auto o = head->forward(h);
        const auto mid = o.select(1, 1);
        const auto low = mid - torch::nn::functional::softplus(o.select(1, 0));
        const auto high = mid + torch::nn::functional::softplus(o.select(1, 2));
        return torch::stack({low, mid, high}, 1);
    }
    torch::nn::Linear fc1, fc2, head;
};

// Mean pinball (quantile) loss over rows and the three levels (Koenker & Bassett 1978).
torch::Tensor pinballLoss(const torch::Tensor& predicted, const torch::Tensor& target)
{
    static const torch::Tensor levels =
        torch::tensor({kQuantileLevels[0], kQuantileLevels[1], kQuantileLevels[2]}, torch::kFloat32);
    const auto error = target.unsqueeze(1) - predicted;
    return torch::max(levels * error, (levels - 1.0) * error).mean() * kQuantileCount;
}

// splitmix64 (Steele, Lea, Flood 2014): a shuffle that is the same on every platform.
std::uint64_t splitmix(std::uint64_t& state)
{
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::vector<std::int64_t> shuffledIndices(int n, std::uint64_t& state)
{
    std::vector<std::int64_t> idx(n);
    for (int i = 0; i < n; ++i) idx[i] = i;
    for (int i = n - 1; i > 0; --i) std::swap(idx[i], idx[splitmix(state) % std::uint64_t(i + 1)]);
    return idx;
}

// Restores the intra-op thread count on scope exit (training runs single-threaded).
class SingleThreadScope {
public:
    SingleThreadScope() : previous_(at::get_num_threads()) { at::set_num_threads(1); }
    ~SingleThreadScope() { at::set_num_threads(previous_); }
private:
    int previous_;
};

// How much of the learnt median to keep (0, 1/4 .. 1), by MAE on the held-out rows: with
// an offset (the load habit), a network trained on a few weeks may learn corrections that do
// not carry over; the held-out weeks decide, and 0 falls back to the offset itself.
float bestMedianWeight(const torch::Tensor& raw, const torch::Tensor& y, const torch::Tensor& m)
{
    float best = 1;
    double bestMae = INFINITY;
    for (float w : {1.0f, 0.75f, 0.5f, 0.25f, 0.0f}) {
        const double mae = (raw.select(1, 1) * w * m - y).abs().mean().item<double>();
        if (mae < bestMae - 1e-9) {
            bestMae = mae;
            best = w;
        }
    }
    return best;
}

}  // namespace

namespace {

// Plain loops for inference: a forecast is 96 rows through a network of a few thousand weights,
// where libtorch's per-operation dispatch (some 25 operations) costs more than the arithmetic.
// Training, and the reference path predictWithLibtorch, use libtorch.
// w is stored transposed (input-major) so that the inner loop runs over outputs and vectorises
// without reordering any sum (results stay equal to the libtorch path within rounding).
void denseRelu(const float* wT, const float* b, const float* in, int inputs, int outputs, float* out)
{
    std::copy(b, b + outputs, out);
    for (int i = 0; i < inputs; ++i) {
        const float v = in[i];
        const float* column = wT + std::size_t(i) * outputs;
        for (int o = 0; o < outputs; ++o) out[o] += column[o] * v;
    }
    for (int o = 0; o < outputs; ++o) out[o] = out[o] > 0 ? out[o] : 0.0f;
}

// torch::nn::functional::softplus with beta 1 and threshold 20.
float softplus(float x) { return x > 20.0f ? x : std::log1p(std::exp(x)); }

}  // namespace

struct QuantileMlp::Impl {
    struct Plain {
        std::vector<float> w1, b1, w2, b2, w3, b3, mean, std;   // w1, w2 transposed
    };
    Plain plain;   // copies of the weights for predict()

    void refreshPlain()
    {
        auto copy = [](const torch::Tensor& t) {
            const auto c = t.detach().to(torch::kFloat32).contiguous();
            return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
        };
        plain = {copy(net->fc1->weight.t()), copy(net->fc1->bias), copy(net->fc2->weight.t()), copy(net->fc2->bias),
                 copy(net->head->weight), copy(net->head->bias), copy(inputMean), copy(inputStd)};
    }

    std::shared_ptr<MlpNet> net;
    torch::Tensor inputMean, inputStd;
    float bandMargin = 0;     // conformal widening of the 10-90 % band, raw (unmultiplied) units
    float medianWeight = 1;   // shrinkage of the learnt median towards the offset (0..1)
    int inputs = 0, hidden = 0;

    // q10, q50, q90 in raw units with shrinkage and the conformal margin, never crossing.
    torch::Tensor quantiles(const torch::Tensor& x) const { return calibrated(net->forward((x - inputMean) / inputStd), medianWeight, bandMargin); }

    static torch::Tensor calibrated(const torch::Tensor& q, float weight, float margin)
    {
        const auto mid = q.select(1, 1);
        const auto shift = mid * (weight - 1.0f);   // the whole band moves with its median
        const auto newMid = mid + shift;
        return torch::stack({torch::min(q.select(1, 0) + shift - margin, newMid), newMid,
                             torch::max(q.select(1, 2) + shift + margin, newMid)}, 1);
    }
};

namespace {
// Conformalised quantile regression (Romano, Patterson, Candes 2019): on held-out rows the
// score max(q10 - y, y - q90) has an 85 % quantile; moving both band edges by it makes the
// 10-90 % band cover about that share of the held-out days. We aim above the nominal 80 %
// because the held-out days are few (about a week) and the next weeks' weather differs more
// from the training weeks than the held-out days do: measured test coverage lands near 75-80 %.
// Scores are taken in raw units (divided by the multiplier) on rows where it is not tiny.
// The level is TrainOptions::conformalLevel (0.85 by default).
float conformalMargin(const torch::Tensor& raw, const torch::Tensor& y, const torch::Tensor& m, double conformalLevel)
{
    const auto usable = m > 0.05 * m.max();
    if (usable.sum().item<std::int64_t>() < 10) return 0.0f;
    const auto yRaw = y.masked_select(usable) / m.masked_select(usable);
    const auto low = raw.select(1, 0).masked_select(usable), high = raw.select(1, 2).masked_select(usable);
    const auto scores = torch::max(low - yRaw, yRaw - high);
    const auto n = scores.size(0);
    const double level = std::min(1.0, std::ceil((n + 1) * conformalLevel) / n);
    return scores.quantile(level).item<float>();
}
}  // namespace

std::vector<int> validationRows(const TrainingSet& set, const TrainOptions& options)
{
    const int rows = set.rows();
    std::vector<int> out;
    if (options.validationEveryDays > 1 && set.days.size() == std::size_t(rows)) {
        const std::int64_t n = options.validationEveryDays;
        for (int i = 0; i < rows; ++i)
            if (((set.days[i] % n) + n) % n == n - 1) out.push_back(i);
        if (out.size() >= 10 && int(out.size()) <= rows / 2) return out;
        out.clear();   // too few days for that: the last rows as usual
    }
    const int count = std::clamp(int(rows * options.validationShare), 1, rows / 2);
    for (int i = rows - count; i < rows; ++i) out.push_back(i);
    return out;
}

QuantileMlp::QuantileMlp() : impl_(std::make_unique<Impl>()) {}
QuantileMlp::~QuantileMlp() = default;
QuantileMlp::QuantileMlp(QuantileMlp&&) noexcept = default;
QuantileMlp& QuantileMlp::operator=(QuantileMlp&&) noexcept = default;

QuantileMlp QuantileMlp::clone() const
{
    QuantileMlp copy;
    if (ready()) copy.setParameters(parameters());
    return copy;
}

bool QuantileMlp::ready() const { return impl_ && impl_->net != nullptr; }
int QuantileMlp::featureCount() const { return impl_ ? impl_->inputs : 0; }

TrainReport QuantileMlp::train(const TrainingSet& set, const TrainOptions& options)
{
    const int rows = set.rows();
    if (set.featureCount < 1 || rows < 20 || set.features.size() != std::size_t(rows) * set.featureCount ||
        set.multipliers.size() != std::size_t(rows) || set.offsets.size() != std::size_t(rows))
        throw std::invalid_argument("QuantileMlp::train: need >= 20 rows with consistent features, targets "
                                    "and multipliers (rows " + std::to_string(rows) + ")");
    if (options.hiddenUnits < 1 || options.epochs < 1 || options.batchSize < 1)
        throw std::invalid_argument("QuantileMlp::train: hidden units, epochs and batch size must be >= 1");
    const auto started = std::chrono::steady_clock::now();
    SingleThreadScope singleThread;
    torch::manual_seed(options.seed);

    const int f = set.featureCount;
    const auto all = torch::from_blob(const_cast<float*>(set.features.data()), {rows, f}, torch::kFloat32).clone();
    const auto m = torch::from_blob(const_cast<float*>(set.multipliers.data()), {rows}, torch::kFloat32).clone();
    // The network learns (target - offset) against the multiplier.
    const auto y = torch::from_blob(const_cast<float*>(set.targets.data()), {rows}, torch::kFloat32).clone() -
                   torch::from_blob(const_cast<float*>(set.offsets.data()), {rows}, torch::kFloat32);
    const std::vector<int> heldOut = validationRows(set, options);
    std::vector<std::int64_t> trainIndex, validationIndex(heldOut.begin(), heldOut.end());
    for (int i = 0, next = 0; i < rows; ++i) {
        if (next < int(heldOut.size()) && heldOut[next] == i) ++next;
        else trainIndex.push_back(i);
    }
    const int heldOutRows = int(validationIndex.size());
    const int trainRows = int(trainIndex.size());
    const auto trainSel = torch::tensor(trainIndex, torch::kInt64), validationSel = torch::tensor(validationIndex, torch::kInt64);

    Impl fresh;
    fresh.inputs = f;
    fresh.hidden = options.hiddenUnits;
    fresh.inputMean = all.index_select(0, trainSel).mean(0);
    // A feature constant over the training rows (a day type absent from a short history)
    // carries nothing the network could learn; give it a huge scale so that it reads as 0
    // later instead of blowing up when it does vary.
    const auto spread = all.index_select(0, trainSel).std(0);
    fresh.inputStd = torch::where(spread < 1e-4, torch::full_like(spread, 1e6), spread);
    fresh.net = std::make_shared<MlpNet>(f, options.hiddenUnits);
    const auto x = (all - fresh.inputMean) / fresh.inputStd;
    const auto xTrain = x.index_select(0, trainSel), yTrain = y.index_select(0, trainSel), mTrain = m.index_select(0, trainSel);
    const auto xVal = x.index_select(0, validationSel), yVal = y.index_select(0, validationSel),
               mVal = m.index_select(0, validationSel);

    torch::optim::Adam optimizer(fresh.net->parameters(), torch::optim::AdamOptions(options.learningRate));
    std::uint64_t shuffleState = options.seed ^ 0x5eedf00dULL;
    TrainReport report;
    report.trainRows = trainRows;
    report.validationRows = heldOutRows;
    double bestValidation = INFINITY;
    std::vector<torch::Tensor> best;
    for (int epoch = 0; epoch < options.epochs; ++epoch) {
        // Step decay: halve the rate at 50 % and 75 % of the epochs.
        const double lr = options.learningRate * (epoch >= options.epochs * 3 / 4 ? 0.25 : epoch >= options.epochs / 2 ? 0.5 : 1.0);
        for (auto& group : optimizer.param_groups())
            static_cast<torch::optim::AdamOptions&>(group.options()).lr(lr);
        const auto order = shuffledIndices(trainRows, shuffleState);
        const auto orderTensor = torch::from_blob(const_cast<std::int64_t*>(order.data()), {trainRows}, torch::kInt64);
        double lossSum = 0;
        int batches = 0;
        fresh.net->train();
        for (int begin = 0; begin < trainRows; begin += options.batchSize) {
            const auto batch = orderTensor.slice(0, begin, std::min(trainRows, begin + options.batchSize));
            optimizer.zero_grad();
            const auto predicted = fresh.net->forward(xTrain.index_select(0, batch)) * mTrain.index_select(0, batch).unsqueeze(1);
            const auto loss = pinballLoss(predicted, yTrain.index_select(0, batch));
            loss.backward();
            optimizer.step();
            lossSum += loss.item<double>();
            ++batches;
        }
        torch::NoGradGuard noGrad;
        fresh.net->eval();
        const double validation = pinballLoss(fresh.net->forward(xVal) * mVal.unsqueeze(1), yVal).item<double>();
        report.epochs = epoch + 1;
        report.trainPinball = lossSum / std::max(1, batches);
        if (validation < bestValidation) {
            // Keep the weights of the best validation epoch (early stopping without stopping).
            bestValidation = validation;
            best.clear();
            for (const auto& p : fresh.net->parameters()) best.push_back(p.detach().clone());
        }
        if (options.progress && !options.progress(double(epoch + 1) / options.epochs)) {
            report.cancelled = true;
            break;
        }
    }
    report.validationPinball = bestValidation;
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (report.cancelled) return report;   // a cancelled training leaves the old network in place
    {
        torch::NoGradGuard noGrad;
        auto params = fresh.net->parameters();
        for (std::size_t i = 0; i < params.size(); ++i) params[i].copy_(best[i]);
    }
    fresh.net->eval();
    {
        torch::NoGradGuard noGrad;
        const auto raw = fresh.net->forward(xVal);
        // Shrinking towards the offset only makes sense when there is one (the load habit):
        // for PV and irradiance (offset 0) it would pull the median towards darkness whenever
        // the held-out days happened to be dull.
        const bool hasOffset = std::any_of(set.offsets.begin(), set.offsets.end(), [](float b) { return b != 0.0f; });
        fresh.medianWeight = hasOffset ? bestMedianWeight(raw, yVal, mVal) : 1.0f;
        fresh.bandMargin =
            conformalMargin(Impl::calibrated(raw, fresh.medianWeight, 0.0f), yVal, mVal, options.conformalLevel);
    }
    fresh.refreshPlain();
    *impl_ = std::move(fresh);
    return report;
}

void QuantileMlp::predictWithLibtorch(const float* features, const float* multipliers, const float* offsets, int rows,
                                      float* out) const
{
    if (!ready()) throw std::logic_error("QuantileMlp::predict: the network is neither trained nor loaded");
    if (rows <= 0) return;
    torch::NoGradGuard noGrad;
    const auto x = torch::from_blob(const_cast<float*>(features), {rows, impl_->inputs}, torch::kFloat32);
    const auto m = torch::from_blob(const_cast<float*>(multipliers), {rows}, torch::kFloat32);
    auto q = impl_->quantiles(x) * m.unsqueeze(1);
    if (offsets) q = q + torch::from_blob(const_cast<float*>(offsets), {rows, 1}, torch::kFloat32);
    q = q.contiguous();
    std::copy(q.data_ptr<float>(), q.data_ptr<float>() + std::size_t(rows) * kQuantileCount, out);
}

void QuantileMlp::predict(const float* features, const float* multipliers, const float* offsets, int rows,
                          float* out) const
{
    if (!ready()) throw std::logic_error("QuantileMlp::predict: the network is neither trained nor loaded");
    const Impl::Plain& p = impl_->plain;
    const int f = impl_->inputs, h = impl_->hidden;
    std::vector<float> x(f), h1(h), h2(h);
    for (int r = 0; r < rows; ++r) {
        for (int i = 0; i < f; ++i) x[i] = (features[std::size_t(r) * f + i] - p.mean[i]) / p.std[i];
        denseRelu(p.w1.data(), p.b1.data(), x.data(), f, h, h1.data());
        denseRelu(p.w2.data(), p.b2.data(), h1.data(), h, h, h2.data());
        float o[kQuantileCount];
        for (int k = 0; k < kQuantileCount; ++k) {
            float sum = p.b3[k];
            for (int j = 0; j < h; ++j) sum += p.w3[std::size_t(k) * h + j] * h2[j];
            o[k] = sum;
        }
        // Same head and calibration as Impl::quantiles (checked equal in tst_forecaster).
        const float mid = o[1];
        const float shift = mid * (impl_->medianWeight - 1.0f);
        const float newMid = mid + shift;
        const float low = std::min(mid - softplus(o[0]) + shift - impl_->bandMargin, newMid);
        const float high = std::max(mid + softplus(o[2]) + shift + impl_->bandMargin, newMid);
        const float m = multipliers[r], b = offsets ? offsets[r] : 0.0f;
        out[std::size_t(r) * 3 + 0] = b + m * low;
        out[std::size_t(r) * 3 + 1] = b + m * newMid;
        out[std::size_t(r) * 3 + 2] = b + m * high;
    }
}

namespace {
NamedArray toArray(const std::string& name, const torch::Tensor& t)
{
    const auto c = t.detach().to(torch::kFloat32).contiguous();
    NamedArray a{name, std::vector<std::int64_t>(c.sizes().begin(), c.sizes().end()), {}};
    a.values.assign(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
    return a;
}

const NamedArray& findArray(const std::vector<NamedArray>& arrays, const std::string& name)
{
    for (const auto& a : arrays)
        if (a.name == name) return a;
    throw std::invalid_argument("model parameters: array '" + name + "' is missing");
}

torch::Tensor toTensor(const NamedArray& a, std::vector<std::int64_t> expectedShape)
{
    if (a.shape != expectedShape)
        throw std::invalid_argument("model parameters: array '" + a.name + "' has the wrong shape");
    std::int64_t n = 1;
    for (auto d : a.shape) n *= d;
    if (std::int64_t(a.values.size()) != n)
        throw std::invalid_argument("model parameters: array '" + a.name + "' has the wrong size");
    for (float v : a.values)
        if (!std::isfinite(v)) throw std::invalid_argument("model parameters: array '" + a.name + "' is not finite");
    return torch::from_blob(const_cast<float*>(a.values.data()), a.shape, torch::kFloat32).clone();
}
}  // namespace

std::vector<NamedArray> QuantileMlp::parameters() const
{
    if (!ready()) throw std::logic_error("QuantileMlp::parameters: the network is neither trained nor loaded");
    std::vector<NamedArray> out{toArray("input_mean", impl_->inputMean), toArray("input_std", impl_->inputStd),
                                NamedArray{"band_margin", {1}, {impl_->bandMargin}},
                                NamedArray{"median_weight", {1}, {impl_->medianWeight}}};
    for (const auto& item : impl_->net->named_parameters()) out.push_back(toArray(item.key(), item.value()));
    return out;
}

void QuantileMlp::setParameters(const std::vector<NamedArray>& arrays)
{
    const NamedArray& w1 = findArray(arrays, "fc1.weight");
    if (w1.shape.size() != 2 || w1.shape[0] < 1 || w1.shape[0] > 4096 || w1.shape[1] < 1 || w1.shape[1] > 4096)
        throw std::invalid_argument("model parameters: array 'fc1.weight' has an impossible shape");
    Impl loaded;
    loaded.hidden = int(w1.shape[0]);
    loaded.inputs = int(w1.shape[1]);
    const std::int64_t h = loaded.hidden, f = loaded.inputs;
    loaded.inputMean = toTensor(findArray(arrays, "input_mean"), {f});
    loaded.inputStd = toTensor(findArray(arrays, "input_std"), {f});
    loaded.bandMargin = toTensor(findArray(arrays, "band_margin"), {1}).item<float>();
    loaded.medianWeight = toTensor(findArray(arrays, "median_weight"), {1}).item<float>();
    if (loaded.medianWeight < 0 || loaded.medianWeight > 1)
        throw std::invalid_argument("model parameters: median_weight outside 0..1");
    loaded.net = std::make_shared<MlpNet>(loaded.inputs, loaded.hidden);
    const std::map<std::string, std::vector<std::int64_t>> shapes = {
        {"fc1.weight", {h, f}}, {"fc1.bias", {h}}, {"fc2.weight", {h, h}}, {"fc2.bias", {h}},
        {"head.weight", {kQuantileCount, h}}, {"head.bias", {kQuantileCount}}};
    torch::NoGradGuard noGrad;
    for (auto& item : loaded.net->named_parameters()) {
        const auto it = shapes.find(item.key());
        if (it == shapes.end()) throw std::logic_error("QuantileMlp: unexpected parameter " + item.key());
        item.value().copy_(toTensor(findArray(arrays, item.key()), it->second));
    }
    loaded.net->eval();
    loaded.refreshPlain();
    *impl_ = std::move(loaded);
}

}  // namespace swarmergy::forecast
