// Schedule (swarmergy-schedule/1): exact round trip, omitted keys, null bound, and its rules.

#include "ScenarioTestSupport.h"

#include "engine/scenario/ScheduleIo.h"

#include <bit>
#include <random>

using namespace swarmergy;
using namespace swarmergy::scenario;
using namespace swarmergy::scenario::test;
namespace bj = boost::json;

namespace {

std::vector<double> randomSeries(std::mt19937_64& rng, std::size_t n)
{
    std::uniform_real_distribution<double> kw(0.0, 50.0);
    std::vector<double> v(n);
    for (double& x : v)
        x = kw(rng);
    return v;
}

model::BatterySchedule randomBattery(std::mt19937_64& rng, std::size_t steps)
{
    return {randomSeries(rng, steps), randomSeries(rng, steps), randomSeries(rng, steps + 1)};
}

// The shape of validScenario() (2 ruches, 3 alvéoles, 4 steps) with random numbers.
model::Schedule randomSchedule(std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    const model::Scenario scenario = validScenario();
    const auto steps = static_cast<std::size_t>(scenario.steps);
    model::Schedule s;
    s.scenario = scenario.name;
    s.status = model::ScheduleStatus::Feasible;
    s.objective = -1309.9 + std::uniform_real_distribution<double>(0, 1)(rng);
    s.bound = s.objective - 1.12;
    s.solveSeconds = 0.21;
    for (const model::Ruche& r : scenario.ruches) {
        model::RucheSchedule rs;
        rs.id = r.id;
        rs.importKw = randomSeries(rng, steps);
        rs.exportKw = randomSeries(rng, steps);
        if (r.hiveStore)
            rs.hiveStore = randomBattery(rng, steps);
        if (r.seasonStore)
            rs.seasonStore = model::SeasonStoreSchedule{randomSeries(rng, steps), randomSeries(rng, steps),
                                                        randomSeries(rng, steps + 1)};
        for (const model::Alveole& a : r.alveoles) {
            model::AlveoleSchedule as;
            as.id = a.id;
            as.pvUsedKw = randomSeries(rng, steps);
            as.shedKw = randomSeries(rng, steps);
            if (a.battery)
                as.battery = randomBattery(rng, steps);
            as.netKw = randomSeries(rng, steps);
            for (double& x : as.netKw)
                x -= 25;
            rs.alveoles.push_back(as);
        }
        s.ruches.push_back(rs);
    }
    s.lines.push_back(model::LineSchedule{"l-1-2", {-3.5, 0, 12.25, -0.125}});
    return s;
}

void expectScheduleRejected(const std::string& text, const std::string& rule, const std::string& path, int line)
{
    try {
        readSchedule(text);
        fail("schedule accepted, expected " + rule + " at " + path, __FILE__, line);
    } catch (const ScenarioError& e) {
        if (e.rule() != rule || e.path() != path)
            fail("expected [" + rule + "] at " + path + ", got [" + e.rule() + "] " + e.what(), __FILE__, line);
    }
}

bj::value scheduleDocument()
{
    return bj::parse(writeSchedule(randomSchedule(1)));
}

}  // namespace

TEST_CASE(schedule_round_trip_is_byte_identical)
{
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        const model::Schedule original = randomSchedule(seed);
        const std::string first = writeSchedule(original);
        const model::Schedule back = readSchedule(first);
        CHECK_EQ(writeSchedule(back), first);
        CHECK_EQ(std::bit_cast<std::uint64_t>(back.objective), std::bit_cast<std::uint64_t>(original.objective));
        CHECK(back.ruches[0].seasonStore.has_value());
        CHECK(back.ruches[0].seasonStore->levelKwh == original.ruches[0].seasonStore->levelKwh);
        CHECK(back.ruches[1].alveoles[0].battery->socKwh == original.ruches[1].alveoles[0].battery->socKwh);
        CHECK(back.lines[0].flowKw == original.lines[0].flowKw);
        checkScheduleMatchesScenario(back, validScenario());
    }
}

TEST_CASE(absent_assets_are_omitted_and_bound_may_be_null)
{
    model::Schedule s = randomSchedule(3);
    s.bound.reset();
    const std::string text = writeSchedule(s);
    const bj::value doc = bj::parse(text);
    CHECK(doc.at_pointer("/bound").is_null());
    const bj::object& a2 = doc.at_pointer("/ruches/0/alveoles/1").as_object();   // a-0002 has no battery
    CHECK(!a2.contains("charge_kw") && !a2.contains("discharge_kw") && !a2.contains("soc_kwh"));
    CHECK(doc.at_pointer("/ruches/0/alveoles/0").as_object().contains("soc_kwh"));
    CHECK(!doc.at_pointer("/ruches/1").as_object().contains("hive_store"));
    CHECK(!doc.at_pointer("/ruches/1").as_object().contains("season_store"));
    CHECK_EQ(doc.at_pointer("/status").as_string(), bj::string("feasible"));
    const model::Schedule back = readSchedule(text);
    CHECK(!back.bound);
    CHECK(!back.ruches[0].alveoles[1].battery);
    CHECK(!back.ruches[1].hiveStore);
}

TEST_CASE(statuses_round_trip)
{
    for (const auto status : {model::ScheduleStatus::Optimal, model::ScheduleStatus::Feasible,
                              model::ScheduleStatus::Infeasible}) {
        model::Schedule s = randomSchedule(4);
        s.status = status;
        CHECK(readSchedule(writeSchedule(s)).status == status);
    }
    bj::value doc = scheduleDocument();
    doc.at_pointer("/status") = "good";
    expectScheduleRejected(bj::serialize(doc), "status", "$.status", __LINE__);
}

TEST_CASE(schedule_series_lengths)
{
    bj::value doc = scheduleDocument();
    doc.at_pointer("/ruches/1/alveoles/0/shed_kw").as_array().pop_back();
    expectScheduleRejected(bj::serialize(doc), "series-length", "$.ruches[1].alveoles[0].shed_kw", __LINE__);

    doc = scheduleDocument();   // a state series with steps values instead of steps + 1
    doc.at_pointer("/ruches/0/hive_store/soc_kwh").as_array().pop_back();
    expectScheduleRejected(bj::serialize(doc), "series-length", "$.ruches[0].hive_store.soc_kwh", __LINE__);

    doc = scheduleDocument();
    doc.at_pointer("/lines/0/flow_kw").as_array().push_back(1);
    expectScheduleRejected(bj::serialize(doc), "series-length", "$.lines[0].flow_kw", __LINE__);
}

TEST_CASE(schedule_keys_and_types)
{
    bj::value doc = scheduleDocument();
    doc.at_pointer("/ruches/0/alveoles/0").as_object().erase("soc_kwh");   // battery keys come as three
    expectScheduleRejected(bj::serialize(doc), "missing-key", "$.ruches[0].alveoles[0].soc_kwh", __LINE__);

    doc = scheduleDocument();
    doc.as_object()["gap"] = 0.1;
    expectScheduleRejected(bj::serialize(doc), "unknown-key", "$.gap", __LINE__);

    doc = scheduleDocument();
    doc.as_object().erase("bound");
    expectScheduleRejected(bj::serialize(doc), "missing-key", "$.bound", __LINE__);

    doc = scheduleDocument();
    doc.at_pointer("/objective") = "cheap";
    expectScheduleRejected(bj::serialize(doc), "wrong-type", "$.objective", __LINE__);

    doc = scheduleDocument();
    doc.at_pointer("/format") = model::kScenarioFormat;
    expectScheduleRejected(bj::serialize(doc), "format", "$.format", __LINE__);

    std::string text = writeSchedule(randomSchedule(1));
    text.replace(text.find("\"solve_seconds\": 0.21"), 21, "\"solve_seconds\": 1e999");
    expectScheduleRejected(text, "non-finite", "$.solve_seconds", __LINE__);
}

TEST_CASE(bound_above_objective)
{
    bj::value doc = scheduleDocument();
    const double objective = doc.at_pointer("/objective").as_double();
    doc.at_pointer("/bound") = objective + 1;
    expectScheduleRejected(bj::serialize(doc), "bound-above-objective", "$.bound", __LINE__);
    doc.at_pointer("/bound") = objective + 1e-9;   // within the format's 1e-6 relative tolerance
    readSchedule(bj::serialize(doc));
}

TEST_CASE(schedule_duplicate_ids)
{
    bj::value doc = scheduleDocument();
    doc.at_pointer("/ruches/1/alveoles/0/id") = "a-0002";
    expectScheduleRejected(bj::serialize(doc), "duplicate-alveole-id", "$.ruches[1].alveoles[0].id", __LINE__);
}

TEST_CASE(schedule_against_its_scenario)
{
    const model::Scenario scenario = validScenario();
    const auto expectMismatch = [&](const model::Schedule& s, const std::string& rule, const std::string& path) {
        try {
            checkScheduleMatchesScenario(s, scenario);
            fail("mismatch not found at " + path, __FILE__, __LINE__);
        } catch (const ScenarioError& e) {
            if (e.rule() != rule || e.path() != path)
                fail("expected [" + rule + "] at " + path + ", got [" + e.rule() + "] " + e.what(), __FILE__, __LINE__);
        }
    };
    model::Schedule s = randomSchedule(5);
    s.ruches[1].alveoles[0].battery.reset();
    expectMismatch(s, "schedule-mismatch", "$.ruches[1].alveoles[0]");
    s = randomSchedule(5);
    s.lines[0].id = "l-2-1";
    expectMismatch(s, "schedule-mismatch", "$.lines[0].id");
    s = randomSchedule(5);
    s.scenario = "another";
    expectMismatch(s, "schedule-mismatch", "$.scenario");

    model::Scenario longer = scenario;   // same shape, 5 steps: every series is one short
    longer.steps = 5;
    try {
        checkScheduleMatchesScenario(randomSchedule(5), longer);
        CHECK(!"length mismatch not found");
    } catch (const ScenarioError& e) {
        CHECK_EQ(e.rule(), std::string("series-length"));
        CHECK_EQ(e.path(), std::string("$.ruches[0].import_kw"));
    }
}

int main()
{
    return runAll();
}
