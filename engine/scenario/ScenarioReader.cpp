// JSON -> model::Scenario: structure, keys and types here; value rules in ScenarioValidation.

#include "engine/scenario/FileText.h"
#include "engine/scenario/JsonFields.h"
#include "engine/scenario/ScenarioIo.h"
#include "engine/scenario/StrictJson.h"

namespace swarmergy::scenario {

namespace bj = boost::json;
using json::JsonObject;

namespace {

model::Battery readBattery(const JsonObject& o)
{
    model::Battery b;
    b.capacityKwh = o.number("capacity_kwh");
    b.chargeKw = o.number("charge_kw");
    b.dischargeKw = o.number("discharge_kw");
    b.etaCharge = o.number("eta_charge");
    b.etaDischarge = o.number("eta_discharge");
    b.soc0Kwh = o.number("soc0_kwh");
    b.socMinKwh = o.numberOr("soc_min_kwh", 0.0);
    b.socMaxKwh = o.numberOr("soc_max_kwh", b.capacityKwh);
    b.cycleCostPerKwh = o.numberOr("cycle_cost_per_kwh", 0.0);
    return b;
}

std::optional<model::Battery> readOptionalBattery(const JsonObject& parent, std::string_view key)
{
    const auto o = parent.optionalObject(key,
        {"capacity_kwh", "charge_kw", "discharge_kw", "eta_charge", "eta_discharge", "soc0_kwh"},
        {"soc_min_kwh", "soc_max_kwh", "cycle_cost_per_kwh"});
    if (!o)
        return std::nullopt;
    return readBattery(*o);
}

std::optional<model::SeasonStore> readSeasonStore(const JsonObject& ruche)
{
    const auto o = ruche.optionalObject("season_store",
        {"electrolyzer_kw", "fuel_cell_kw", "eta_electrolyzer", "eta_fuel_cell", "tank_kwh", "level0_kwh",
         "terminal_value_per_kwh"});
    if (!o)
        return std::nullopt;
    model::SeasonStore s;
    s.electrolyzerKw = o->number("electrolyzer_kw");
    s.fuelCellKw = o->number("fuel_cell_kw");
    s.etaElectrolyzer = o->number("eta_electrolyzer");
    s.etaFuelCell = o->number("eta_fuel_cell");
    s.tankKwh = o->number("tank_kwh");
    s.level0Kwh = o->number("level0_kwh");
    s.terminalValuePerKwh = o->number("terminal_value_per_kwh");
    return s;
}

std::optional<model::Gate> readGate(const JsonObject& ruche)
{
    const auto o = ruche.optionalObject("gate", {"import_limit_kw", "export_limit_kw"});
    if (!o)
        return std::nullopt;
    return model::Gate{o->number("import_limit_kw"), o->number("export_limit_kw")};
}

model::Alveole readAlveole(const bj::value& value, const std::string& path)
{
    const JsonObject o(value, path, {"id", "connection_kw", "load_kw", "pv_kw"}, {"voll_per_kwh", "battery"});
    model::Alveole a;
    a.id = o.string("id");
    a.connectionKw = o.number("connection_kw");
    a.vollPerKwh = o.numberOr("voll_per_kwh", 5.0);
    a.loadKw = o.numbers("load_kw");
    a.pvKw = o.numbers("pv_kw");
    a.battery = readOptionalBattery(o, "battery");
    return a;
}

model::Ruche readRuche(const bj::value& value, const std::string& path)
{
    const JsonObject o(value, path, {"id", "alveoles"}, {"gate", "hive_store", "season_store"});
    model::Ruche r;
    r.id = o.string("id");
    r.gate = readGate(o);
    r.hiveStore = readOptionalBattery(o, "hive_store");
    r.seasonStore = readSeasonStore(o);
    const bj::array& alveoles = o.array("alveoles");
    for (std::size_t i = 0; i < alveoles.size(); ++i)
        r.alveoles.push_back(readAlveole(alveoles[i], o.pathOf("alveoles") + "[" + std::to_string(i) + "]"));
    return r;
}

model::Line readLine(const bj::value& value, const std::string& path)
{
    const JsonObject o(value, path, {"id", "from", "to", "capacity_kw"}, {"loss"});
    return model::Line{o.string("id"), o.string("from"), o.string("to"), o.number("capacity_kw"), o.numberOr("loss", 0.0)};
}

model::GridTariff readGrid(const JsonObject& root)
{
    const JsonObject o = root.object("grid", {"import_price", "export_price"}, {"connected"});
    model::GridTariff grid;
    grid.connected = o.booleanOr("connected", true);
    grid.importPrice = o.numbers("import_price");
    grid.exportPrice = o.numbers("export_price");
    return grid;
}

// The format string is checked before anything else, so a schedule or another JSON file
// given by mistake is named as such instead of failing on its first unknown key.
void checkFormat(const bj::value& document)
{
    const bj::object* root = document.if_object();
    if (!root)
        throw ScenarioError("$", "wrong-type", "a scenario is a JSON object, got " + json::kindName(document));
    const bj::value* format = root->if_contains("format");
    if (!format)
        throw ScenarioError("$.format", "missing-key", "required key \"format\" is missing (expected \"" +
                                                            std::string(model::kScenarioFormat) + "\")");
    if (!format->is_string())
        throw ScenarioError("$.format", "wrong-type", "expected a string, got " + json::kindName(*format));
    if (format->get_string() != model::kScenarioFormat)
        throw ScenarioError("$.format", "format", "expected \"" + std::string(model::kScenarioFormat) + "\", got \"" +
                                                      std::string(format->get_string()) + "\"");
}

model::Scenario readDocument(const bj::value& document)
{
    checkFormat(document);
    const JsonObject o(document, "$", {"format", "name", "start", "step_minutes", "steps", "grid", "ruches"}, {"lines"});
    model::Scenario s;
    s.name = o.string("name");
    s.start = o.string("start");
    s.stepMinutes = o.integer("step_minutes");
    s.steps = o.integer("steps");
    s.grid = readGrid(o);
    const bj::array& ruches = o.array("ruches");
    for (std::size_t i = 0; i < ruches.size(); ++i)
        s.ruches.push_back(readRuche(ruches[i], "$.ruches[" + std::to_string(i) + "]"));
    const bj::array& lines = o.arrayOrEmpty("lines");
    for (std::size_t i = 0; i < lines.size(); ++i)
        s.lines.push_back(readLine(lines[i], "$.lines[" + std::to_string(i) + "]"));
    return s;
}

}  // namespace

model::Scenario readScenario(std::string_view text)
{
    model::Scenario scenario = readDocument(json::parseStrict(text));
    validateScenario(scenario);
    return scenario;
}

model::Scenario readScenarioFile(const std::filesystem::path& file)
{
    return readScenario(readTextFile(file));
}

}  // namespace swarmergy::scenario
