#pragma once
// app::TelemetrySeries over the telemetry store: the views' read-only window on history.
// It opens its own connection (lazily, once the writer has created the file), so reads on a
// worker thread never wait on the simulation thread's writes (SQLite WAL readers don't block).

#include "app/services/TelemetrySeries.h"

#include <QString>

#include <memory>
#include <mutex>

namespace swarmergy::telemetry { class TelemetryStore; }

namespace swarmergy::app {

class TelemetryReader : public TelemetrySeries {
public:
    explicit TelemetryReader(QString path);
    ~TelemetryReader() override;

    std::vector<SeriesPoint> query(const SeriesRequest& request) const override;
    std::pair<std::int64_t, std::int64_t> storedRange() const override;

private:
    telemetry::TelemetryStore* store() const;   // nullptr while the file does not exist

    QString path_;
    mutable std::mutex mutex_;
    mutable std::unique_ptr<telemetry::TelemetryStore> store_;
};

}  // namespace swarmergy::app
