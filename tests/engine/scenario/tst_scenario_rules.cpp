// One test case per rule of scenario-format.md: start from a valid scenario, break exactly one
// thing, and check the rule id and the JSON path the reader reports.

#include "ScenarioTestSupport.h"

#include "engine/model/Schedule.h"

using namespace swarmergy::scenario;
using namespace swarmergy::scenario::test;
namespace bj = boost::json;
namespace model = swarmergy::model;

namespace {

const char* kAlveole0 = "/ruches/0/alveoles/0";
const char* kBattery0 = "/ruches/0/alveoles/0/battery";

bj::value& at(bj::value& doc, const std::string& pointer)
{
    return doc.at_pointer(pointer);
}

// The valid scenario as this module writes it, with one text edit (must match exactly once).
std::string validTextWith(const std::string& from, const std::string& to)
{
    std::string text = writeScenario(validScenario());
    const std::size_t at = text.find(from);
    CHECK(at != std::string::npos);
    CHECK(text.find(from, at + 1) == std::string::npos);
    if (at != std::string::npos)
        text.replace(at, from.size(), to);
    return text;
}

}  // namespace

TEST_CASE(valid_scenario_is_accepted)
{
    const model::Scenario s = readScenario(writeScenario(validScenario()));
    CHECK_EQ(s.ruches.size(), 2u);
    CHECK_EQ(s.ruches[0].alveoles.size() + s.ruches[1].alveoles.size(), 3u);
    CHECK_EQ(s.lines.size(), 1u);
}

TEST_CASE(json_syntax_reports_line_and_column)
{
    const std::string text = "{\n  \"format\": \"swarmergy-scenario/1\",\n  \"steps\": 4\n  \"name\": \"x\"\n}";
    EXPECT_REJECTED(text, "json-syntax", "$.steps");
    try {
        readScenario(text);
    } catch (const ScenarioError& e) {
        CHECK(std::string(e.what()).find("line 4, column 3") != std::string::npos);
    }
}

TEST_CASE(json_syntax_trailing_text_and_empty_input)
{
    EXPECT_REJECTED(writeScenario(validScenario()) + "}", "json-syntax", "$");
    EXPECT_REJECTED("", "json-syntax", "$");
    EXPECT_REJECTED("{\"format\": \"swarmergy-scenario/1\", }", "json-syntax", "$.format");   // trailing comma
    EXPECT_REJECTED("{\"format\": \"swarmergy-scenario/1\" // comment\n}", "json-syntax", "$.format");
}

TEST_CASE(duplicate_key)
{
    EXPECT_REJECTED(validTextWith("\"connection_kw\": 17", "\"connection_kw\": 17, \"connection_kw\": 18"),
                    "duplicate-key", "$.ruches[0].alveoles[0].connection_kw");
    EXPECT_REJECTED(validTextWith("\"steps\": 4", "\"steps\": 4, \"steps\": 4"), "duplicate-key", "$.steps");
}

TEST_CASE(non_finite_nan_and_infinity_words)
{
    EXPECT_REJECTED(validTextWith("\"connection_kw\": 17", "\"connection_kw\": NaN"), "non-finite",
                    "$.ruches[0].alveoles[0].connection_kw");
    EXPECT_REJECTED(validTextWith("[0.41, 0.35, 1.2, 0.8]", "[0.41, -Infinity, 1.2, 0.8]"), "non-finite",
                    "$.ruches[0].alveoles[0].load_kw[1]");
    EXPECT_REJECTED(validTextWith("[0.41, 0.35, 1.2, 0.8]", "[0.41, 0.35, Infinity, 0.8]"), "non-finite",
                    "$.ruches[0].alveoles[0].load_kw[2]");
}

TEST_CASE(non_finite_overflowing_numbers)
{
    EXPECT_REJECTED(validTextWith("[0.18, 0.26, 0.34, 0.26]", "[0.18, 0.26, 1e999, 0.26]"), "non-finite",
                    "$.grid.import_price[2]");
    EXPECT_REJECTED(validTextWith("\"tank_kwh\": 20000", "\"tank_kwh\": -1.5E+400"), "non-finite",
                    "$.ruches[0].season_store.tank_kwh");
    const std::string huge = "1" + std::string(400, '0');   // an integer literal beyond any double
    EXPECT_REJECTED(validTextWith("\"capacity_kw\": 250", "\"capacity_kw\": " + huge), "non-finite",
                    "$.lines[0].capacity_kw");
}

TEST_CASE(non_finite_in_code_built_scenario_is_not_written)
{
    model::Scenario s = validScenario();
    s.ruches[1].alveoles[0].pvKw[2] = std::numeric_limits<double>::quiet_NaN();
    try {
        writeScenario(s);
        CHECK(!"writeScenario accepted NaN");
    } catch (const ScenarioError& e) {
        CHECK_EQ(e.rule(), std::string("non-finite"));
        CHECK_EQ(e.path(), std::string("$.ruches[1].alveoles[0].pv_kw[2]"));
    }
}

TEST_CASE(wrong_type)
{
    bj::value doc = validDocument();
    at(doc, "/steps") = "4";
    EXPECT_DOC_REJECTED(doc, "wrong-type", "$.steps");

    doc = validDocument();
    at(doc, std::string(kAlveole0) + "/load_kw/1") = "0.35";
    EXPECT_DOC_REJECTED(doc, "wrong-type", "$.ruches[0].alveoles[0].load_kw[1]");

    doc = validDocument();
    at(doc, kBattery0) = bj::array{1, 2};
    EXPECT_DOC_REJECTED(doc, "wrong-type", "$.ruches[0].alveoles[0].battery");

    doc = validDocument();
    at(doc, "/grid/connected") = 1;
    EXPECT_DOC_REJECTED(doc, "wrong-type", "$.grid.connected");

    doc = validDocument();
    at(doc, "/ruches") = bj::object{};
    EXPECT_DOC_REJECTED(doc, "wrong-type", "$.ruches");

    EXPECT_REJECTED("[1, 2]", "wrong-type", "$");
}

TEST_CASE(wrong_type_non_integer_steps)
{
    bj::value doc = validDocument();
    at(doc, "/steps") = 4.5;
    EXPECT_DOC_REJECTED(doc, "wrong-type", "$.steps");
    doc = validDocument();
    at(doc, "/step_minutes") = 1e12;
    EXPECT_DOC_REJECTED(doc, "wrong-type", "$.step_minutes");
}

TEST_CASE(unknown_key)
{
    bj::value doc = validDocument();
    at(doc, "/ruches/1").as_object()["colour"] = "blue";
    EXPECT_DOC_REJECTED(doc, "unknown-key", "$.ruches[1].colour");

    doc = validDocument();
    at(doc, kBattery0).as_object()["soc_max"] = 10;   // typo of soc_max_kwh
    EXPECT_DOC_REJECTED(doc, "unknown-key", "$.ruches[0].alveoles[0].battery.soc_max");
}

TEST_CASE(missing_key)
{
    bj::value doc = validDocument();
    at(doc, "/ruches/0/alveoles/1").as_object().erase("pv_kw");
    EXPECT_DOC_REJECTED(doc, "missing-key", "$.ruches[0].alveoles[1].pv_kw");

    doc = validDocument();
    doc.as_object().erase("name");
    EXPECT_DOC_REJECTED(doc, "missing-key", "$.name");

    doc = validDocument();
    at(doc, "/ruches/0/season_store").as_object().erase("terminal_value_per_kwh");
    EXPECT_DOC_REJECTED(doc, "missing-key", "$.ruches[0].season_store.terminal_value_per_kwh");

    doc = validDocument();
    doc.as_object().erase("format");
    EXPECT_DOC_REJECTED(doc, "missing-key", "$.format");
}

TEST_CASE(format_string)
{
    bj::value doc = validDocument();
    at(doc, "/format") = "swarmergy-scenario/2";
    EXPECT_DOC_REJECTED(doc, "format", "$.format");

    // A schedule given where a scenario is expected is named as such.
    EXPECT_REJECTED(bj::serialize(bj::object{{"format", model::kScheduleFormat}}), "format", "$.format");
}

TEST_CASE(steps_positive)
{
    bj::value doc = validDocument();
    at(doc, "/steps") = 0;
    EXPECT_DOC_REJECTED(doc, "steps-positive", "$.steps");
}

TEST_CASE(step_minutes_positive)
{
    bj::value doc = validDocument();
    at(doc, "/step_minutes") = -15;
    EXPECT_DOC_REJECTED(doc, "step-minutes-positive", "$.step_minutes");
}

TEST_CASE(start_utc)
{
    for (const char* bad : {"2026-06-24 00:00:00", "2026-06-24T00:00:00+02:00", "2026-13-01T00:00:00Z", "yesterday"}) {
        bj::value doc = validDocument();
        at(doc, "/start") = bad;
        EXPECT_DOC_REJECTED(doc, "start-utc", "$.start");
    }
}

TEST_CASE(series_length)
{
    bj::value doc = validDocument();
    at(doc, "/ruches/1/alveoles/0/load_kw").as_array().pop_back();
    EXPECT_DOC_REJECTED(doc, "series-length", "$.ruches[1].alveoles[0].load_kw");

    doc = validDocument();
    at(doc, "/grid/import_price").as_array().push_back(0.3);
    EXPECT_DOC_REJECTED(doc, "series-length", "$.grid.import_price");

    doc = validDocument();
    at(doc, "/ruches/0/alveoles/1/pv_kw") = bj::array{};
    EXPECT_DOC_REJECTED(doc, "series-length", "$.ruches[0].alveoles[1].pv_kw");
}

TEST_CASE(empty_id)
{
    bj::value doc = validDocument();
    at(doc, "/ruches/0/alveoles/1/id") = "";
    EXPECT_DOC_REJECTED(doc, "empty-id", "$.ruches[0].alveoles[1].id");
}

TEST_CASE(duplicate_ruche_id)
{
    bj::value doc = validDocument();
    at(doc, "/ruches/1/id") = "ruche-1";
    at(doc, "/lines/0/to") = "ruche-1";   // keep the line valid if ids were not checked first
    EXPECT_DOC_REJECTED(doc, "duplicate-ruche-id", "$.ruches[1].id");
}

TEST_CASE(duplicate_alveole_id_across_ruches)
{
    bj::value doc = validDocument();
    at(doc, "/ruches/1/alveoles/0/id") = "a-0001";   // same id as an alvéole of another ruche
    EXPECT_DOC_REJECTED(doc, "duplicate-alveole-id", "$.ruches[1].alveoles[0].id");
}

TEST_CASE(duplicate_line_id)
{
    bj::value doc = validDocument();
    bj::value second = at(doc, "/lines/0");
    second.as_object()["from"] = "ruche-2";
    second.as_object()["to"] = "ruche-1";
    at(doc, "/lines").as_array().push_back(second);
    EXPECT_DOC_REJECTED(doc, "duplicate-line-id", "$.lines[1].id");
}

TEST_CASE(negative_capacity_limit_load_pv)
{
    const std::pair<const char*, const char*> cases[] = {
        {"/ruches/0/alveoles/0/battery/capacity_kwh", "$.ruches[0].alveoles[0].battery.capacity_kwh"},
        {"/ruches/0/hive_store/charge_kw", "$.ruches[0].hive_store.charge_kw"},
        {"/ruches/0/season_store/tank_kwh", "$.ruches[0].season_store.tank_kwh"},
        {"/ruches/0/season_store/electrolyzer_kw", "$.ruches[0].season_store.electrolyzer_kw"},
        {"/ruches/1/gate/import_limit_kw", "$.ruches[1].gate.import_limit_kw"},
        {"/ruches/1/gate/export_limit_kw", "$.ruches[1].gate.export_limit_kw"},
        {"/ruches/0/alveoles/1/connection_kw", "$.ruches[0].alveoles[1].connection_kw"},
        {"/ruches/0/alveoles/1/load_kw/2", "$.ruches[0].alveoles[1].load_kw[2]"},
        {"/ruches/1/alveoles/0/pv_kw/1", "$.ruches[1].alveoles[0].pv_kw[1]"},
        {"/lines/0/capacity_kw", "$.lines[0].capacity_kw"},
        {"/ruches/1/alveoles/0/battery/soc_min_kwh", "$.ruches[1].alveoles[0].battery.soc_min_kwh"},
    };
    for (const auto& [pointer, path] : cases) {
        bj::value doc = validDocument();
        at(doc, pointer) = -0.5;
        EXPECT_DOC_REJECTED(doc, "negative", path);
    }
}

TEST_CASE(efficiency_range)
{
    const std::pair<const char*, double> cases[] = {
        {"/ruches/0/alveoles/0/battery/eta_charge", 0.0},
        {"/ruches/0/alveoles/0/battery/eta_discharge", 1.05},
        {"/ruches/0/hive_store/eta_charge", -0.9},
        {"/ruches/0/season_store/eta_fuel_cell", 0.0},
        {"/ruches/0/season_store/eta_electrolyzer", 1.0000001},
    };
    for (const auto& [pointer, eta] : cases) {
        bj::value doc = validDocument();
        at(doc, pointer) = eta;
        std::string path = std::string("$") + pointer;
        for (std::size_t i = 0; i < path.size(); ++i)
            path[i] = path[i] == '/' ? '.' : path[i];
        path.replace(path.find(".ruches.0"), 9, ".ruches[0]");
        if (path.find(".alveoles.0") != std::string::npos)
            path.replace(path.find(".alveoles.0"), 11, ".alveoles[0]");
        EXPECT_DOC_REJECTED(doc, "efficiency-range", path);
    }
    bj::value doc = validDocument();
    at(doc, "/ruches/0/alveoles/0/battery/eta_charge") = 1;   // 1 itself is allowed
    readScenario(bj::serialize(doc));
}

TEST_CASE(loss_range)
{
    for (const double loss : {1.0, -0.01, 7.0}) {
        bj::value doc = validDocument();
        at(doc, "/lines/0/loss") = loss;
        EXPECT_DOC_REJECTED(doc, "loss-range", "$.lines[0].loss");
    }
}

TEST_CASE(line_to_itself)
{
    bj::value doc = validDocument();
    at(doc, "/lines/0/to") = "ruche-1";
    EXPECT_DOC_REJECTED(doc, "line-to-itself", "$.lines[0].to");
}

TEST_CASE(line_to_unknown_ruche)
{
    bj::value doc = validDocument();
    at(doc, "/lines/0/from") = "ruche-9";
    EXPECT_DOC_REJECTED(doc, "line-unknown-ruche", "$.lines[0].from");
    doc = validDocument();
    at(doc, "/lines/0/to") = "a-0003";   // an alvéole id is not a ruche id
    EXPECT_DOC_REJECTED(doc, "line-unknown-ruche", "$.lines[0].to");
}

TEST_CASE(soc0_in_window)
{
    for (const double soc0 : {12.0, 0.5}) {   // window of a-0001 is [1, 10]
        bj::value doc = validDocument();
        at(doc, std::string(kBattery0) + "/soc0_kwh") = soc0;
        EXPECT_DOC_REJECTED(doc, "soc0-in-window", "$.ruches[0].alveoles[0].battery.soc0_kwh");
    }
    bj::value doc = validDocument();
    at(doc, "/ruches/0/hive_store/soc0_kwh") = 10;   // hive window is [20, 200]
    EXPECT_DOC_REJECTED(doc, "soc0-in-window", "$.ruches[0].hive_store.soc0_kwh");
}

TEST_CASE(soc_max_above_capacity)
{
    bj::value doc = validDocument();
    at(doc, std::string(kBattery0) + "/soc_max_kwh") = 10.5;
    EXPECT_DOC_REJECTED(doc, "soc-max-above-capacity", "$.ruches[0].alveoles[0].battery.soc_max_kwh");
}

TEST_CASE(soc_min_above_max)
{
    bj::value doc = validDocument();
    at(doc, "/ruches/1/alveoles/0/battery/soc_min_kwh") = 12.5;   // soc_max_kwh is 12
    EXPECT_DOC_REJECTED(doc, "soc-min-above-max", "$.ruches[1].alveoles[0].battery.soc_min_kwh");
}

TEST_CASE(level0_above_tank)
{
    bj::value doc = validDocument();
    at(doc, "/ruches/0/season_store/level0_kwh") = 20000.5;
    EXPECT_DOC_REJECTED(doc, "level0-above-tank", "$.ruches[0].season_store.level0_kwh");
}

TEST_CASE(import_price_negative)
{
    bj::value doc = validDocument();
    at(doc, "/grid/import_price/1") = -0.01;
    EXPECT_DOC_REJECTED(doc, "import-price-negative", "$.grid.import_price[1]");
}

TEST_CASE(export_above_import)
{
    bj::value doc = validDocument();
    at(doc, "/grid/export_price/3") = 0.30;   // import is 0.26 at step 3
    EXPECT_DOC_REJECTED(doc, "export-above-import", "$.grid.export_price[3]");
    doc = validDocument();
    at(doc, "/grid/export_price/3") = 0.26;   // equal is allowed
    readScenario(bj::serialize(doc));
}

TEST_CASE(unreadable_file)
{
    try {
        readScenarioFile("/nonexistent/dir/scenario.json");
        CHECK(!"read a file that does not exist");
    } catch (const ScenarioError& e) {
        CHECK_EQ(e.rule(), std::string("io"));
        CHECK(std::string(e.what()).find("/nonexistent/dir/scenario.json") != std::string::npos);
    }
}

int main()
{
    return runAll();
}
