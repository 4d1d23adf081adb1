// model::Scenario -> JSON. Every key is written, defaults included, in the order of
// scenario-format.md; stores that do not exist are omitted.

#include "engine/scenario/FileText.h"
#include "engine/scenario/ScenarioIo.h"
#include "engine/scenario/StrictJson.h"

#include <boost/json/value.hpp>

namespace swarmergy::scenario {

namespace bj = boost::json;

namespace {

bj::array series(const std::vector<double>& values)
{
    bj::array array;
    array.reserve(values.size());
    for (const double v : values)
        array.emplace_back(v);
    return array;
}

bj::object batteryJson(const model::Battery& b)
{
    bj::object o;
    o.emplace("capacity_kwh", b.capacityKwh);
    o.emplace("charge_kw", b.chargeKw);
    o.emplace("discharge_kw", b.dischargeKw);
    o.emplace("eta_charge", b.etaCharge);
    o.emplace("eta_discharge", b.etaDischarge);
    o.emplace("soc0_kwh", b.soc0Kwh);
    o.emplace("soc_min_kwh", b.socMinKwh);
    o.emplace("soc_max_kwh", b.socMaxKwh);
    o.emplace("cycle_cost_per_kwh", b.cycleCostPerKwh);
    return o;
}

bj::object seasonStoreJson(const model::SeasonStore& s)
{
    bj::object o;
    o.emplace("electrolyzer_kw", s.electrolyzerKw);
    o.emplace("fuel_cell_kw", s.fuelCellKw);
    o.emplace("eta_electrolyzer", s.etaElectrolyzer);
    o.emplace("eta_fuel_cell", s.etaFuelCell);
    o.emplace("tank_kwh", s.tankKwh);
    o.emplace("level0_kwh", s.level0Kwh);
    o.emplace("terminal_value_per_kwh", s.terminalValuePerKwh);
    return o;
}

bj::object alveoleJson(const model::Alveole& a)
{
    bj::object o;
    o.emplace("id", a.id);
    o.emplace("connection_kw", a.connectionKw);
    o.emplace("voll_per_kwh", a.vollPerKwh);
    o.emplace("load_kw", series(a.loadKw));
    o.emplace("pv_kw", series(a.pvKw));
    if (a.battery)
        o.emplace("battery", batteryJson(*a.battery));
    return o;
}

bj::object rucheJson(const model::Ruche& r)
{
    bj::object o;
    o.emplace("id", r.id);
    if (r.gate) {
        bj::object gate;
        gate.emplace("import_limit_kw", r.gate->importLimitKw);
        gate.emplace("export_limit_kw", r.gate->exportLimitKw);
        o.emplace("gate", std::move(gate));
    }
    if (r.hiveStore)
        o.emplace("hive_store", batteryJson(*r.hiveStore));
    if (r.seasonStore)
        o.emplace("season_store", seasonStoreJson(*r.seasonStore));
    bj::array alveoles;
    for (const model::Alveole& a : r.alveoles)
        alveoles.emplace_back(alveoleJson(a));
    o.emplace("alveoles", std::move(alveoles));
    return o;
}

bj::object lineJson(const model::Line& l)
{
    bj::object o;
    o.emplace("id", l.id);
    o.emplace("from", l.from);
    o.emplace("to", l.to);
    o.emplace("capacity_kw", l.capacityKw);
    o.emplace("loss", l.loss);
    return o;
}

bj::object scenarioJson(const model::Scenario& s)
{
    bj::object o;
    o.emplace("format", model::kScenarioFormat);
    o.emplace("name", s.name);
    o.emplace("start", s.start);
    o.emplace("step_minutes", s.stepMinutes);
    o.emplace("steps", s.steps);
    bj::object grid;
    grid.emplace("connected", s.grid.connected);
    grid.emplace("import_price", series(s.grid.importPrice));
    grid.emplace("export_price", series(s.grid.exportPrice));
    o.emplace("grid", std::move(grid));
    bj::array ruches;
    for (const model::Ruche& r : s.ruches)
        ruches.emplace_back(rucheJson(r));
    o.emplace("ruches", std::move(ruches));
    bj::array lines;
    for (const model::Line& l : s.lines)
        lines.emplace_back(lineJson(l));
    o.emplace("lines", std::move(lines));
    return o;
}

}  // namespace

std::string writeScenario(const model::Scenario& scenario)
{
    validateScenario(scenario);
    return json::writePretty(scenarioJson(scenario));
}

void writeScenarioFile(const model::Scenario& scenario, const std::filesystem::path& file)
{
    writeTextFile(file, writeScenario(scenario));
}

}  // namespace swarmergy::scenario
