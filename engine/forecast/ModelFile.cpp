#include "engine/forecast/ModelFile.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace swarmergy::forecast {

namespace {

constexpr const char* kMagic = "swarmergy-forecast-model";
constexpr std::uint64_t kMaxPayloadBytes = 64ULL << 20;

// FNV-1a 64-bit (Fowler, Noll, Vo): cheap and enough to catch damage, not tampering.
std::uint64_t fnv1a(const std::string& bytes)
{
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

template <typename T>
void put(std::string& out, T value)
{
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));   // hosts are little endian (x86-64, ARM64)
    out.append(bytes, sizeof(T));
}

class PayloadReader {
public:
    PayloadReader(const std::string& bytes, const std::string& path) : bytes_(bytes), path_(path) {}
    template <typename T>
    T get()
    {
        need(sizeof(T));
        T value;
        std::memcpy(&value, bytes_.data() + pos_, sizeof(T));
        pos_ += sizeof(T);
        return value;
    }
    std::string text(std::size_t n)
    {
        need(n);
        std::string s = bytes_.substr(pos_, n);
        pos_ += n;
        return s;
    }
    bool done() const { return pos_ == bytes_.size(); }
private:
    void need(std::size_t n)
    {
        if (bytes_.size() - pos_ < n) throw ModelFileError(path_ + ": payload ends early");
    }
    const std::string& bytes_;
    const std::string& path_;
    std::size_t pos_ = 0;
};

std::string encodeArrays(const std::vector<NamedArray>& arrays)
{
    std::string payload;
    for (const NamedArray& a : arrays) {
        put<std::uint32_t>(payload, std::uint32_t(a.name.size()));
        payload += a.name;
        put<std::uint32_t>(payload, std::uint32_t(a.shape.size()));
        for (auto d : a.shape) put<std::int64_t>(payload, d);
        for (float v : a.values) put<float>(payload, v);
    }
    return payload;
}

std::vector<NamedArray> decodeArrays(const std::string& payload, std::size_t count, const std::string& path)
{
    PayloadReader in(payload, path);
    std::vector<NamedArray> arrays;
    for (std::size_t i = 0; i < count; ++i) {
        NamedArray a;
        const auto nameLength = in.get<std::uint32_t>();
        if (nameLength > 256) throw ModelFileError(path + ": array name too long");
        a.name = in.text(nameLength);
        const auto rank = in.get<std::uint32_t>();
        if (rank > 4) throw ModelFileError(path + ": array '" + a.name + "' has rank " + std::to_string(rank));
        std::uint64_t n = 1;
        for (std::uint32_t d = 0; d < rank; ++d) {
            const auto dim = in.get<std::int64_t>();
            if (dim < 1 || dim > (1 << 20)) throw ModelFileError(path + ": array '" + a.name + "' has a bad dimension");
            a.shape.push_back(dim);
            n *= std::uint64_t(dim);
        }
        if (n * sizeof(float) > payload.size()) throw ModelFileError(path + ": array '" + a.name + "' larger than the file");
        a.values.resize(n);
        for (auto& v : a.values) v = in.get<float>();
        arrays.push_back(std::move(a));
    }
    if (!in.done()) throw ModelFileError(path + ": bytes after the last array");
    return arrays;
}

Target parseTarget(const std::string& name, const std::string& path)
{
    for (Target t : {Target::Load, Target::Pv, Target::Irradiance})
        if (name == targetName(t)) return t;
    throw ModelFileError(path + ": unknown target '" + name + "'");
}

}  // namespace

const char* targetName(Target target)
{
    switch (target) {
    case Target::Load: return "load";
    case Target::Pv: return "pv";
    case Target::Irradiance: return "irradiance";
    }
    return "?";
}

void writeModelFile(const std::string& path, const ModelFileContents& c)
{
    const std::string payload = encodeArrays(c.arrays);
    std::ostringstream header;
    header.precision(17);
    const TrainingMetrics& m = c.metrics;
    header << kMagic << ' ' << kModelFileFormat << '\n'
           << "target " << targetName(c.target) << '\n'
           << "ruche " << c.rucheId << '\n'
           << "scale " << c.scale << '\n'
           << "model_version " << m.modelVersion << '\n'
           << "seed " << m.seed << '\n'
           << "samples " << m.samples << '\n'
           << "epochs " << m.epochs << '\n'
           << "train_pinball " << m.trainPinball << '\n'
           << "validation_pinball " << m.validationPinball << '\n'
           << "validation_mae_model " << m.validationMaeModel << '\n'
           << "validation_mae_baseline " << m.validationMaeBaseline << '\n'
           << "train_seconds " << m.trainSeconds << '\n'
           << "trained_until_utc " << m.trainedUntilUtc << '\n'
           << "arrays " << c.arrays.size() << '\n'
           << "payload_bytes " << payload.size() << '\n'
           << "checksum " << std::hex << fnv1a(payload) << std::dec << '\n'
           << "---\n";
    const std::string temporary = path + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) throw ModelFileError(path + ": cannot create " + temporary);
        out << header.str() << payload;
        out.flush();
        if (!out) throw ModelFileError(path + ": cannot write " + temporary);
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    if (ec) throw ModelFileError(path + ": cannot rename the temporary file: " + ec.message());
}

ModelFileContents readModelFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ModelFileError(path + ": missing or unreadable");
    std::string magic;
    int format = 0;
    if (!(in >> magic >> format) || magic != kMagic) throw ModelFileError(path + ": not a forecast model file");
    if (format != kModelFileFormat)
        throw ModelFileError(path + ": format " + std::to_string(format) + ", this build reads " +
                             std::to_string(kModelFileFormat));
    std::map<std::string, std::string> keys;
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line) && line != "---") {
        const auto space = line.find(' ');
        if (space == std::string::npos || keys.size() > 64) throw ModelFileError(path + ": bad header line '" + line + "'");
        keys[line.substr(0, space)] = line.substr(space + 1);
    }
    if (line != "---") throw ModelFileError(path + ": header not terminated");
    auto value = [&](const char* key) -> const std::string& {
        const auto it = keys.find(key);
        if (it == keys.end()) throw ModelFileError(path + ": header key '" + key + "' missing");
        return it->second;
    };
    auto number = [&](const char* key) {
        const std::string& text = value(key);
        char* end = nullptr;
        const double v = std::strtod(text.c_str(), &end);
        if (end == text.c_str() || *end != '\0' || !std::isfinite(v))
            throw ModelFileError(path + ": header key '" + key + "' is not a number");
        return v;
    };
    ModelFileContents c;
    c.target = parseTarget(value("target"), path);
    c.rucheId = value("ruche");
    c.scale = number("scale");
    if (!(c.scale > 0)) throw ModelFileError(path + ": scale must be > 0");
    TrainingMetrics& m = c.metrics;
    m.modelVersion = int(number("model_version"));
    m.seed = std::uint64_t(number("seed"));
    m.samples = int(number("samples"));
    m.epochs = int(number("epochs"));
    m.trainPinball = number("train_pinball");
    m.validationPinball = number("validation_pinball");
    m.validationMaeModel = number("validation_mae_model");
    m.validationMaeBaseline = number("validation_mae_baseline");
    m.trainSeconds = number("train_seconds");
    m.trainedUntilUtc = std::int64_t(number("trained_until_utc"));
    const double payloadBytes = number("payload_bytes");
    if (payloadBytes < 0 || payloadBytes > double(kMaxPayloadBytes)) throw ModelFileError(path + ": bad payload size");
    std::string payload(std::size_t(payloadBytes), '\0');
    in.read(payload.data(), std::streamsize(payload.size()));
    if (std::size_t(in.gcount()) != payload.size()) throw ModelFileError(path + ": truncated payload");
    if (in.peek() != std::char_traits<char>::eof()) throw ModelFileError(path + ": bytes after the payload");
    std::ostringstream sum;
    sum << std::hex << fnv1a(payload);
    if (sum.str() != value("checksum")) throw ModelFileError(path + ": checksum mismatch (damaged file)");
    c.arrays = decodeArrays(payload, std::size_t(number("arrays")), path);
    return c;
}

}  // namespace swarmergy::forecast
