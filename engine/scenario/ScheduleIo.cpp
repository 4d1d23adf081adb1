// swarmergy-schedule/1 <-> model::Schedule, and the checks a schedule must pass on its own
// and against its scenario.

#include "engine/scenario/ScheduleIo.h"

#include "engine/scenario/FileText.h"
#include "engine/scenario/JsonFields.h"
#include "engine/scenario/StrictJson.h"

#include <boost/json/value.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

namespace swarmergy::scenario {

namespace bj = boost::json;
using json::JsonObject;

const char* statusName(model::ScheduleStatus status)
{
    switch (status) {
    case model::ScheduleStatus::Optimal: return "optimal";
    case model::ScheduleStatus::Feasible: return "feasible";
    case model::ScheduleStatus::Infeasible: return "infeasible";
    }
    return "feasible";
}

namespace {

std::string indexed(const std::string& path, std::size_t i)
{
    return path + "[" + std::to_string(i) + "]";
}

// ---------------------------------------------------------------------------------------------
// Reading

model::ScheduleStatus readStatus(const JsonObject& o)
{
    const std::string text = o.string("status");
    for (const auto status : {model::ScheduleStatus::Optimal, model::ScheduleStatus::Feasible,
                              model::ScheduleStatus::Infeasible})
        if (text == statusName(status))
            return status;
    throw ScenarioError(o.pathOf("status"), "status",
                        "expected \"optimal\", \"feasible\" or \"infeasible\", got \"" + text + "\"");
}

model::BatterySchedule readBattery(const JsonObject& o)
{
    return model::BatterySchedule{o.numbers("charge_kw"), o.numbers("discharge_kw"), o.numbers("soc_kwh")};
}

model::AlveoleSchedule readAlveole(const bj::value& value, const std::string& path)
{
    const JsonObject probe(value, path, {"id", "pv_used_kw", "shed_kw", "net_kw"},
                           {"charge_kw", "discharge_kw", "soc_kwh"});
    const bool hasBattery = probe.has("charge_kw") || probe.has("discharge_kw") || probe.has("soc_kwh");
    // With one battery key present, all three are required.
    const JsonObject o = hasBattery ? JsonObject(value, path, {"id", "pv_used_kw", "shed_kw", "net_kw", "charge_kw",
                                                               "discharge_kw", "soc_kwh"})
                                    : probe;
    model::AlveoleSchedule a;
    a.id = o.string("id");
    a.pvUsedKw = o.numbers("pv_used_kw");
    a.shedKw = o.numbers("shed_kw");
    if (hasBattery)
        a.battery = readBattery(o);
    a.netKw = o.numbers("net_kw");
    return a;
}

model::RucheSchedule readRuche(const bj::value& value, const std::string& path)
{
    const JsonObject o(value, path, {"id", "import_kw", "export_kw", "alveoles"}, {"hive_store", "season_store"});
    model::RucheSchedule r;
    r.id = o.string("id");
    r.importKw = o.numbers("import_kw");
    r.exportKw = o.numbers("export_kw");
    if (const auto hive = o.optionalObject("hive_store", {"charge_kw", "discharge_kw", "soc_kwh"}))
        r.hiveStore = readBattery(*hive);
    if (const auto season = o.optionalObject("season_store", {"electrolyzer_kw", "fuel_cell_kw", "level_kwh"}))
        r.seasonStore = model::SeasonStoreSchedule{season->numbers("electrolyzer_kw"), season->numbers("fuel_cell_kw"),
                                                   season->numbers("level_kwh")};
    const bj::array& alveoles = o.array("alveoles");
    for (std::size_t i = 0; i < alveoles.size(); ++i)
        r.alveoles.push_back(readAlveole(alveoles[i], indexed(o.pathOf("alveoles"), i)));
    return r;
}

void checkFormat(const bj::value& document)
{
    const bj::object* root = document.if_object();
    if (!root)
        throw ScenarioError("$", "wrong-type", "a schedule is a JSON object, got " + json::kindName(document));
    const bj::value* format = root->if_contains("format");
    const std::string expected = std::string("expected \"") + model::kScheduleFormat + "\"";
    if (!format)
        throw ScenarioError("$.format", "missing-key", "required key \"format\" is missing (" + expected + ")");
    if (!format->is_string())
        throw ScenarioError("$.format", "wrong-type", "expected a string, got " + json::kindName(*format));
    if (format->get_string() != model::kScheduleFormat)
        throw ScenarioError("$.format", "format", expected + ", got \"" + std::string(format->get_string()) + "\"");
}

model::Schedule readDocument(const bj::value& document)
{
    checkFormat(document);
    const JsonObject o(document, "$",
                       {"format", "scenario", "status", "objective", "bound", "solve_seconds", "ruches", "lines"});
    model::Schedule s;
    s.scenario = o.string("scenario");
    s.status = readStatus(o);
    s.objective = o.number("objective");
    s.bound = o.nullableNumber("bound");
    s.solveSeconds = o.number("solve_seconds");
    const bj::array& ruches = o.array("ruches");
    for (std::size_t i = 0; i < ruches.size(); ++i)
        s.ruches.push_back(readRuche(ruches[i], indexed("$.ruches", i)));
    const bj::array& lines = o.array("lines");
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const JsonObject line(lines[i], indexed("$.lines", i), {"id", "flow_kw"});
        s.lines.push_back(model::LineSchedule{line.string("id"), line.numbers("flow_kw")});
    }
    return s;
}

// ---------------------------------------------------------------------------------------------
// Checks

// Every series of the schedule with its JSON path; `isState` for soc/level (steps + 1 values).
using SeriesVisitor = std::function<void(const std::string& path, const std::vector<double>& values, bool isState)>;

void visitBattery(const model::BatterySchedule& b, const std::string& prefix, const SeriesVisitor& visit)
{
    visit(prefix + "charge_kw", b.chargeKw, false);
    visit(prefix + "discharge_kw", b.dischargeKw, false);
    visit(prefix + "soc_kwh", b.socKwh, true);
}

void forEachSeries(const model::Schedule& s, const SeriesVisitor& visit)
{
    for (std::size_t r = 0; r < s.ruches.size(); ++r) {
        const model::RucheSchedule& ruche = s.ruches[r];
        const std::string path = indexed("$.ruches", r);
        visit(path + ".import_kw", ruche.importKw, false);
        visit(path + ".export_kw", ruche.exportKw, false);
        if (ruche.hiveStore)
            visitBattery(*ruche.hiveStore, path + ".hive_store.", visit);
        if (ruche.seasonStore) {
            visit(path + ".season_store.electrolyzer_kw", ruche.seasonStore->electrolyzerKw, false);
            visit(path + ".season_store.fuel_cell_kw", ruche.seasonStore->fuelCellKw, false);
            visit(path + ".season_store.level_kwh", ruche.seasonStore->levelKwh, true);
        }
        for (std::size_t a = 0; a < ruche.alveoles.size(); ++a) {
            const model::AlveoleSchedule& alveole = ruche.alveoles[a];
            const std::string alveolePath = indexed(path + ".alveoles", a);
            visit(alveolePath + ".pv_used_kw", alveole.pvUsedKw, false);
            visit(alveolePath + ".shed_kw", alveole.shedKw, false);
            if (alveole.battery)
                visitBattery(*alveole.battery, alveolePath + ".", visit);
            visit(alveolePath + ".net_kw", alveole.netKw, false);
        }
    }
    for (std::size_t l = 0; l < s.lines.size(); ++l)
        visit(indexed("$.lines", l) + ".flow_kw", s.lines[l].flowKw, false);
}

void requireFinite(double x, const std::string& path)
{
    if (!std::isfinite(x))
        throw ScenarioError(path, "non-finite", "the value is not a finite number");
}

void requireUnique(std::map<std::string, std::string>& firstSeen, const std::string& id, const std::string& path,
                   const std::string& rule)
{
    if (id.empty())
        throw ScenarioError(path, "empty-id", "an id must not be empty");
    const auto [it, inserted] = firstSeen.emplace(id, path);
    if (!inserted)
        throw ScenarioError(path, rule, "id \"" + id + "\" is already used at " + it->second);
}

void checkIds(const model::Schedule& s)
{
    std::map<std::string, std::string> ruches, alveoles, lines;
    for (std::size_t r = 0; r < s.ruches.size(); ++r) {
        const std::string path = indexed("$.ruches", r);
        requireUnique(ruches, s.ruches[r].id, path + ".id", "duplicate-ruche-id");
        for (std::size_t a = 0; a < s.ruches[r].alveoles.size(); ++a)
            requireUnique(alveoles, s.ruches[r].alveoles[a].id, indexed(path + ".alveoles", a) + ".id",
                          "duplicate-alveole-id");
    }
    for (std::size_t l = 0; l < s.lines.size(); ++l)
        requireUnique(lines, s.lines[l].id, indexed("$.lines", l) + ".id", "duplicate-line-id");
}

// The first per-step series fixes the number of steps; every other series must agree.
void checkSeries(const model::Schedule& s)
{
    std::optional<std::size_t> steps;
    std::string stepsFrom;
    forEachSeries(s, [&](const std::string& path, const std::vector<double>& values, bool isState) {
        for (std::size_t t = 0; t < values.size(); ++t)
            requireFinite(values[t], indexed(path, t));
        if (isState && values.empty())
            throw ScenarioError(path, "series-length", "a state series has steps + 1 values, got none");
        const std::size_t implied = isState ? values.size() - 1 : values.size();
        if (!steps) {
            steps = implied;
            stepsFrom = path;
        } else if (implied != *steps) {
            throw ScenarioError(path, "series-length",
                                "has " + std::to_string(values.size()) + " values, expected " +
                                    std::to_string(isState ? *steps + 1 : *steps) + " (" + stepsFrom + " has " +
                                    std::to_string(*steps) + " steps" + (isState ? "; state series have steps + 1)" : ")"));
        }
    });
}

void checkTotals(const model::Schedule& s)
{
    requireFinite(s.objective, "$.objective");
    requireFinite(s.solveSeconds, "$.solve_seconds");
    if (s.solveSeconds < 0)
        throw ScenarioError("$.solve_seconds", "negative", "solve_seconds must be >= 0");
    if (!s.bound)
        return;
    requireFinite(*s.bound, "$.bound");
    // Tolerance of the format: objective within 1e-6 * max(1, |objective|).
    const double tolerance = 1e-6 * std::max(1.0, std::abs(s.objective));
    if (*s.bound > s.objective + tolerance)
        throw ScenarioError("$.bound", "bound-above-objective",
                            "a lower bound " + json::formatDouble(*s.bound) + " above the objective " +
                                json::formatDouble(s.objective) + " is impossible");
}

// ---------------------------------------------------------------------------------------------
// Writing

bj::array series(const std::vector<double>& values)
{
    bj::array array;
    array.reserve(values.size());
    for (const double v : values)
        array.emplace_back(v);
    return array;
}

void addBattery(bj::object& o, const model::BatterySchedule& b)
{
    o.emplace("charge_kw", series(b.chargeKw));
    o.emplace("discharge_kw", series(b.dischargeKw));
    o.emplace("soc_kwh", series(b.socKwh));
}

bj::object alveoleJson(const model::AlveoleSchedule& a)
{
    bj::object o;
    o.emplace("id", a.id);
    o.emplace("pv_used_kw", series(a.pvUsedKw));
    o.emplace("shed_kw", series(a.shedKw));
    if (a.battery)
        addBattery(o, *a.battery);
    o.emplace("net_kw", series(a.netKw));
    return o;
}

bj::object rucheJson(const model::RucheSchedule& r)
{
    bj::object o;
    o.emplace("id", r.id);
    o.emplace("import_kw", series(r.importKw));
    o.emplace("export_kw", series(r.exportKw));
    if (r.hiveStore) {
        bj::object hive;
        addBattery(hive, *r.hiveStore);
        o.emplace("hive_store", std::move(hive));
    }
    if (r.seasonStore) {
        bj::object season;
        season.emplace("electrolyzer_kw", series(r.seasonStore->electrolyzerKw));
        season.emplace("fuel_cell_kw", series(r.seasonStore->fuelCellKw));
        season.emplace("level_kwh", series(r.seasonStore->levelKwh));
        o.emplace("season_store", std::move(season));
    }
    bj::array alveoles;
    for (const model::AlveoleSchedule& a : r.alveoles)
        alveoles.emplace_back(alveoleJson(a));
    o.emplace("alveoles", std::move(alveoles));
    return o;
}

bj::object scheduleJson(const model::Schedule& s)
{
    bj::object o;
    o.emplace("format", model::kScheduleFormat);
    o.emplace("scenario", s.scenario);
    o.emplace("status", statusName(s.status));
    o.emplace("objective", s.objective);
    if (s.bound)
        o.emplace("bound", *s.bound);
    else
        o.emplace("bound", nullptr);
    o.emplace("solve_seconds", s.solveSeconds);
    bj::array ruches;
    for (const model::RucheSchedule& r : s.ruches)
        ruches.emplace_back(rucheJson(r));
    o.emplace("ruches", std::move(ruches));
    bj::array lines;
    for (const model::LineSchedule& l : s.lines) {
        bj::object line;
        line.emplace("id", l.id);
        line.emplace("flow_kw", series(l.flowKw));
        lines.emplace_back(std::move(line));
    }
    o.emplace("lines", std::move(lines));
    return o;
}

// ---------------------------------------------------------------------------------------------
// Schedule against scenario

[[noreturn]] void mismatch(const std::string& path, const std::string& explanation)
{
    throw ScenarioError(path, "schedule-mismatch", explanation);
}

void matchCount(std::size_t got, std::size_t expected, const std::string& path, const std::string& what)
{
    if (got != expected)
        mismatch(path, "has " + std::to_string(got) + " " + what + ", the scenario has " + std::to_string(expected));
}

void matchId(const std::string& got, const std::string& expected, const std::string& path)
{
    if (got != expected)
        mismatch(path, "id \"" + got + "\" where the scenario has \"" + expected + "\" (same order required)");
}

void matchPresence(bool inSchedule, bool inScenario, const std::string& path, const std::string& what)
{
    if (inSchedule && !inScenario)
        mismatch(path, "has " + what + " series but the scenario has no " + what);
    if (!inSchedule && inScenario)
        mismatch(path, "has no " + what + " series but the scenario has a " + what);
}

void matchRuche(const model::RucheSchedule& got, const model::Ruche& expected, const std::string& path)
{
    matchId(got.id, expected.id, path + ".id");
    matchPresence(got.hiveStore.has_value(), expected.hiveStore.has_value(), path, "hive_store");
    matchPresence(got.seasonStore.has_value(), expected.seasonStore.has_value(), path, "season_store");
    matchCount(got.alveoles.size(), expected.alveoles.size(), path + ".alveoles", "alvéoles");
    for (std::size_t a = 0; a < got.alveoles.size(); ++a) {
        const std::string alveolePath = indexed(path + ".alveoles", a);
        matchId(got.alveoles[a].id, expected.alveoles[a].id, alveolePath + ".id");
        matchPresence(got.alveoles[a].battery.has_value(), expected.alveoles[a].battery.has_value(), alveolePath,
                      "battery");
    }
}

}  // namespace

void validateSchedule(const model::Schedule& schedule)
{
    checkTotals(schedule);
    checkIds(schedule);
    checkSeries(schedule);
}

void checkScheduleMatchesScenario(const model::Schedule& schedule, const model::Scenario& scenario)
{
    if (schedule.scenario != scenario.name)
        mismatch("$.scenario", "names scenario \"" + schedule.scenario + "\", not \"" + scenario.name + "\"");
    matchCount(schedule.ruches.size(), scenario.ruches.size(), "$.ruches", "ruches");
    for (std::size_t r = 0; r < schedule.ruches.size(); ++r)
        matchRuche(schedule.ruches[r], scenario.ruches[r], indexed("$.ruches", r));
    matchCount(schedule.lines.size(), scenario.lines.size(), "$.lines", "lines");
    for (std::size_t l = 0; l < schedule.lines.size(); ++l)
        matchId(schedule.lines[l].id, scenario.lines[l].id, indexed("$.lines", l) + ".id");
    const auto steps = static_cast<std::size_t>(scenario.steps);
    forEachSeries(schedule, [&](const std::string& path, const std::vector<double>& values, bool isState) {
        const std::size_t expected = isState ? steps + 1 : steps;
        if (values.size() != expected)
            throw ScenarioError(path, "series-length", "has " + std::to_string(values.size()) + " values, the scenario needs " +
                                                           std::to_string(expected));
    });
}

model::Schedule readSchedule(std::string_view text)
{
    model::Schedule schedule = readDocument(json::parseStrict(text));
    validateSchedule(schedule);
    return schedule;
}

model::Schedule readScheduleFile(const std::filesystem::path& file)
{
    return readSchedule(readTextFile(file));
}

std::string writeSchedule(const model::Schedule& schedule)
{
    validateSchedule(schedule);
    return json::writePretty(scheduleJson(schedule));
}

void writeScheduleFile(const model::Schedule& schedule, const std::filesystem::path& file)
{
    writeTextFile(file, writeSchedule(schedule));
}

}  // namespace swarmergy::scenario
