#pragma once
// The narrow door through which views read history from the telemetry store
// (Bitcoin Core's src/interfaces/ idea): widgets see this interface, never SQL.
// Plain C++ so a view test can hand in a fake. Implementations must be safe to call
// from a worker thread (views query off the GUI thread and show the result when it arrives).

#include <cstdint>
#include <string>
#include <vector>

namespace swarmergy::app {

enum class SeriesScope { Ruche, Alveole };

enum class SeriesResolution { Step, Hour, Day };   // 15-minute steps, hourly or daily roll-ups

// Average power over each interval in kW, except soc (kWh at the interval's end) and
// prices (cu/kWh).
struct SeriesPoint {
    std::int64_t timeUtc = 0;   // start of the interval, seconds since the Unix epoch
    double loadKw = 0;
    double pvKw = 0;
    double netExchangeKw = 0;   // > 0 export to the ruche bus / grid, < 0 import
    double socKwh = 0;
    double importPrice = 0;
};

struct SeriesRequest {
    SeriesScope scope = SeriesScope::Ruche;
    std::string id;                  // ruche or alvéole id
    std::int64_t fromUtc = 0;        // inclusive
    std::int64_t toUtc = 0;          // exclusive
    SeriesResolution resolution = SeriesResolution::Step;
};

class TelemetrySeries {
public:
    virtual ~TelemetrySeries() = default;
    // Points in time order; empty when nothing is stored in the range.
    // Throws std::runtime_error with a readable message when the store cannot be read.
    virtual std::vector<SeriesPoint> query(const SeriesRequest& request) const = 0;
    // First and last stored interval start, {0, 0} when empty.
    virtual std::pair<std::int64_t, std::int64_t> storedRange() const = 0;
};

}  // namespace swarmergy::app
