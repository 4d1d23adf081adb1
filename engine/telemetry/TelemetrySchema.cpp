#include "engine/telemetry/TelemetrySchema.h"

#include "engine/telemetry/SqliteConnection.h"
#include "engine/telemetry/TelemetryStore.h"

#include <array>
#include <string>

namespace swarmergy::telemetry {

namespace {

// Layout choices (see README.md):
// - Value tables are clustered by (start_utc, ruche, meter), WITHOUT ROWID: a step's batch
//   is appended at the right edge of the B-tree (a few hundred pages per 50,000 rows), where
//   a (meter, time) key would dirty one leaf per meter at every step once the file grows.
// - Queries walk the small per-period tariff table for the time range and look each period
//   up by primary-key prefix: (start, ruche) for a ruche, (start, ruche, meter) for a
//   meter. That primary key is the index by ruche and by meter over a time range.
// - Roll-ups keep sums and the last soc (with the step it came from, so a late step
//   cannot overwrite a newer level); tariff roll-ups keep sums and a count for the mean.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE ruches(
    row INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE);
CREATE TABLE meters(
    row INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('alveole', 'ruche')),
    ruche INTEGER NOT NULL REFERENCES ruches(row));
CREATE INDEX meters_by_ruche ON meters(ruche);

CREATE TABLE step_tariffs(
    start_utc INTEGER PRIMARY KEY,
    step_seconds INTEGER NOT NULL,
    import_price REAL NOT NULL,
    export_price REAL NOT NULL);
CREATE TABLE hour_tariffs(
    start_utc INTEGER PRIMARY KEY,
    covered_seconds INTEGER NOT NULL,
    step_count INTEGER NOT NULL,
    import_price_sum REAL NOT NULL,
    export_price_sum REAL NOT NULL);
CREATE TABLE day_tariffs(
    start_utc INTEGER PRIMARY KEY,
    covered_seconds INTEGER NOT NULL,
    step_count INTEGER NOT NULL,
    import_price_sum REAL NOT NULL,
    export_price_sum REAL NOT NULL);

CREATE TABLE readings(
    start_utc INTEGER NOT NULL,
    ruche INTEGER NOT NULL,
    meter INTEGER NOT NULL,
    load_kwh REAL NOT NULL,
    import_kwh REAL NOT NULL,
    export_kwh REAL NOT NULL,
    pv_kwh REAL NOT NULL,
    battery_charge_kwh REAL NOT NULL,
    battery_discharge_kwh REAL NOT NULL,
    soc_kwh REAL NOT NULL,
    PRIMARY KEY (start_utc, ruche, meter)) WITHOUT ROWID;
CREATE TABLE hourly(
    start_utc INTEGER NOT NULL,
    ruche INTEGER NOT NULL,
    meter INTEGER NOT NULL,
    load_kwh REAL NOT NULL,
    import_kwh REAL NOT NULL,
    export_kwh REAL NOT NULL,
    pv_kwh REAL NOT NULL,
    battery_charge_kwh REAL NOT NULL,
    battery_discharge_kwh REAL NOT NULL,
    soc_kwh REAL NOT NULL,
    soc_step_utc INTEGER NOT NULL,
    PRIMARY KEY (start_utc, ruche, meter)) WITHOUT ROWID;
CREATE TABLE daily(
    start_utc INTEGER NOT NULL,
    ruche INTEGER NOT NULL,
    meter INTEGER NOT NULL,
    load_kwh REAL NOT NULL,
    import_kwh REAL NOT NULL,
    export_kwh REAL NOT NULL,
    pv_kwh REAL NOT NULL,
    battery_charge_kwh REAL NOT NULL,
    battery_discharge_kwh REAL NOT NULL,
    soc_kwh REAL NOT NULL,
    soc_step_utc INTEGER NOT NULL,
    PRIMARY KEY (start_utc, ruche, meter)) WITHOUT ROWID;
)sql";

void createSchemaV1(Connection& connection) { connection.exec(kSchemaV1, "create schema version 1"); }

// The migration hook: kMigrations[v] takes a file from user_version v to v + 1. To change
// the schema, bump kSchemaVersion and append a function here; never edit a shipped one.
using Migration = void (*)(Connection&);
constexpr std::array<Migration, kSchemaVersion> kMigrations = {&createSchemaV1};

}  // namespace

void migrateSchema(Connection& connection) {
    for (;;) {
        // Read the version inside the write transaction: two processes opening a new file
        // at once must not both run the same migration.
        Transaction transaction(connection);
        const auto version = connection.queryInt("PRAGMA user_version", "read schema version");
        if (version > kSchemaVersion)
            throw SqliteError(connection.path(), "schema check",
                              "file has schema version " + std::to_string(version) +
                                  ", this build reads up to version " + std::to_string(kSchemaVersion));
        if (version < 0)
            throw SqliteError(connection.path(), "schema check",
                              "invalid schema version " + std::to_string(version));
        if (version == kSchemaVersion)
            return;   // the destructor ends the read-only transaction
        kMigrations[static_cast<std::size_t>(version)](connection);
        connection.exec("PRAGMA user_version = " + std::to_string(version + 1), "write schema version");
        transaction.commit();
    }
}

}  // namespace swarmergy::telemetry
