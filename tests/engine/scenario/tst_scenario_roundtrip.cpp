// Defaults applied on read, exact number reading, and byte-identical write -> read -> write.

#include "ScenarioTestSupport.h"

#include "engine/scenario/JsonFields.h"
#include "engine/scenario/StrictJson.h"

#include <bit>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <random>

#include <cmath>
#include <unistd.h>

using namespace swarmergy::scenario;
using namespace swarmergy::scenario::test;
namespace bj = boost::json;
namespace model = swarmergy::model;

namespace {

std::uint64_t bitsOf(double x)
{
    return std::bit_cast<std::uint64_t>(x);
}

// Doubles of every magnitude, with full 53-bit mantissas: the kind a solver writes.
double randomDouble(std::mt19937_64& rng, double scale)
{
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::uniform_int_distribution<int> exponent(-12, 6);
    return unit(rng) * scale * std::pow(10.0, exponent(rng) / 3.0);
}

void randomise(std::vector<double>& series, std::mt19937_64& rng, double scale)
{
    for (double& v : series)
        v = randomDouble(rng, scale);
}

model::Scenario randomScenario(std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    model::Scenario s = validScenario();
    randomise(s.grid.importPrice, rng, 0.5);
    for (int t = 0; t < s.steps; ++t)
        s.grid.exportPrice[t] = s.grid.importPrice[t] * std::uniform_real_distribution<double>(-0.5, 1.0)(rng);
    for (model::Ruche& r : s.ruches) {
        for (model::Alveole& a : r.alveoles) {
            randomise(a.loadKw, rng, 5);
            randomise(a.pvKw, rng, 8);
            a.connectionKw = randomDouble(rng, 30);
            a.vollPerKwh = randomDouble(rng, 10);
            if (a.battery) {
                a.battery->capacityKwh = 5 + randomDouble(rng, 20);
                a.battery->socMaxKwh = a.battery->capacityKwh * 0.9;
                a.battery->socMinKwh = a.battery->capacityKwh / 7;
                a.battery->soc0Kwh = a.battery->capacityKwh / 3;
                a.battery->etaCharge = std::uniform_real_distribution<double>(0.8, 1.0)(rng);
                a.battery->etaDischarge = std::nextafter(1.0, 0.0);
            }
        }
    }
    s.lines[0].loss = std::uniform_real_distribution<double>(0.0, 0.1)(rng);
    s.lines[0].capacityKw = 1e-300 * randomDouble(rng, 1);   // tiny but normal or subnormal
    return s;
}

bool sameBits(const std::vector<double>& a, const std::vector<double>& b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (bitsOf(a[i]) != bitsOf(b[i]))
            return false;
    return true;
}

}  // namespace

TEST_CASE(defaults_applied_on_read)
{
    const std::string text = R"({
      "format": "swarmergy-scenario/1", "name": "defaults", "start": "2026-01-01T00:00:00Z",
      "step_minutes": 60, "steps": 2,
      "grid": { "import_price": [0.2, 0.3], "export_price": [0.1, 0.1] },
      "ruches": [
        { "id": "r1", "hive_store": null, "alveoles": [
          { "id": "a1", "connection_kw": 10, "load_kw": [1, 2], "pv_kw": [0, 3],
            "battery": { "capacity_kwh": 13.5, "charge_kw": 5, "discharge_kw": 5,
                         "eta_charge": 0.95, "eta_discharge": 0.9, "soc0_kwh": 2 } },
          { "id": "a2", "connection_kw": 10, "load_kw": [1, 2], "pv_kw": [0, 0], "battery": null } ] },
        { "id": "r2", "gate": { "import_limit_kw": 50, "export_limit_kw": 40 }, "alveoles": [] }
      ]
    })";
    const model::Scenario s = readScenario(text);
    CHECK(s.grid.connected);
    CHECK(s.lines.empty());
    const model::Ruche& r1 = s.ruches[0];
    CHECK(!r1.gate);
    CHECK(!r1.hiveStore);
    CHECK(!r1.seasonStore);
    const model::Alveole& a1 = r1.alveoles[0];
    CHECK_EQ(a1.vollPerKwh, 5.0);
    CHECK(a1.battery.has_value());
    CHECK_EQ(a1.battery->socMaxKwh, 13.5);   // = capacity_kwh
    CHECK_EQ(a1.battery->socMinKwh, 0.0);
    CHECK_EQ(a1.battery->cycleCostPerKwh, 0.0);
    CHECK(!r1.alveoles[1].battery);
    CHECK(s.ruches[1].gate.has_value());
    CHECK_EQ(s.ruches[1].gate->exportLimitKw, 40.0);
    CHECK_EQ(s.stepHours(), 1.0);

    // Written back, every default is explicit and the file still reads the same.
    const std::string written = writeScenario(s);
    CHECK(written.find("\"soc_max_kwh\": 13.5") != std::string::npos);
    CHECK(written.find("\"voll_per_kwh\": 5") != std::string::npos);
    CHECK(written.find("\"lines\": []") != std::string::npos);
    CHECK(written.find("hive_store") == std::string::npos);
    CHECK_EQ(writeScenario(readScenario(written)), written);
}

TEST_CASE(islanded_grid_reads_and_keeps_gate_values)
{
    bj::value doc = validDocument();
    doc.at_pointer("/grid/connected") = false;
    const model::Scenario s = readScenario(bj::serialize(doc));
    CHECK(!s.grid.connected);
    CHECK_EQ(s.ruches[0].gate->importLimitKw, 400.0);   // the model, not the reader, forces 0
}

TEST_CASE(numbers_are_read_correctly_rounded)
{
    // Boost.JSON 1.81 alone reads this as 2.2250738585072014e-308 (one ulp off).
    const char* cases[] = {"2.2250738585072011e-308", "0.30000000000000004", "1.7976931348623157e308",
                           "4.9406564584124654e-324", "9007199254740993", "0.1", "123456789012345678901234567890"};
    for (const char* text : cases) {
        const bj::value v = json::parseStrict(std::string("[") + text + "]");
        const double expected = std::strtod(text, nullptr);
        const double got = json::toDouble(v.as_array()[0], "$");
        if (bitsOf(got) != bitsOf(expected))
            fail(std::string("inexact read of ") + text, __FILE__, __LINE__);
    }
    // Below the smallest subnormal the nearest double is zero, which is finite: accepted.
    CHECK_EQ(json::toDouble(json::parseStrict("[1e-400]").as_array()[0], "$"), 0.0);
}

TEST_CASE(format_double_is_shortest_and_exact)
{
    CHECK_EQ(json::formatDouble(0.3), std::string("0.3"));
    CHECK_EQ(json::formatDouble(100.0), std::string("100"));
    CHECK_EQ(json::formatDouble(-0.0), std::string("0"));
    CHECK_EQ(json::formatDouble(1e-7), std::string("1e-07"));
    std::mt19937_64 rng(7);
    for (int i = 0; i < 20000; ++i) {
        const double x = std::bit_cast<double>(rng());
        if (!std::isfinite(x))
            continue;
        const std::string text = json::formatDouble(x);
        const double back = json::toDouble(json::parseStrict("[" + text + "]").as_array()[0], "$");
        if (bitsOf(back) != bitsOf(x) && !(x == 0 && back == 0)) {
            fail("round trip of " + text, __FILE__, __LINE__);
            break;
        }
    }
}

TEST_CASE(write_read_write_is_byte_identical_with_random_doubles)
{
    for (std::uint64_t seed = 1; seed <= 50; ++seed) {
        const model::Scenario original = randomScenario(seed);
        const std::string first = writeScenario(original);
        const model::Scenario back = readScenario(first);
        const std::string second = writeScenario(back);
        if (first != second) {
            fail("write -> read -> write differs for seed " + std::to_string(seed), __FILE__, __LINE__);
            return;
        }
        CHECK(sameBits(original.grid.importPrice, back.grid.importPrice));
        CHECK(sameBits(original.grid.exportPrice, back.grid.exportPrice));
        CHECK(sameBits(original.ruches[1].alveoles[0].loadKw, back.ruches[1].alveoles[0].loadKw));
        CHECK_EQ(bitsOf(original.lines[0].capacityKw), bitsOf(back.lines[0].capacityKw));
        CHECK_EQ(bitsOf(original.ruches[0].alveoles[0].battery->etaDischarge),
                 bitsOf(back.ruches[0].alveoles[0].battery->etaDischarge));
    }
}

TEST_CASE(strings_are_escaped_and_round_trip)
{
    model::Scenario s = validScenario();
    s.name = "été \"quoted\" back\\slash\ttab\x01";
    s.ruches[0].alveoles[0].id = "alvéole-ü";
    const std::string text = writeScenario(s);
    const model::Scenario back = readScenario(text);
    CHECK_EQ(back.name, s.name);
    CHECK_EQ(back.ruches[0].alveoles[0].id, s.ruches[0].alveoles[0].id);
    CHECK_EQ(writeScenario(back), text);

    s.name = std::string("bad \xC3\x28 utf8");
    try {
        writeScenario(s);
        CHECK(!"wrote invalid UTF-8");
    } catch (const ScenarioError& e) {
        CHECK_EQ(e.rule(), std::string("invalid-utf8"));
        CHECK_EQ(e.path(), std::string("$.name"));
    }
}

TEST_CASE(files_round_trip)
{
    const auto file = std::filesystem::temp_directory_path() / ("tst_scenario_roundtrip_" + std::to_string(::getpid()) + ".json");
    const model::Scenario s = randomScenario(99);
    writeScenarioFile(s, file);
    const model::Scenario back = readScenarioFile(file);
    std::filesystem::remove(file);
    CHECK_EQ(writeScenario(back), writeScenario(s));
}

TEST_CASE(fixture_files)
{
    const char* dataDir = std::getenv("SWARMERGY_TEST_DATA");
    CHECK(dataDir != nullptr);
    if (!dataDir)
        return;
    const std::filesystem::path dir = std::filesystem::path(dataDir) / "scenarios";
    const model::Scenario s = readScenarioFile(dir / "tiny-two-ruches.json");
    CHECK_EQ(s.ruches.size(), 2u);
    CHECK_EQ(s.ruches[0].alveoles.size() + s.ruches[1].alveoles.size(), 3u);
    CHECK_EQ(s.steps, 4);
    CHECK_EQ(s.lines.size(), 1u);
    int invalidCount = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("invalid-", 0) != 0)
            continue;
        ++invalidCount;
        try {
            readScenarioFile(entry.path());
            fail("fixture accepted: " + name, __FILE__, __LINE__);
        } catch (const ScenarioError&) {
        }
    }
    CHECK(invalidCount >= 3);
}

int main()
{
    return runAll();
}
