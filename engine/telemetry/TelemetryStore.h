#pragma once
// TelemetryStore: the SQLite time-series store of meter readings, one row per (meter,
// 15-minute step), with hourly and daily roll-ups kept in the same transaction as the raw
// rows. One SQLite connection per store object; every method takes an internal mutex, so
// one store may be shared by threads (the app queries it from a worker thread).
//
// Errors: bad input (NaN, negative energy, unknown meter, duplicate step...) throws
// std::invalid_argument before anything is written; a storage failure throws
// std::runtime_error (SqliteError) naming the file and the SQL step. Either way the open
// transaction is rolled back, so nothing already committed is lost and no partial step
// is ever visible. See README.md for the schema and the choices behind it.

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace swarmergy::telemetry {

enum class MeterKind { Alveole, Ruche };

// A ruche-kind meter measures the ruche's own assets (HiveStore, shared PV, ...); it is
// added to the ruche's alvéoles by queryRuche, so it must never repeat their sum.
struct MeterInfo {
    std::string id;
    MeterKind kind = MeterKind::Alveole;
    std::string rucheId;   // the ruche this meter belongs to (for a ruche meter: itself)
};

// Energies over one step in kWh, all >= 0; socKwh is the battery level at the step's end.
// Import/export are the meter's exchange with the ruche bus.
struct ReadingValues {
    double loadKwh = 0;
    double importKwh = 0;
    double exportKwh = 0;
    double pvKwh = 0;
    double batteryChargeKwh = 0;
    double batteryDischargeKwh = 0;
    double socKwh = 0;
};

struct Reading {
    std::string meterId;
    ReadingValues values;
};

struct TariffPoint {
    double importPrice = 0;   // cu/kWh, may be negative (it happens on real markets)
    double exportPrice = 0;   // cu/kWh
};

enum class Resolution { Step, Hour, Day };   // raw steps, hourly or daily roll-ups (UTC)

// One interval of a series. Energies are sums over the interval (over the ruche's meters
// for queryRuche); socKwh is the level at the end of the last stored step (summed over
// meters); prices are means over the stored steps of the interval.
struct SeriesRow {
    std::int64_t startUtc = 0;         // interval start, seconds since the Unix epoch
    std::int64_t coveredSeconds = 0;   // time covered by stored steps inside the interval
    int meterCount = 0;                // meters that contributed to the row
    ReadingValues values;
    double importPrice = 0;
    double exportPrice = 0;

    // Average power over the covered time. A meter absent from a stored step counts as 0.
    double averageKw(double energyKwh) const {
        return coveredSeconds > 0 ? energyKwh * 3600.0 / static_cast<double>(coveredSeconds) : 0.0;
    }
    double loadKw() const { return averageKw(values.loadKwh); }
    double pvKw() const { return averageKw(values.pvKwh); }
    double importKw() const { return averageKw(values.importKwh); }
    double exportKw() const { return averageKw(values.exportKwh); }
    double netExportKw() const { return averageKw(values.exportKwh - values.importKwh); }   // < 0: import
    double batteryChargeKw() const { return averageKw(values.batteryChargeKwh); }
    double batteryDischargeKw() const { return averageKw(values.batteryDischargeKwh); }
};

struct TimeRange {
    std::int64_t firstUtc = 0;   // start of the first committed step
    std::int64_t lastUtc = 0;    // start of the last committed step
};

struct RetentionResult {
    std::int64_t rawRowsDeleted = 0;
    std::int64_t hourlyRowsDeleted = 0;
};

enum class Durability {
    // WAL + synchronous=NORMAL: a commit survives a crash of the process (kill -9) at once,
    // and survives power loss once the next checkpoint has synced; a power cut can lose the
    // last commits but never corrupts the file. Meters re-send, so that is the default.
    Normal,
    // WAL + synchronous=FULL: the WAL is fsync'ed at every commit, so a commit also
    // survives power loss, at the price of one fsync per step.
    Full,
};

struct StoreOptions {
    Durability durability = Durability::Normal;
    int cacheMebibytes = 64;   // page cache of the one connection
};

inline constexpr int kSchemaVersion = 1;

class TelemetryStore {
public:
    // Opens (or creates) the file, sets WAL mode and migrates the schema to kSchemaVersion.
    static std::unique_ptr<TelemetryStore> open(const std::string& path, StoreOptions options = {});
    ~TelemetryStore();
    TelemetryStore(const TelemetryStore&) = delete;
    TelemetryStore& operator=(const TelemetryStore&) = delete;

    // Idempotent: a meter already registered with the same kind and ruche is accepted; a
    // different kind or ruche is rejected (readings are clustered by ruche).
    void registerMeters(std::span<const MeterInfo> meters);

    // Writes the whole batch (any subset of registered meters, each at most once) and the
    // tariff in one transaction, and updates hourly and daily roll-ups in that same
    // transaction. stepMinutes must divide 60, the start must be aligned on it, and a store
    // keeps one step length. A step is written once: appending a stored step is an error.
    void appendStep(std::int64_t stepStartUtc, int stepMinutes, std::span<const Reading> readings,
                    const TariffPoint& tariff);

    // Intervals whose start lies in [fromUtc, toUtc), in time order; empty when none, also
    // for an id the store has never seen (a new alvéole has no history yet). A reversed
    // range is std::invalid_argument.
    std::vector<SeriesRow> queryMeter(std::string_view meterId, std::int64_t fromUtc, std::int64_t toUtc,
                                      Resolution resolution) const;
    // Sums over every meter registered in the ruche (alvéoles and the ruche's own meters).
    std::vector<SeriesRow> queryRuche(std::string_view rucheId, std::int64_t fromUtc, std::int64_t toUtc,
                                      Resolution resolution) const;

    std::optional<TimeRange> storedRange() const;            // committed steps, none when empty
    std::optional<std::int64_t> lastCommittedStep() const;   // start of the newest step
    int stepMinutes() const;                                 // 0 until the first step

    // Deletes raw rows older than keepRawDays and hourly roll-ups older than keepHourlyDays,
    // counted back from the end of the last committed step (not the wall clock, so a
    // replayed archive is trimmed the same way). Daily roll-ups and tariffs are kept.
    RetentionResult applyRetention(int keepRawDays, int keepHourlyDays);

    std::vector<MeterInfo> meters() const;
    const std::string& path() const;

private:
    struct Impl;
    explicit TelemetryStore(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace swarmergy::telemetry
