#pragma once
// Counter-based random numbers: a value is a pure function of (key, counters), so results do not
// depend on the order of evaluation or on where a run started. The mixer is SplitMix64's
// finaliser (Steele, Lea, Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014).

#include <cstdint>

namespace swarmergy::simulation {

inline std::uint64_t mix64(std::uint64_t z) {
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

inline std::uint64_t hashKey(std::uint64_t key, std::uint64_t a, std::uint64_t b = 0) {
    return mix64(key ^ mix64(a * 0xd6e8feb86659fd93ULL + mix64(b + 0x632be59bd9b4e019ULL)));
}

// Uniform in [0, 1) from the top 53 bits.
inline double unitFromBits(std::uint64_t bits) {
    return static_cast<double>(bits >> 11) * 0x1.0p-53;
}

inline double uniform(std::uint64_t key, std::uint64_t a, std::uint64_t b = 0) {
    return unitFromBits(hashKey(key, a, b));
}

// Sequential generator for setup code (fleet generation): same mixer, explicit counter.
class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        state_ += 0x9e3779b97f4a7c15ULL;
        return mix64(state_);
    }
    double uniform() { return unitFromBits(next()); }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    bool chance(double probability) { return uniform() < probability; }

private:
    std::uint64_t state_;
};

}  // namespace swarmergy::simulation
