#include "app/TelemetryReader.h"

#include "engine/telemetry/TelemetryStore.h"

#include <QFileInfo>

namespace swarmergy::app {

namespace {

telemetry::Resolution toStore(SeriesResolution resolution) {
    switch (resolution) {
    case SeriesResolution::Step: return telemetry::Resolution::Step;
    case SeriesResolution::Hour: return telemetry::Resolution::Hour;
    case SeriesResolution::Day: return telemetry::Resolution::Day;
    }
    return telemetry::Resolution::Step;
}

SeriesPoint toPoint(const telemetry::SeriesRow& row) {
    SeriesPoint point;
    point.timeUtc = row.startUtc;
    point.loadKw = row.loadKw();
    point.pvKw = row.pvKw();
    point.netExchangeKw = row.netExportKw();
    point.socKwh = row.values.socKwh;
    point.importPrice = row.importPrice;
    return point;
}

}  // namespace

TelemetryReader::TelemetryReader(QString path) : path_(std::move(path)) {}

TelemetryReader::~TelemetryReader() = default;

telemetry::TelemetryStore* TelemetryReader::store() const {
    if (!store_ && QFileInfo::exists(path_))
        store_ = telemetry::TelemetryStore::open(path_.toStdString());
    return store_.get();
}

std::vector<SeriesPoint> TelemetryReader::query(const SeriesRequest& request) const {
    std::lock_guard lock(mutex_);
    auto* s = store();
    if (!s)
        return {};
    const auto rows = request.scope == SeriesScope::Ruche
                          ? s->queryRuche(request.id, request.fromUtc, request.toUtc, toStore(request.resolution))
                          : s->queryMeter(request.id, request.fromUtc, request.toUtc, toStore(request.resolution));
    std::vector<SeriesPoint> points;
    points.reserve(rows.size());
    for (const auto& row : rows)
        points.push_back(toPoint(row));
    return points;
}

std::pair<std::int64_t, std::int64_t> TelemetryReader::storedRange() const {
    std::lock_guard lock(mutex_);
    auto* s = store();
    if (!s)
        return {0, 0};
    const auto range = s->storedRange();
    return range ? std::pair{range->firstUtc, range->lastUtc} : std::pair<std::int64_t, std::int64_t>{0, 0};
}

}  // namespace swarmergy::app
