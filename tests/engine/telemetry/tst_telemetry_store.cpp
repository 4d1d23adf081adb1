// Unit tests of engine/telemetry TelemetryStore: round trip, roll-ups, query ranges,
// retention, rejection of bad input, reopening, schema versioning and a 50,000-meter step.

#include "engine/telemetry/TelemetryStore.h"
#include "tests/engine/telemetry/TelemetryTestSupport.h"

#include <sqlite3.h>

#include <fstream>
#include <limits>
#include <map>
#include <random>
#include <thread>

using namespace swarmergy::telemetry;
using telemetry_test::ScratchDir;

namespace {

constexpr std::int64_t kDay0 = 1782259200;   // 2026-06-24T00:00:00Z
constexpr std::int64_t kStep = 900;
constexpr double kTol = 1e-9;

std::vector<MeterInfo> smallNetwork() {
    return {{"a1", MeterKind::Alveole, "r1"},
            {"a2", MeterKind::Alveole, "r1"},
            {"hive1", MeterKind::Ruche, "r1"},
            {"b1", MeterKind::Alveole, "r2"}};
}

ReadingValues randomValues(std::mt19937& rng) {
    std::uniform_real_distribution<double> energy(0.0, 3.0);
    return {energy(rng), energy(rng), energy(rng), energy(rng), energy(rng), energy(rng), 10 * energy(rng)};
}

std::vector<Reading> randomBatch(const std::vector<MeterInfo>& meters, std::mt19937& rng) {
    std::vector<Reading> batch;
    for (const auto& meter : meters)
        batch.push_back({meter.id, randomValues(rng)});
    return batch;
}

void checkValues(const ReadingValues& got, const ReadingValues& want) {
    CHECK_NEAR(got.loadKwh, want.loadKwh, kTol);
    CHECK_NEAR(got.importKwh, want.importKwh, kTol);
    CHECK_NEAR(got.exportKwh, want.exportKwh, kTol);
    CHECK_NEAR(got.pvKwh, want.pvKwh, kTol);
    CHECK_NEAR(got.batteryChargeKwh, want.batteryChargeKwh, kTol);
    CHECK_NEAR(got.batteryDischargeKwh, want.batteryDischargeKwh, kTol);
    CHECK_NEAR(got.socKwh, want.socKwh, kTol);
}

void addEnergies(ReadingValues& sum, const ReadingValues& v) {
    sum.loadKwh += v.loadKwh;
    sum.importKwh += v.importKwh;
    sum.exportKwh += v.exportKwh;
    sum.pvKwh += v.pvKwh;
    sum.batteryChargeKwh += v.batteryChargeKwh;
    sum.batteryDischargeKwh += v.batteryDischargeKwh;
}

void testRoundTrip() {
    ScratchDir dir;
    auto store = TelemetryStore::open(dir.file("t.db"));
    CHECK(!store->storedRange());
    CHECK(!store->lastCommittedStep());
    const auto meters = smallNetwork();
    store->registerMeters(meters);
    const std::vector<Reading> batch = {{"a1", {1.0, 0.5, 0.25, 2.0, 0.125, 0.0625, 7.5}},
                                        {"b1", {3.0, 1.5, 0.0, 0.0, 0.0, 1.0, 4.0}}};
    store->appendStep(kDay0 + 4 * kStep, 15, batch, {0.2, 0.07});

    const auto rows = store->queryMeter("a1", kDay0, kDay0 + 86400, Resolution::Step);
    CHECK(rows.size() == 1);
    if (rows.size() == 1) {
        CHECK(rows[0].startUtc == kDay0 + 4 * kStep);
        CHECK(rows[0].coveredSeconds == kStep);
        CHECK(rows[0].meterCount == 1);
        checkValues(rows[0].values, batch[0].values);
        CHECK_NEAR(rows[0].importPrice, 0.2, kTol);
        CHECK_NEAR(rows[0].exportPrice, 0.07, kTol);
        CHECK_NEAR(rows[0].loadKw(), 4.0, kTol);            // 1 kWh in 15 min
        CHECK_NEAR(rows[0].netExportKw(), -1.0, kTol);      // (0.25 - 0.5) kWh in 15 min
    }
    CHECK(store->queryMeter("a2", kDay0, kDay0 + 86400, Resolution::Step).empty());   // no reading for a2
    CHECK(store->lastCommittedStep() == kDay0 + 4 * kStep);
    CHECK(store->storedRange() && store->storedRange()->firstUtc == kDay0 + 4 * kStep);
    CHECK(store->stepMinutes() == 15);
    CHECK(store->meters().size() == meters.size());
}

// Two hours and a step of the next day, appended partly out of order.
void testRollups() {
    ScratchDir dir;
    auto store = TelemetryStore::open(dir.file("t.db"));
    const auto meters = smallNetwork();
    store->registerMeters(meters);
    std::mt19937 rng(42);
    std::vector<std::int64_t> starts;
    for (int i = 0; i < 8; ++i)
        starts.push_back(kDay0 + i * kStep);
    starts.push_back(kDay0 + 86400 + 3 * kStep);
    std::swap(starts[2], starts[3]);   // 00:45 is stored before 00:30: soc must stay the 00:45 one

    std::map<std::int64_t, std::map<std::string, ReadingValues>> raw;   // start -> meter -> values
    std::map<std::int64_t, double> importPrice;
    for (std::int64_t start : starts) {
        const auto batch = randomBatch(meters, rng);
        const TariffPoint tariff{0.1 + 0.01 * static_cast<double>((start / kStep) % 7), 0.05};
        store->appendStep(start, 15, batch, tariff);
        for (const auto& reading : batch)
            raw[start][reading.meterId] = reading.values;
        importPrice[start] = tariff.importPrice;
    }

    for (auto [resolution, period] : {std::pair{Resolution::Hour, std::int64_t{3600}}, {Resolution::Day, std::int64_t{86400}}}) {
        for (const auto& meter : meters) {
            std::map<std::int64_t, ReadingValues> want;
            std::map<std::int64_t, std::int64_t> lastStep, steps;
            std::map<std::int64_t, double> priceSum;
            for (const auto& [start, byMeter] : raw) {
                const std::int64_t bucket = start - start % period;
                addEnergies(want[bucket], byMeter.at(meter.id));
                if (start >= lastStep[bucket]) {
                    lastStep[bucket] = start;
                    want[bucket].socKwh = byMeter.at(meter.id).socKwh;
                }
                ++steps[bucket];
                priceSum[bucket] += importPrice[start];
            }
            const auto rows = store->queryMeter(meter.id, 0, kDay0 + 10 * 86400, resolution);
            CHECK(rows.size() == want.size());
            for (const auto& row : rows) {
                CHECK(want.count(row.startUtc) == 1);
                checkValues(row.values, want[row.startUtc]);
                CHECK(row.coveredSeconds == steps[row.startUtc] * kStep);
                CHECK_NEAR(row.importPrice, priceSum[row.startUtc] / static_cast<double>(steps[row.startUtc]), kTol);
            }
        }
    }

    // Ruche r1 = a1 + a2 + hive1, step by step and per hour, including the summed soc.
    const auto steps = store->queryRuche("r1", kDay0, kDay0 + 3600, Resolution::Step);
    CHECK(steps.size() == 4);
    for (const auto& row : steps) {
        ReadingValues want;
        for (const char* id : {"a1", "a2", "hive1"}) {
            addEnergies(want, raw[row.startUtc][id]);
            want.socKwh += raw[row.startUtc][id].socKwh;
        }
        checkValues(row.values, want);
        CHECK(row.meterCount == 3);
        CHECK_NEAR(row.loadKw(), want.loadKwh * 4, kTol);
    }
    const auto hours = store->queryRuche("r2", kDay0, kDay0 + 86400, Resolution::Hour);
    CHECK(hours.size() == 2);
    if (!hours.empty()) {
        double load = 0;
        for (int i = 0; i < 4; ++i)
            load += raw[kDay0 + i * kStep]["b1"].loadKwh;
        CHECK_NEAR(hours[0].values.loadKwh, load, kTol);
        CHECK_NEAR(hours[0].loadKw(), load, kTol);   // one full hour covered
        CHECK_NEAR(hours[0].values.socKwh, raw[kDay0 + 3 * kStep]["b1"].socKwh, kTol);
    }
}

void testQueryRanges() {
    ScratchDir dir;
    auto store = TelemetryStore::open(dir.file("t.db"));
    store->registerMeters(smallNetwork());
    std::mt19937 rng(7);
    for (int i = 0; i < 8; ++i)
        store->appendStep(kDay0 + i * kStep, 15, randomBatch(smallNetwork(), rng), {0.2, 0.1});

    const auto rows = store->queryMeter("a1", kDay0 + kStep, kDay0 + 3 * kStep, Resolution::Step);
    CHECK(rows.size() == 2);   // from inclusive, to exclusive
    if (rows.size() == 2) {
        CHECK(rows[0].startUtc == kDay0 + kStep);
        CHECK(rows[1].startUtc == kDay0 + 2 * kStep);
    }
    CHECK(store->queryMeter("a1", kDay0, kDay0 + 8 * kStep, Resolution::Step).size() == 8);
    CHECK(store->queryMeter("a1", kDay0 + 1, kDay0 + 8 * kStep, Resolution::Step).size() == 7);
    CHECK(store->queryMeter("a1", kDay0 + kStep, kDay0 + kStep, Resolution::Step).empty());
    CHECK(store->queryMeter("a1", kDay0, kDay0 + 3600, Resolution::Hour).size() == 1);
    CHECK(store->queryMeter("a1", kDay0 + 1, kDay0 + 3600, Resolution::Hour).empty());   // by interval start
    CHECK(store->queryMeter("a1", kDay0, kDay0 + 3601, Resolution::Hour).size() == 2);
    CHECK(store->queryRuche("r1", kDay0 - 86400, kDay0, Resolution::Day).empty());
    CHECK(store->queryRuche("r1", kDay0, kDay0 + 1, Resolution::Day).size() == 1);
    CHECK_THROWS(std::invalid_argument, store->queryMeter("a1", kDay0 + 10, kDay0, Resolution::Step), "reversed");
    CHECK(store->queryMeter("zz", kDay0, kDay0 + 86400, Resolution::Step).empty());   // never registered
    CHECK(store->queryRuche("r9", kDay0, kDay0 + 86400, Resolution::Hour).empty());
    CHECK_THROWS(std::invalid_argument, store->queryRuche("r9", kDay0 + 10, kDay0, Resolution::Step), "reversed");
    const auto range = store->storedRange();
    CHECK(range && range->firstUtc == kDay0 && range->lastUtc == kDay0 + 7 * kStep);
}

void testRetention() {
    ScratchDir dir;
    auto store = TelemetryStore::open(dir.file("t.db"));
    const std::vector<MeterInfo> meters = {{"a1", MeterKind::Alveole, "r1"}, {"a2", MeterKind::Alveole, "r1"}};
    store->registerMeters(meters);
    std::mt19937 rng(3);
    const int days = 4;
    for (int i = 0; i < days * 96; ++i)
        store->appendStep(kDay0 + i * kStep, 15, randomBatch(meters, rng), {0.2, 0.1});
    const auto dayBefore = store->queryRuche("r1", 0, kDay0 + days * 86400, Resolution::Day);

    CHECK_THROWS(std::invalid_argument, store->applyRetention(2, 1), "keepRawDays <= keepHourlyDays");
    CHECK_THROWS(std::invalid_argument, store->applyRetention(-1, 1), "retention");
    const auto result = store->applyRetention(1, 2);
    CHECK(result.rawRowsDeleted == (days - 1) * 96 * 2);
    CHECK(result.hourlyRowsDeleted == (days - 2) * 24 * 2);

    const std::int64_t end = kDay0 + days * 86400;
    CHECK(store->queryMeter("a1", 0, end, Resolution::Step).size() == 96);
    const auto steps = store->queryMeter("a1", 0, end, Resolution::Step);
    CHECK(!steps.empty() && steps.front().startUtc == end - 86400);
    const auto hours = store->queryMeter("a1", 0, end, Resolution::Hour);
    CHECK(hours.size() == 48);
    CHECK(!hours.empty() && hours.front().startUtc == end - 2 * 86400);
    const auto dayAfter = store->queryRuche("r1", 0, end, Resolution::Day);
    CHECK(dayAfter.size() == static_cast<std::size_t>(days));
    for (std::size_t i = 0; i < dayAfter.size() && i < dayBefore.size(); ++i)
        checkValues(dayAfter[i].values, dayBefore[i].values);
    CHECK(store->storedRange() && store->storedRange()->firstUtc == kDay0);   // roll-ups still cover it
    const auto again = store->applyRetention(1, 2);
    CHECK(again.rawRowsDeleted == 0 && again.hourlyRowsDeleted == 0);
}

// Every rejection leaves the file exactly as it was.
void testRejections() {
    ScratchDir dir;
    auto store = TelemetryStore::open(dir.file("t.db"));
    const auto meters = smallNetwork();
    store->registerMeters(meters);
    std::mt19937 rng(5);
    const auto first = randomBatch(meters, rng);
    store->appendStep(kDay0, 15, first, {0.2, 0.1});

    const std::int64_t next = kDay0 + kStep;
    auto withLast = [&](ReadingValues bad, std::string id = "b1") {
        auto batch = randomBatch(meters, rng);
        batch.back() = {std::move(id), bad};
        return batch;
    };
    ReadingValues nan;
    nan.loadKwh = std::numeric_limits<double>::quiet_NaN();
    ReadingValues inf;
    inf.socKwh = std::numeric_limits<double>::infinity();
    ReadingValues negative;
    negative.pvKwh = -0.5;
    CHECK_THROWS(std::invalid_argument, store->appendStep(next, 15, withLast(nan), {0.2, 0.1}), "meter 'b1': load_kwh is not a finite");
    CHECK_THROWS(std::invalid_argument, store->appendStep(next, 15, withLast(inf), {0.2, 0.1}), "soc_kwh is not a finite");
    CHECK_THROWS(std::invalid_argument, store->appendStep(next, 15, withLast(negative), {0.2, 0.1}), "pv_kwh is negative");
    CHECK_THROWS(std::invalid_argument, store->appendStep(next, 15, withLast({}, "ghost"), {0.2, 0.1}), "meter 'ghost': unknown meter");
    CHECK_THROWS(std::invalid_argument, store->appendStep(next, 15, withLast({}, "a1"), {0.2, 0.1}), "'a1' appears twice");
    CHECK_THROWS(std::invalid_argument, store->appendStep(next, 15, first, {std::nan(""), 0.1}), "import price");
    CHECK_THROWS(std::invalid_argument, store->appendStep(kDay0, 15, first, {0.2, 0.1}), "already stored");
    CHECK_THROWS(std::invalid_argument, store->appendStep(next + 60, 15, first, {0.2, 0.1}), "not aligned");
    CHECK_THROWS(std::invalid_argument, store->appendStep(next, 7, first, {0.2, 0.1}), "does not divide an hour");
    CHECK_THROWS(std::invalid_argument, store->appendStep(kDay0 + 3600, 30, first, {0.2, 0.1}), "differs from the store's 15 min");
    CHECK_THROWS(std::invalid_argument, store->registerMeters(std::vector<MeterInfo>{{"a1", MeterKind::Alveole, "r2"}}),
                 "already registered as alveole of ruche 'r1'");
    CHECK_THROWS(std::invalid_argument, store->registerMeters(std::vector<MeterInfo>{{"", MeterKind::Alveole, "r2"}}),
                 "must not be empty");

    CHECK(store->lastCommittedStep() == kDay0);
    CHECK(store->meters().size() == meters.size());
    for (const auto& reading : first) {
        const auto rows = store->queryMeter(reading.meterId, 0, kDay0 + 86400, Resolution::Step);
        CHECK(rows.size() == 1);
        if (!rows.empty())
            checkValues(rows[0].values, reading.values);
        const auto hours = store->queryMeter(reading.meterId, 0, kDay0 + 86400, Resolution::Hour);
        CHECK(hours.size() == 1);
        if (!hours.empty())
            checkValues(hours[0].values, reading.values);   // roll-ups untouched by the rejected batches
    }
    store->appendStep(next, 15, randomBatch(meters, rng), {0.2, 0.1});   // the store still works
    CHECK(store->lastCommittedStep() == next);
}

void testReopen() {
    ScratchDir dir;
    const auto path = dir.file("t.db");
    std::mt19937 rng(9);
    const auto meters = smallNetwork();
    const auto batch = randomBatch(meters, rng);
    {
        auto store = TelemetryStore::open(path);
        store->registerMeters(meters);
        store->appendStep(kDay0, 15, batch, {0.2, 0.1});
    }
    auto store = TelemetryStore::open(path);
    CHECK(store->meters().size() == meters.size());
    CHECK(store->lastCommittedStep() == kDay0);
    CHECK(store->stepMinutes() == 15);
    const auto rows = store->queryRuche("r2", kDay0, kDay0 + kStep, Resolution::Step);
    CHECK(rows.size() == 1);
    if (!rows.empty())
        checkValues(rows[0].values, batch.back().values);
    store->registerMeters(meters);   // idempotent
    CHECK(store->meters().size() == meters.size());
    CHECK_THROWS(std::invalid_argument, store->appendStep(kDay0 + 3600, 30, batch, {0.2, 0.1}), "differs");
    store->appendStep(kDay0 + kStep, 15, batch, {0.2, 0.1});
    CHECK(store->queryMeter("a1", kDay0, kDay0 + 3600, Resolution::Hour).size() == 1);

    // The file is in WAL mode and carries the schema version.
    sqlite3* db = nullptr;
    CHECK(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    auto pragma = [db](const char* sql) {
        sqlite3_stmt* stmt = nullptr;
        std::string value;
        if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
            value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        sqlite3_finalize(stmt);
        return value;
    };
    CHECK(pragma("PRAGMA journal_mode") == "wal");
    CHECK(pragma("PRAGMA user_version") == std::to_string(kSchemaVersion));
    CHECK(pragma("PRAGMA integrity_check") == "ok");
    sqlite3_close(db);
}

void testSchemaErrors() {
    ScratchDir dir;
    const auto newer = dir.file("newer.db");
    {
        sqlite3* db = nullptr;
        sqlite3_open(newer.c_str(), &db);
        sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
        sqlite3_close(db);
    }
    CHECK_THROWS(std::runtime_error, TelemetryStore::open(newer), "schema version 99");
    CHECK_THROWS(std::runtime_error, TelemetryStore::open(newer), newer);

    const auto garbage = dir.file("garbage.db");
    std::ofstream(garbage) << std::string(8192, 'x');
    CHECK_THROWS(std::runtime_error, TelemetryStore::open(garbage), garbage);
    CHECK_THROWS(std::runtime_error, TelemetryStore::open(dir.file("missing-dir/t.db")), "open failed");
}

void testFiftyThousandMeters() {
    ScratchDir dir;
    auto store = TelemetryStore::open(dir.file("t.db"));
    constexpr int kMeters = 50000, kRuches = 100;
    std::vector<MeterInfo> meters;
    for (int i = 0; i < kMeters; ++i)
        meters.push_back({"alv-" + std::to_string(i), MeterKind::Alveole, "ruche-" + std::to_string(i % kRuches)});
    store->registerMeters(meters);
    std::vector<Reading> batch;
    double loadR7 = 0;
    for (int i = 0; i < kMeters; ++i) {
        const double load = 0.001 * (i % 1000);
        batch.push_back({meters[static_cast<std::size_t>(i)].id, {load, 0, 0, 0, 0, 0, 1.0}});
        if (i % kRuches == 7)
            loadR7 += load;
    }
    store->appendStep(kDay0, 15, batch, {0.2, 0.1});
    const auto rows = store->queryRuche("ruche-7", kDay0, kDay0 + 86400, Resolution::Step);
    CHECK(rows.size() == 1);
    if (!rows.empty()) {
        CHECK(rows[0].meterCount == kMeters / kRuches);
        CHECK_NEAR(rows[0].values.loadKwh, loadR7, 1e-6);
        CHECK_NEAR(rows[0].values.socKwh, kMeters / kRuches, 1e-9);
    }
    int total = 0;
    for (int r = 0; r < kRuches; ++r)
        for (const auto& row : store->queryRuche("ruche-" + std::to_string(r), 0, kDay0 + 86400, Resolution::Day))
            total += row.meterCount;
    CHECK(total == kMeters);
}

// One writer thread and one reader thread share a store: no exception, and the reader only
// ever sees whole steps.
void testSharedAcrossThreads() {
    ScratchDir dir;
    auto store = TelemetryStore::open(dir.file("t.db"));
    const auto meters = smallNetwork();
    store->registerMeters(meters);
    std::string readerError;
    bool partial = false;
    std::thread reader([&] {
        try {
            for (int i = 0; i < 200; ++i)
                for (const auto& row : store->queryRuche("r1", 0, kDay0 + 86400, Resolution::Step))
                    partial = partial || row.meterCount != 3;
        } catch (const std::exception& error) {
            readerError = error.what();
        }
    });
    std::mt19937 rng(11);
    for (int i = 0; i < 40; ++i)
        store->appendStep(kDay0 + i * kStep, 15, randomBatch(meters, rng), {0.2, 0.1});
    reader.join();
    CHECK(readerError.empty());
    CHECK(!partial);
    CHECK(store->queryRuche("r1", 0, kDay0 + 86400, Resolution::Step).size() == 40);
}

}  // namespace

int main() {
    const std::pair<const char*, void (*)()> tests[] = {
        {"round trip", testRoundTrip},         {"roll-ups", testRollups},
        {"query ranges", testQueryRanges},     {"retention", testRetention},
        {"rejections", testRejections},        {"reopen", testReopen},
        {"schema errors", testSchemaErrors},   {"50,000 meters", testFiftyThousandMeters},
        {"threads", testSharedAcrossThreads},
    };
    for (const auto& [name, test] : tests) {
        const int before = telemetry_test::failures;
        try {
            test();
        } catch (const std::exception& error) {
            telemetry_test::fail(__FILE__, __LINE__, std::string(name) + ": unexpected exception: " + error.what());
        }
        std::cout << (telemetry_test::failures == before ? "PASS " : "FAIL ") << name << "\n";
    }
    return telemetry_test::report("tst_telemetry_store");
}
