#pragma once
// The model file: a text header (format, target, ruche, normaliser, version and training
// metrics, a checksum) then the network's float arrays in binary. Written to a temporary file
// and renamed, so a crash mid-write never leaves a half file under the real name; read
// strictly, so a truncated or altered file is refused with a reason instead of loaded.
//
//   swarmergy-forecast-model 1
//   target pv
//   ...key value lines...
//   payload_bytes 12345
//   checksum 0123456789abcdef      (FNV-1a 64 of the payload)
//   ---
//   <payload: per array u32 name length, name, u32 rank, i64 dims, f32 values; little endian>

#include <stdexcept>
#include <string>
#include <vector>

#include "engine/forecast/ForecastTypes.h"
#include "engine/forecast/QuantileMlp.h"

namespace swarmergy::forecast {

inline constexpr int kModelFileFormat = 1;

struct ModelFileContents {
    Target target = Target::Load;
    std::string rucheId;
    double scale = 1;
    TrainingMetrics metrics;
    std::vector<NamedArray> arrays;
};

class ModelFileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Throws ModelFileError naming the file (cannot create, cannot write).
void writeModelFile(const std::string& path, const ModelFileContents& contents);
// Throws ModelFileError naming the file and what is wrong (missing, bad header, checksum...).
ModelFileContents readModelFile(const std::string& path);

}  // namespace swarmergy::forecast
