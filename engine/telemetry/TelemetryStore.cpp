#include "engine/telemetry/TelemetryStore.h"

#include "engine/telemetry/SqliteConnection.h"
#include "engine/telemetry/TelemetrySchema.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

namespace swarmergy::telemetry {

namespace {

constexpr std::int64_t kSecondsPerHour = 3600;
constexpr std::int64_t kSecondsPerDay = 86400;

std::int64_t floorTo(std::int64_t utc, std::int64_t period) { return utc - utc % period; }   // utc >= 0

const char* kindName(MeterKind kind) { return kind == MeterKind::Ruche ? "ruche" : "alveole"; }

MeterKind kindFromName(const std::string& name) { return name == "ruche" ? MeterKind::Ruche : MeterKind::Alveole; }

// The value columns shared by readings, hourly and daily, in Reading order.
constexpr const char* kValueColumns =
    "load_kwh, import_kwh, export_kwh, pv_kwh, battery_charge_kwh, battery_discharge_kwh, soc_kwh";

// Adds a step's raw rows to a roll-up table in one statement (the rows are read back in
// key order, so the roll-up pages are visited sequentially). soc keeps the newest step's level.
std::string rollupSql(const std::string& table) {
    return "INSERT INTO " + table + "(start_utc, ruche, meter, " + kValueColumns +
           ", soc_step_utc) "
           "SELECT ?2, ruche, meter, " +
           kValueColumns +
           ", start_utc FROM readings WHERE start_utc = ?1 "
           "ON CONFLICT(start_utc, ruche, meter) DO UPDATE SET "
           "load_kwh = load_kwh + excluded.load_kwh, "
           "import_kwh = import_kwh + excluded.import_kwh, "
           "export_kwh = export_kwh + excluded.export_kwh, "
           "pv_kwh = pv_kwh + excluded.pv_kwh, "
           "battery_charge_kwh = battery_charge_kwh + excluded.battery_charge_kwh, "
           "battery_discharge_kwh = battery_discharge_kwh + excluded.battery_discharge_kwh, "
           "soc_kwh = CASE WHEN excluded.soc_step_utc > soc_step_utc THEN excluded.soc_kwh ELSE soc_kwh END, "
           "soc_step_utc = max(soc_step_utc, excluded.soc_step_utc)";
}

std::string tariffRollupSql(const std::string& table) {
    return "INSERT INTO " + table +
           "(start_utc, covered_seconds, step_count, import_price_sum, export_price_sum) "
           "VALUES (?1, ?2, 1, ?3, ?4) ON CONFLICT(start_utc) DO UPDATE SET "
           "covered_seconds = covered_seconds + excluded.covered_seconds, "
           "step_count = step_count + 1, "
           "import_price_sum = import_price_sum + excluded.import_price_sum, "
           "export_price_sum = export_price_sum + excluded.export_price_sum";
}

// Where one resolution lives: the period (tariff) table walked for the time range, the
// value table looked up by key prefix, and how to read covered time and mean prices.
struct ResolutionTables {
    const char* periods;
    const char* values;
    const char* covered;
    const char* importMean;
    const char* exportMean;
};

constexpr std::array<ResolutionTables, 3> kResolutionTables = {{
    {"step_tariffs", "readings", "p.step_seconds", "p.import_price", "p.export_price"},
    {"hour_tariffs", "hourly", "p.covered_seconds", "p.import_price_sum / p.step_count",
     "p.export_price_sum / p.step_count"},
    {"day_tariffs", "daily", "p.covered_seconds", "p.import_price_sum / p.step_count",
     "p.export_price_sum / p.step_count"},
}};

// CROSS JOIN makes SQLite walk the periods of the range first (a few hundred rows) and
// then seek (start, ruche[, meter]) in the value table's primary key for each.
std::string seriesSql(const ResolutionTables& tables, bool oneMeter) {
    return std::string("SELECT p.start_utc, ") + tables.covered + ", count(*), " + tables.importMean + ", " +
           tables.exportMean +
           ", sum(r.load_kwh), sum(r.import_kwh), sum(r.export_kwh), sum(r.pv_kwh), "
           "sum(r.battery_charge_kwh), sum(r.battery_discharge_kwh), sum(r.soc_kwh) FROM " +
           tables.periods + " AS p CROSS JOIN " + tables.values +
           " AS r WHERE p.start_utc >= ?1 AND p.start_utc < ?2 AND r.start_utc = p.start_utc "
           "AND r.ruche = ?3" +
           (oneMeter ? " AND r.meter = ?4" : "") + " GROUP BY p.start_utc ORDER BY p.start_utc";
}

std::size_t resolutionIndex(Resolution resolution) { return static_cast<std::size_t>(resolution); }

void requireFinite(double value, const std::string& what) {
    if (!std::isfinite(value))
        throw std::invalid_argument(what + " is not a finite number");
}

// The first field of a reading that is not a finite, non-negative energy, or nullptr.
// Checked without building any string: the message is only made on failure.
const char* invalidField(const ReadingValues& v) {
    const std::pair<const char*, double> fields[] = {
        {"load_kwh", v.loadKwh}, {"import_kwh", v.importKwh}, {"export_kwh", v.exportKwh}, {"pv_kwh", v.pvKwh},
        {"battery_charge_kwh", v.batteryChargeKwh}, {"battery_discharge_kwh", v.batteryDischargeKwh},
        {"soc_kwh", v.socKwh}};
    for (const auto& [name, value] : fields)
        if (!std::isfinite(value) || value < 0)
            return name;
    return nullptr;
}

std::string describeField(const ReadingValues& v, const char* field) {
    const std::string name(field);
    const double value = name == "load_kwh"             ? v.loadKwh
                         : name == "import_kwh"         ? v.importKwh
                         : name == "export_kwh"         ? v.exportKwh
                         : name == "pv_kwh"             ? v.pvKwh
                         : name == "battery_charge_kwh" ? v.batteryChargeKwh
                         : name == "battery_discharge_kwh" ? v.batteryDischargeKwh
                                                           : v.socKwh;
    return name + (std::isfinite(value) ? " is negative (" + std::to_string(value) + ")" : " is not a finite number");
}

struct MeterRecord {
    std::int64_t row = 0;
    std::int64_t rucheRow = 0;
    MeterKind kind = MeterKind::Alveole;
    std::string rucheId;
};

// A reading resolved to its key, sorted so the batch is written in primary-key order.
struct KeyedReading {
    std::int64_t rucheRow;
    std::int64_t meterRow;
    const Reading* reading;
};

}  // namespace

struct TelemetryStore::Impl {
    explicit Impl(const std::string& path, const StoreOptions& options);

    void configure(const StoreOptions& options);
    void loadMeters();
    void registerMeters(std::span<const MeterInfo> meters);
    std::int64_t rucheRowFor(const std::string& rucheId, std::unordered_map<std::string, std::int64_t>& added);
    std::string context() const { return "telemetry store '" + connection.path() + "': "; }
    void appendStep(std::int64_t stepStartUtc, int stepMinutes, std::span<const Reading> readings,
                    const TariffPoint& tariff);
    void validateStep(std::int64_t stepStartUtc, int stepMinutes, const TariffPoint& tariff) const;
    std::vector<KeyedReading> keyReadings(std::int64_t stepStartUtc, std::span<const Reading> readings) const;
    void writeTariffs(std::int64_t stepStartUtc, std::int64_t stepSeconds, const TariffPoint& tariff);
    void writeReadings(std::int64_t stepStartUtc, const std::vector<KeyedReading>& keyed);
    std::vector<SeriesRow> query(Statement& statement, std::int64_t rucheRow, std::optional<std::int64_t> meterRow,
                                 std::int64_t fromUtc, std::int64_t toUtc);
    std::optional<std::int64_t> edgeStep(Statement& statement);
    RetentionResult applyRetention(int keepRawDays, int keepHourlyDays);

    Connection connection;
    std::unordered_map<std::string, MeterRecord> metersById;
    std::unordered_map<std::string, std::int64_t> ruchesById;
    std::vector<MeterInfo> meterList;
    std::int64_t stepSeconds = 0;   // 0 until the first step is stored

    // Prepared once after migration and reused for the store's lifetime.
    std::optional<Statement> insertRuche, insertMeter, stepExists, insertStepTariff, upsertHourTariff,
        upsertDayTariff, insertReading, rollupHourly, rollupDaily, firstStep, lastStep, deleteRaw, deleteHourly;
    std::array<std::optional<Statement>, 3> meterSeries, rucheSeries;

    mutable std::mutex mutex;
};

TelemetryStore::Impl::Impl(const std::string& path, const StoreOptions& options) : connection(path) {
    configure(options);
    migrateSchema(connection);
    auto prepare = [this](std::optional<Statement>& slot, const std::string& sql, const char* step) {
        slot.emplace(connection, sql, step);
    };
    prepare(insertRuche, "INSERT INTO ruches(id) VALUES (?1)", "insert ruche");
    prepare(insertMeter, "INSERT INTO meters(id, kind, ruche) VALUES (?1, ?2, ?3)", "insert meter");
    prepare(stepExists, "SELECT 1 FROM step_tariffs WHERE start_utc = ?1", "check step");
    prepare(insertStepTariff, "INSERT INTO step_tariffs VALUES (?1, ?2, ?3, ?4)", "insert step tariff");
    prepare(upsertHourTariff, tariffRollupSql("hour_tariffs"), "roll up hour tariff");
    prepare(upsertDayTariff, tariffRollupSql("day_tariffs"), "roll up day tariff");
    prepare(insertReading, "INSERT INTO readings VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            "insert reading");
    prepare(rollupHourly, rollupSql("hourly"), "roll up hourly readings");
    prepare(rollupDaily, rollupSql("daily"), "roll up daily readings");
    prepare(firstStep, "SELECT start_utc FROM step_tariffs ORDER BY start_utc LIMIT 1", "read first step");
    prepare(lastStep, "SELECT start_utc FROM step_tariffs ORDER BY start_utc DESC LIMIT 1", "read last step");
    prepare(deleteRaw, "DELETE FROM readings WHERE start_utc < ?1", "delete old raw readings");
    prepare(deleteHourly, "DELETE FROM hourly WHERE start_utc < ?1", "delete old hourly roll-ups");
    for (std::size_t i = 0; i < kResolutionTables.size(); ++i) {
        prepare(meterSeries[i], seriesSql(kResolutionTables[i], true), "query meter series");
        prepare(rucheSeries[i], seriesSql(kResolutionTables[i], false), "query ruche series");
    }
    stepSeconds = [this] {
        Statement statement(connection, "SELECT step_seconds FROM step_tariffs LIMIT 1", "read step length");
        ResetOnExit reset(statement);
        return statement.step() ? statement.columnInt(0) : 0;
    }();
    loadMeters();
}

void TelemetryStore::Impl::configure(const StoreOptions& options) {
    connection.exec("PRAGMA busy_timeout = 5000", "set busy timeout");
    const auto mode = connection.queryText("PRAGMA journal_mode = WAL", "enable WAL");
    if (mode != "wal")
        throw SqliteError(connection.path(), "enable WAL", "journal mode stays '" + mode + "'");
    // See Durability in TelemetryStore.h for the trade-off; NORMAL is the default.
    connection.exec(options.durability == Durability::Full ? "PRAGMA synchronous = FULL"
                                                           : "PRAGMA synchronous = NORMAL",
                    "set synchronous");
    connection.exec("PRAGMA cache_size = -" + std::to_string(std::max(1, options.cacheMebibytes) * 1024),
                    "set cache size");
    connection.exec("PRAGMA temp_store = MEMORY", "set temp store");
}

void TelemetryStore::Impl::loadMeters() {
    Statement statement(connection,
                        "SELECT m.row, m.id, m.kind, r.row, r.id FROM meters AS m JOIN ruches AS r ON r.row = m.ruche "
                        "ORDER BY m.row",
                        "load meters");
    while (statement.step()) {
        MeterRecord record{statement.columnInt(0), statement.columnInt(3), kindFromName(statement.columnText(2)),
                           statement.columnText(4)};
        const std::string id = statement.columnText(1);
        meterList.push_back({id, record.kind, record.rucheId});
        ruchesById[record.rucheId] = record.rucheRow;
        metersById.emplace(id, std::move(record));
    }
    Statement ruches(connection, "SELECT row, id FROM ruches", "load ruches");
    while (ruches.step())
        ruchesById[ruches.columnText(1)] = ruches.columnInt(0);
}


// Ruches met for the first time are inserted inside the caller's transaction and only
// published to ruchesById once it commits (see registerMeters).
std::int64_t TelemetryStore::Impl::rucheRowFor(const std::string& rucheId,
                                               std::unordered_map<std::string, std::int64_t>& added) {
    if (const auto found = ruchesById.find(rucheId); found != ruchesById.end())
        return found->second;
    if (const auto found = added.find(rucheId); found != added.end())
        return found->second;
    insertRuche->bind(1, rucheId);
    insertRuche->run();
    return added[rucheId] = connection.lastInsertRowid();
}

void TelemetryStore::Impl::registerMeters(std::span<const MeterInfo> meters) {
    std::unordered_map<std::string, const MeterInfo*> fresh;   // not yet in the file
    for (std::size_t i = 0; i < meters.size(); ++i) {
        const MeterInfo& meter = meters[i];
        const std::string where = context() + "meter #" + std::to_string(i) + " ('" + meter.id + "')";
        if (meter.id.empty() || meter.rucheId.empty())
            throw std::invalid_argument(where + ": meter and ruche ids must not be empty");
        if (meter.kind != MeterKind::Alveole && meter.kind != MeterKind::Ruche)
            throw std::invalid_argument(where + ": unknown meter kind");
        std::optional<MeterInfo> known;
        if (const auto found = metersById.find(meter.id); found != metersById.end())
            known = MeterInfo{meter.id, found->second.kind, found->second.rucheId};
        else if (const auto pending = fresh.find(meter.id); pending != fresh.end())
            known = *pending->second;
        if (known && (known->kind != meter.kind || known->rucheId != meter.rucheId))
            throw std::invalid_argument(where + ": already registered as " + kindName(known->kind) + " of ruche '" +
                                        known->rucheId + "', cannot become " + kindName(meter.kind) +
                                        " of ruche '" + meter.rucheId + "'");
        if (!known)
            fresh.emplace(meter.id, &meter);
    }
    if (fresh.empty())
        return;
    Transaction transaction(connection);
    std::unordered_map<std::string, std::int64_t> addedRuches;
    std::vector<std::pair<std::string, MeterRecord>> addedMeters;
    for (const MeterInfo& meter : meters) {
        if (!fresh.erase(meter.id))
            continue;   // already known, or a repeat inside this batch
        const std::int64_t ruche = rucheRowFor(meter.rucheId, addedRuches);
        insertMeter->bind(1, meter.id);
        insertMeter->bind(2, std::string_view(kindName(meter.kind)));
        insertMeter->bind(3, ruche);
        insertMeter->run();
        addedMeters.push_back({meter.id, {connection.lastInsertRowid(), ruche, meter.kind, meter.rucheId}});
    }
    transaction.commit();
    ruchesById.merge(addedRuches);
    for (auto& [id, record] : addedMeters) {
        meterList.push_back({id, record.kind, record.rucheId});
        metersById.emplace(id, std::move(record));
    }
}

void TelemetryStore::Impl::validateStep(std::int64_t stepStartUtc, int stepMinutes, const TariffPoint& tariff) const {
    const std::string where = context() + "step " + std::to_string(stepStartUtc);
    if (stepMinutes <= 0 || 60 % stepMinutes != 0)
        throw std::invalid_argument(where + ": step length of " + std::to_string(stepMinutes) +
                                    " min does not divide an hour");
    if (stepStartUtc < 0)
        throw std::invalid_argument(where + ": start is before 1970-01-01T00:00:00Z");
    const std::int64_t seconds = stepMinutes * std::int64_t{60};
    if (stepStartUtc % seconds != 0)
        throw std::invalid_argument(where + ": start is not aligned on " + std::to_string(stepMinutes) +
                                    "-minute steps");
    if (stepSeconds != 0 && seconds != stepSeconds)
        throw std::invalid_argument(where + ": step length of " + std::to_string(stepMinutes) +
                                    " min differs from the store's " + std::to_string(stepSeconds / 60) + " min");
    requireFinite(tariff.importPrice, where + ": import price");
    requireFinite(tariff.exportPrice, where + ": export price");
}

std::vector<KeyedReading> TelemetryStore::Impl::keyReadings(std::int64_t stepStartUtc,
                                                            std::span<const Reading> readings) const {
    std::vector<KeyedReading> keyed;
    keyed.reserve(readings.size());
    for (const Reading& reading : readings) {
        const auto found = metersById.find(reading.meterId);
        const char* badField = found == metersById.end() ? nullptr : invalidField(reading.values);
        if (found == metersById.end() || badField) {
            const std::string where = context() + "step " + std::to_string(stepStartUtc) + ", meter '" + reading.meterId + "': ";
            throw std::invalid_argument(where + (badField ? describeField(reading.values, badField)
                                                          : std::string("unknown meter (register it first)")));
        }
        keyed.push_back({found->second.rucheRow, found->second.row, &reading});
    }
    std::sort(keyed.begin(), keyed.end(), [](const KeyedReading& a, const KeyedReading& b) {
        return std::tie(a.rucheRow, a.meterRow) < std::tie(b.rucheRow, b.meterRow);
    });
    const auto repeat = std::adjacent_find(keyed.begin(), keyed.end(), [](const KeyedReading& a, const KeyedReading& b) {
        return a.meterRow == b.meterRow;
    });
    if (repeat != keyed.end())
        throw std::invalid_argument(context() + "step " + std::to_string(stepStartUtc) + ": meter '" +
                                    repeat->reading->meterId + "' appears twice in the batch");
    return keyed;
}

void TelemetryStore::Impl::writeTariffs(std::int64_t stepStartUtc, std::int64_t seconds, const TariffPoint& tariff) {
    insertStepTariff->bind(1, stepStartUtc);
    insertStepTariff->bind(2, seconds);
    insertStepTariff->bind(3, tariff.importPrice);
    insertStepTariff->bind(4, tariff.exportPrice);
    insertStepTariff->run();
    for (auto [statement, period] : {std::pair{&*upsertHourTariff, kSecondsPerHour}, {&*upsertDayTariff, kSecondsPerDay}}) {
        statement->bind(1, floorTo(stepStartUtc, period));
        statement->bind(2, seconds);
        statement->bind(3, tariff.importPrice);
        statement->bind(4, tariff.exportPrice);
        statement->run();
    }
}

void TelemetryStore::Impl::writeReadings(std::int64_t stepStartUtc, const std::vector<KeyedReading>& keyed) {
    Statement& insert = *insertReading;
    for (const KeyedReading& k : keyed) {
        const ReadingValues& v = k.reading->values;
        insert.bind(1, stepStartUtc);
        insert.bind(2, k.rucheRow);
        insert.bind(3, k.meterRow);
        insert.bind(4, v.loadKwh);
        insert.bind(5, v.importKwh);
        insert.bind(6, v.exportKwh);
        insert.bind(7, v.pvKwh);
        insert.bind(8, v.batteryChargeKwh);
        insert.bind(9, v.batteryDischargeKwh);
        insert.bind(10, v.socKwh);
        insert.run();
    }
    for (auto [statement, period] : {std::pair{&*rollupHourly, kSecondsPerHour}, {&*rollupDaily, kSecondsPerDay}}) {
        statement->bind(1, stepStartUtc);
        statement->bind(2, floorTo(stepStartUtc, period));
        statement->run();
    }
}

void TelemetryStore::Impl::appendStep(std::int64_t stepStartUtc, int stepMinutes, std::span<const Reading> readings,
                                      const TariffPoint& tariff) {
    // Everything that can be checked is checked before BEGIN, so bad input costs no I/O.
    validateStep(stepStartUtc, stepMinutes, tariff);
    const std::vector<KeyedReading> keyed = keyReadings(stepStartUtc, readings);
    const std::int64_t seconds = stepMinutes * std::int64_t{60};

    Transaction transaction(connection);   // rolled back on any throw below
    stepExists->bind(1, stepStartUtc);
    const bool stored = stepExists->step();
    stepExists->reset();
    if (stored)
        throw std::invalid_argument(context() + "step " + std::to_string(stepStartUtc) + " is already stored");
    writeTariffs(stepStartUtc, seconds, tariff);
    writeReadings(stepStartUtc, keyed);
    transaction.commit();
    stepSeconds = seconds;
}

std::vector<SeriesRow> TelemetryStore::Impl::query(Statement& statement, std::int64_t rucheRow,
                                                   std::optional<std::int64_t> meterRow, std::int64_t fromUtc,
                                                   std::int64_t toUtc) {
    if (fromUtc > toUtc)
        throw std::invalid_argument(context() + "query range [" + std::to_string(fromUtc) + ", " +
                                    std::to_string(toUtc) + ") is reversed");
    std::vector<SeriesRow> rows;
    ResetOnExit reset(statement);
    statement.bind(1, fromUtc);
    statement.bind(2, toUtc);
    statement.bind(3, rucheRow);
    if (meterRow)
        statement.bind(4, *meterRow);
    while (statement.step()) {
        SeriesRow row;
        row.startUtc = statement.columnInt(0);
        row.coveredSeconds = statement.columnInt(1);
        row.meterCount = static_cast<int>(statement.columnInt(2));
        row.importPrice = statement.columnDouble(3);
        row.exportPrice = statement.columnDouble(4);
        row.values = {statement.columnDouble(5), statement.columnDouble(6), statement.columnDouble(7),
                      statement.columnDouble(8), statement.columnDouble(9), statement.columnDouble(10),
                      statement.columnDouble(11)};
        rows.push_back(row);
    }
    return rows;
}

std::optional<std::int64_t> TelemetryStore::Impl::edgeStep(Statement& statement) {
    ResetOnExit reset(statement);
    if (!statement.step())
        return std::nullopt;
    return statement.columnInt(0);
}

RetentionResult TelemetryStore::Impl::applyRetention(int keepRawDays, int keepHourlyDays) {
    if (keepRawDays < 0 || keepHourlyDays < keepRawDays)
        throw std::invalid_argument(context() + "retention needs 0 <= keepRawDays <= keepHourlyDays, got " +
                                    std::to_string(keepRawDays) + " and " + std::to_string(keepHourlyDays));
    const auto last = edgeStep(*lastStep);
    if (!last)
        return {};
    const std::int64_t endUtc = *last + stepSeconds;
    const std::int64_t rawCutoff = endUtc - keepRawDays * kSecondsPerDay;
    const std::int64_t hourlyCutoff = floorTo(std::max<std::int64_t>(0, endUtc - keepHourlyDays * kSecondsPerDay),
                                              kSecondsPerHour);
    RetentionResult result;
    Transaction transaction(connection);
    deleteRaw->bind(1, rawCutoff);
    deleteRaw->run();
    result.rawRowsDeleted = connection.changes();
    deleteHourly->bind(1, hourlyCutoff);
    deleteHourly->run();
    result.hourlyRowsDeleted = connection.changes();
    transaction.commit();
    return result;
}

std::unique_ptr<TelemetryStore> TelemetryStore::open(const std::string& path, StoreOptions options) {
    return std::unique_ptr<TelemetryStore>(new TelemetryStore(std::make_unique<Impl>(path, options)));
}

TelemetryStore::TelemetryStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

TelemetryStore::~TelemetryStore() = default;

void TelemetryStore::registerMeters(std::span<const MeterInfo> meters) {
    std::lock_guard lock(impl_->mutex);
    impl_->registerMeters(meters);
}

void TelemetryStore::appendStep(std::int64_t stepStartUtc, int stepMinutes, std::span<const Reading> readings,
                                const TariffPoint& tariff) {
    std::lock_guard lock(impl_->mutex);
    impl_->appendStep(stepStartUtc, stepMinutes, readings, tariff);
}

std::vector<SeriesRow> TelemetryStore::queryMeter(std::string_view meterId, std::int64_t fromUtc, std::int64_t toUtc,
                                                  Resolution resolution) const {
    std::lock_guard lock(impl_->mutex);
    const std::size_t index = resolutionIndex(resolution);
    if (index >= kResolutionTables.size())
        throw std::invalid_argument(impl_->context() + "unknown resolution");
    const auto found = impl_->metersById.find(std::string(meterId));
    if (found == impl_->metersById.end())   // never registered: nothing stored (a view of a new alvéole)
        return impl_->query(*impl_->meterSeries[index], -1, -1, fromUtc, toUtc);
    return impl_->query(*impl_->meterSeries[index], found->second.rucheRow, found->second.row, fromUtc, toUtc);
}

std::vector<SeriesRow> TelemetryStore::queryRuche(std::string_view rucheId, std::int64_t fromUtc, std::int64_t toUtc,
                                                  Resolution resolution) const {
    std::lock_guard lock(impl_->mutex);
    const std::size_t index = resolutionIndex(resolution);
    if (index >= kResolutionTables.size())
        throw std::invalid_argument(impl_->context() + "unknown resolution");
    const auto found = impl_->ruchesById.find(std::string(rucheId));
    if (found == impl_->ruchesById.end())   // no meter in that ruche yet: nothing stored
        return impl_->query(*impl_->rucheSeries[index], -1, std::nullopt, fromUtc, toUtc);
    return impl_->query(*impl_->rucheSeries[index], found->second, std::nullopt, fromUtc, toUtc);
}

std::optional<TimeRange> TelemetryStore::storedRange() const {
    std::lock_guard lock(impl_->mutex);
    const auto first = impl_->edgeStep(*impl_->firstStep);
    const auto last = impl_->edgeStep(*impl_->lastStep);
    if (!first || !last)
        return std::nullopt;
    return TimeRange{*first, *last};
}

std::optional<std::int64_t> TelemetryStore::lastCommittedStep() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->edgeStep(*impl_->lastStep);
}

int TelemetryStore::stepMinutes() const {
    std::lock_guard lock(impl_->mutex);
    return static_cast<int>(impl_->stepSeconds / 60);
}

RetentionResult TelemetryStore::applyRetention(int keepRawDays, int keepHourlyDays) {
    std::lock_guard lock(impl_->mutex);
    return impl_->applyRetention(keepRawDays, keepHourlyDays);
}

std::vector<MeterInfo> TelemetryStore::meters() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->meterList;
}

const std::string& TelemetryStore::path() const { return impl_->connection.path(); }

}  // namespace swarmergy::telemetry
