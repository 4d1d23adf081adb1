#include "app/SimClock.h"

#include <cmath>
#include <cstring>

namespace swarmergy::app {

std::optional<double> speedFactor(model::SimSpeed speed) {
    switch (speed) {
    case model::SimSpeed::Paused: return std::nullopt;
    case model::SimSpeed::RealTime: return 1.0;
    case model::SimSpeed::X60: return 60.0;
    case model::SimSpeed::X3600: return 3600.0;
    case model::SimSpeed::AsFastAsPossible: return 0.0;
    }
    return std::nullopt;
}

std::optional<int> stepIntervalMs(model::SimSpeed speed, int stepMinutes) {
    const auto factor = speedFactor(speed);
    if (!factor)
        return std::nullopt;
    if (*factor == 0.0)
        return 0;
    return static_cast<int>(std::lround(stepMinutes * 60.0 * 1000.0 / *factor));
}

const char* speedKey(model::SimSpeed speed) {
    switch (speed) {
    case model::SimSpeed::Paused: return "pause";
    case model::SimSpeed::RealTime: return "1x";
    case model::SimSpeed::X60: return "60x";
    case model::SimSpeed::X3600: return "3600x";
    case model::SimSpeed::AsFastAsPossible: return "max";
    }
    return "pause";
}

std::optional<model::SimSpeed> speedFromKey(const char* key) {
    for (auto s : {model::SimSpeed::Paused, model::SimSpeed::RealTime, model::SimSpeed::X60,
                   model::SimSpeed::X3600, model::SimSpeed::AsFastAsPossible}) {
        if (std::strcmp(speedKey(s), key) == 0)
            return s;
    }
    return std::nullopt;
}

}  // namespace swarmergy::app
