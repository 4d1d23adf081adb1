// bench_telemetry: insert rate of TelemetryStore::appendStep (50,000 meters per step, with
// hourly/daily roll-ups in the same transaction) against, in the same run and with the same
// pragmas: a plain SQLite loop (one prepared INSERT per row, one transaction per step, no
// roll-ups) and the naive autocommit-per-row loop on a small sample. Then the latency of
// reading one ruche's day at each resolution.
//
// usage: bench_telemetry [--meters N] [--ruches R] [--steps S] [--naive-rows K] [--dir DIR]
//                        [--durability normal|full]
// Files go to a fresh directory under DIR (default: the system temp dir), removed at exit.

#include "engine/telemetry/TelemetryStore.h"

#include <sqlite3.h>
#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

using namespace swarmergy::telemetry;
using Clock = std::chrono::steady_clock;

namespace {

constexpr std::int64_t kDay0 = 1782259200;   // 2026-06-24T00:00:00Z
constexpr std::int64_t kStepSeconds = 900;

struct Options {
    int meters = 50000;
    int ruches = 100;
    int steps = 96;   // one day, so the query part reads a full ruche day
    int naiveRows = 2000;
    std::string dir = std::filesystem::temp_directory_path().string();
    Durability durability = Durability::Normal;
};

Options parse(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        if (i + 1 >= argc)
            throw std::invalid_argument("missing value after " + flag);
        const std::string value = argv[++i];
        if (flag == "--meters") options.meters = std::stoi(value);
        else if (flag == "--ruches") options.ruches = std::stoi(value);
        else if (flag == "--steps") options.steps = std::stoi(value);
        else if (flag == "--naive-rows") options.naiveRows = std::stoi(value);
        else if (flag == "--dir") options.dir = value;
        else if (flag == "--durability") options.durability = value == "full" ? Durability::Full : Durability::Normal;
        else throw std::invalid_argument("unknown option " + flag);
    }
    if (options.meters <= 0 || options.ruches <= 0 || options.steps <= 0 || options.naiveRows <= 0)
        throw std::invalid_argument("counts must be positive");
    return options;
}

double seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

ReadingValues valuesFor(int meter, int step) {
    const double x = static_cast<double>((meter * 31 + step * 17) % 1000) / 1000.0;
    return {0.3 + x, 0.1 * x, 0.05 * x, 0.4 * x, 0.02 * x, 0.03 * x, 5.0 + x};
}

std::vector<Reading> batchFor(const std::vector<MeterInfo>& meters, int step) {
    std::vector<Reading> batch;
    batch.reserve(meters.size());
    for (std::size_t i = 0; i < meters.size(); ++i)
        batch.push_back({meters[i].id, valuesFor(static_cast<int>(i), step)});
    return batch;
}

// ---- plain SQLite baselines, same pragmas and row layout as the store ----

void check(sqlite3* db, int code, const char* what) {
    if (code != SQLITE_OK && code != SQLITE_DONE && code != SQLITE_ROW)
        throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
}

sqlite3* openPlain(const std::string& path, Durability durability) {
    sqlite3* db = nullptr;
    check(db, sqlite3_open(path.c_str(), &db), "open plain");
    const std::string pragmas = std::string("PRAGMA journal_mode = WAL; PRAGMA synchronous = ") +
                                (durability == Durability::Full ? "FULL" : "NORMAL") +
                                "; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;"
                                "CREATE TABLE readings(start_utc INTEGER NOT NULL, ruche INTEGER NOT NULL, "
                                "meter INTEGER NOT NULL, load_kwh REAL NOT NULL, import_kwh REAL NOT NULL, "
                                "export_kwh REAL NOT NULL, pv_kwh REAL NOT NULL, battery_charge_kwh REAL NOT NULL, "
                                "battery_discharge_kwh REAL NOT NULL, soc_kwh REAL NOT NULL, "
                                "PRIMARY KEY (start_utc, ruche, meter)) WITHOUT ROWID;";
    check(db, sqlite3_exec(db, pragmas.c_str(), nullptr, nullptr, nullptr), "plain schema");
    return db;
}

void insertRow(sqlite3* db, sqlite3_stmt* insert, std::int64_t start, int ruche, int meter, const ReadingValues& v) {
    sqlite3_bind_int64(insert, 1, start);
    sqlite3_bind_int64(insert, 2, ruche);
    sqlite3_bind_int64(insert, 3, meter);
    const double values[] = {v.loadKwh, v.importKwh, v.exportKwh, v.pvKwh, v.batteryChargeKwh, v.batteryDischargeKwh, v.socKwh};
    for (int c = 0; c < 7; ++c)
        sqlite3_bind_double(insert, 4 + c, values[c]);
    check(db, sqlite3_step(insert), "plain insert");
    sqlite3_reset(insert);
}

// The plain loop: one prepared INSERT per row; one transaction per step, or autocommit.
class PlainLoop {
public:
    PlainLoop(const std::string& path, const Options& options) : options_(options), db_(openPlain(path, options.durability)) {
        check(db_, sqlite3_prepare_v2(db_, "INSERT INTO readings VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", -1,
                                      &insert_, nullptr),
              "prepare plain insert");
    }
    ~PlainLoop() {
        sqlite3_finalize(insert_);
        sqlite3_close(db_);
    }
    // Writes `rows` rows of step `s` (already in key order, as the store sorts its batch).
    void writeStep(int s, int rows, bool oneTransaction) {
        if (oneTransaction)
            check(db_, sqlite3_exec(db_, "BEGIN", nullptr, nullptr, nullptr), "begin");
        for (int m = 0; m < rows; ++m)
            insertRow(db_, insert_, kDay0 + s * kStepSeconds, m % options_.ruches, m, valuesFor(m, s));
        if (oneTransaction)
            check(db_, sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr), "commit");
    }

private:
    const Options& options_;
    sqlite3* db_;
    sqlite3_stmt* insert_ = nullptr;
};

// ---- query latency ----

struct Latency {
    double medianMs = 0, maxMs = 0;
    std::size_t rows = 0;
};

Latency measure(int repeats, const std::function<std::size_t(int)>& query) {
    std::vector<double> ms;
    std::size_t rows = 0;
    for (int i = 0; i < repeats; ++i) {
        const auto start = Clock::now();
        rows = query(i);
        ms.push_back(seconds(Clock::now() - start) * 1000);
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms.back(), rows};
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const Options options = parse(argc, argv);
        std::string pattern = (std::filesystem::path(options.dir) / "bench-telemetry-XXXXXX").string();
        if (!mkdtemp(pattern.data()))
            throw std::runtime_error("cannot create a directory under " + options.dir);
        const std::filesystem::path dir = pattern;
        struct Cleanup {
            std::filesystem::path dir;
            ~Cleanup() { std::error_code e; std::filesystem::remove_all(dir, e); }
        } cleanup{dir};

        std::cout << "bench_telemetry: " << options.meters << " meters in " << options.ruches << " ruches, "
                  << options.steps << " steps of 15 min, synchronous="
                  << (options.durability == Durability::Full ? "FULL" : "NORMAL") << ", WAL, files in " << dir << "\n";

        std::vector<MeterInfo> meters;
        for (int i = 0; i < options.meters; ++i)
            meters.push_back({"alv-" + std::to_string(i), MeterKind::Alveole, "ruche-" + std::to_string(i % options.ruches)});
        auto store = TelemetryStore::open((dir / "store.db").string(), {options.durability, 64});
        store->registerMeters(meters);
        // Store and plain loop alternate step by step, so a change of load on the shared
        // machine hits both sides of the ratio alike.
        PlainLoop plain((dir / "plain.db").string(), options);
        std::vector<double> stepMs;
        Clock::duration storeTime{}, plainTime{};
        for (int s = 0; s < options.steps; ++s) {
            const auto batch = batchFor(meters, s);   // built outside the timed region
            auto start = Clock::now();
            store->appendStep(kDay0 + s * kStepSeconds, 15, batch, {0.25, 0.08});
            const auto elapsed = Clock::now() - start;
            storeTime += elapsed;
            stepMs.push_back(seconds(elapsed) * 1000);
            start = Clock::now();
            plain.writeStep(s, options.meters, true);
            plainTime += Clock::now() - start;
        }
        const double rows = static_cast<double>(options.meters) * options.steps;
        const double storeRate = rows / seconds(storeTime), plainRate = rows / seconds(plainTime);
        std::sort(stepMs.begin(), stepMs.end());

        const int naiveRows = std::min(options.naiveRows, options.meters);
        PlainLoop naive((dir / "naive.db").string(), options);
        const auto naiveStart = Clock::now();
        naive.writeStep(0, naiveRows, false);
        const double naiveRate = naiveRows / seconds(Clock::now() - naiveStart);

        std::printf("store.appendStep (roll-ups, 1 txn/step) : %10.0f rows/s  (step median %.0f ms, max %.0f ms)\n",
                    storeRate, stepMs[stepMs.size() / 2], stepMs.back());
        std::printf("plain prepared INSERT, 1 txn/step        : %10.0f rows/s\n", plainRate);
        std::printf("naive autocommit per row (%d rows)      : %10.0f rows/s\n", naiveRows, naiveRate);
        std::printf("ratio store / plain loop                 : %10.2f\n", storeRate / plainRate);
        std::printf("ratio store / naive autocommit           : %10.1f\n", storeRate / naiveRate);

        const std::int64_t dayEnd = kDay0 + 86400;
        const auto rucheDay = [&](Resolution resolution) {
            return measure(30, [&, resolution](int i) {
                return store->queryRuche("ruche-" + std::to_string((i * 37) % options.ruches), kDay0, dayEnd, resolution).size();
            });
        };
        const Latency steps = rucheDay(Resolution::Step), hours = rucheDay(Resolution::Hour), days = rucheDay(Resolution::Day);
        const Latency meter = measure(30, [&](int i) {
            return store->queryMeter(meters[static_cast<std::size_t>((i * 7919) % options.meters)].id, kDay0, dayEnd, Resolution::Step).size();
        });
        const int perRuche = options.meters / options.ruches;
        std::printf("query one ruche's day (%d meters), steps : median %7.2f ms, max %7.2f ms, %zu rows\n", perRuche,
                    steps.medianMs, steps.maxMs, steps.rows);
        std::printf("query one ruche's day, hourly roll-up    : median %7.2f ms, max %7.2f ms, %zu rows\n", hours.medianMs,
                    hours.maxMs, hours.rows);
        std::printf("query one ruche's day, daily roll-up     : median %7.2f ms, max %7.2f ms, %zu rows\n", days.medianMs,
                    days.maxMs, days.rows);
        std::printf("query one alveole's day, steps           : median %7.2f ms, max %7.2f ms, %zu rows\n", meter.medianMs,
                    meter.maxMs, meter.rows);
        std::printf("store file after %d steps: %.0f MB (+ WAL %.0f MB)\n", options.steps,
                    static_cast<double>(std::filesystem::file_size(dir / "store.db")) / 1e6,
                    std::filesystem::exists(dir / "store.db-wal")
                        ? static_cast<double>(std::filesystem::file_size(dir / "store.db-wal")) / 1e6 : 0.0);
    } catch (const std::exception& error) {
        std::cerr << "bench_telemetry: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
