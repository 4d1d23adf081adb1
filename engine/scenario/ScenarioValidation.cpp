// The value rules of scenario-format.md, checked on the model so that scenarios built in code
// (the fleet generator, tests) meet the same rules as files. Paths are those the values have
// in the JSON document, so reader and writer report the same place.

#include "engine/scenario/ScenarioIo.h"
#include "engine/scenario/StrictJson.h"

#include <cmath>
#include <map>
#include <set>

namespace swarmergy::scenario {

namespace {

std::string indexed(const std::string& path, std::size_t i)
{
    return path + "[" + std::to_string(i) + "]";
}

std::string show(double x)
{
    return std::isfinite(x) ? json::formatDouble(x) : (std::isnan(x) ? "NaN" : (x > 0 ? "Infinity" : "-Infinity"));
}

void requireFinite(double x, const std::string& path)
{
    if (!std::isfinite(x))
        throw ScenarioError(path, "non-finite", show(x) + " is not a finite number");
}

void requireNonNegative(double x, const std::string& path, const std::string& what)
{
    requireFinite(x, path);
    if (x < 0)
        throw ScenarioError(path, "negative", what + " must be >= 0, got " + show(x));
}

void requireEfficiency(double eta, const std::string& path)
{
    requireFinite(eta, path);
    if (!(eta > 0 && eta <= 1))
        throw ScenarioError(path, "efficiency-range", "an efficiency must be in (0, 1], got " + show(eta));
}

void requireSeriesLength(const std::vector<double>& series, int steps, const std::string& path)
{
    if (series.size() != static_cast<std::size_t>(steps))
        throw ScenarioError(path, "series-length", "has " + std::to_string(series.size()) + " values, expected " +
                                                       std::to_string(steps) + " (steps)");
}

void requireNonNegativeSeries(const std::vector<double>& series, int steps, const std::string& path,
                              const std::string& what)
{
    requireSeriesLength(series, steps, path);
    for (std::size_t t = 0; t < series.size(); ++t)
        requireNonNegative(series[t], indexed(path, t), what);
}

void requireId(const std::string& id, const std::string& path)
{
    if (id.empty())
        throw ScenarioError(path, "empty-id", "an id must not be empty");
}

// A string id seen at most once; `firstSeen` remembers where, for the message.
void requireUnique(std::map<std::string, std::string>& firstSeen, const std::string& id, const std::string& path,
                   const std::string& rule)
{
    const auto [it, inserted] = firstSeen.emplace(id, path);
    if (!inserted)
        throw ScenarioError(path, rule, "id \"" + id + "\" is already used at " + it->second);
}

void checkTiming(const model::Scenario& s)
{
    if (s.steps <= 0)
        throw ScenarioError("$.steps", "steps-positive", "steps must be > 0, got " + std::to_string(s.steps));
    if (s.stepMinutes <= 0)
        throw ScenarioError("$.step_minutes", "step-minutes-positive",
                            "step_minutes must be > 0, got " + std::to_string(s.stepMinutes));
}

bool digitsAt(const std::string& text, std::size_t from, std::size_t count, int maximum)
{
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return false;
        value = value * 10 + (text[i] - '0');
    }
    return value <= maximum;
}

// "YYYY-MM-DDTHH:MM:SSZ": the format says start is UTC, so the Z is required.
void checkStart(const std::string& start)
{
    const bool shaped = start.size() == 20 && start[4] == '-' && start[7] == '-' && start[10] == 'T' &&
                        start[13] == ':' && start[16] == ':' && start[19] == 'Z';
    const bool ranged = shaped && digitsAt(start, 0, 4, 9999) && digitsAt(start, 5, 2, 12) && digitsAt(start, 8, 2, 31) &&
                        digitsAt(start, 11, 2, 23) && digitsAt(start, 14, 2, 59) && digitsAt(start, 17, 2, 60) &&
                        start.substr(5, 2) != "00" && start.substr(8, 2) != "00";
    if (!ranged)
        throw ScenarioError("$.start", "start-utc", "expected a UTC time like \"2026-06-24T00:00:00Z\", got \"" + start + "\"");
}

void checkGrid(const model::GridTariff& grid, int steps)
{
    requireSeriesLength(grid.importPrice, steps, "$.grid.import_price");
    requireSeriesLength(grid.exportPrice, steps, "$.grid.export_price");
    for (int t = 0; t < steps; ++t) {
        const double importPrice = grid.importPrice[t];
        const double exportPrice = grid.exportPrice[t];
        const std::string importPath = indexed("$.grid.import_price", t);
        const std::string exportPath = indexed("$.grid.export_price", t);
        requireFinite(importPrice, importPath);
        requireFinite(exportPrice, exportPath);
        if (importPrice < 0)
            throw ScenarioError(importPath, "import-price-negative", "import price must be >= 0, got " + show(importPrice));
        // Otherwise buying to sell back would pay without limit but the gate's.
        if (exportPrice > importPrice)
            throw ScenarioError(exportPath, "export-above-import", "export price " + show(exportPrice) +
                                                                       " is above the import price " + show(importPrice) +
                                                                       " at step " + std::to_string(t));
    }
}

void checkBattery(const model::Battery& b, const std::string& path)
{
    requireNonNegative(b.capacityKwh, path + ".capacity_kwh", "capacity_kwh");
    requireNonNegative(b.chargeKw, path + ".charge_kw", "charge_kw");
    requireNonNegative(b.dischargeKw, path + ".discharge_kw", "discharge_kw");
    requireEfficiency(b.etaCharge, path + ".eta_charge");
    requireEfficiency(b.etaDischarge, path + ".eta_discharge");
    requireNonNegative(b.socMinKwh, path + ".soc_min_kwh", "soc_min_kwh");
    requireFinite(b.socMaxKwh, path + ".soc_max_kwh");
    requireFinite(b.soc0Kwh, path + ".soc0_kwh");
    requireNonNegative(b.cycleCostPerKwh, path + ".cycle_cost_per_kwh", "cycle_cost_per_kwh");
    if (b.socMaxKwh > b.capacityKwh)
        throw ScenarioError(path + ".soc_max_kwh", "soc-max-above-capacity",
                            "soc_max_kwh " + show(b.socMaxKwh) + " is above capacity_kwh " + show(b.capacityKwh));
    if (b.socMinKwh > b.socMaxKwh)
        throw ScenarioError(path + ".soc_min_kwh", "soc-min-above-max",
                            "soc_min_kwh " + show(b.socMinKwh) + " is above soc_max_kwh " + show(b.socMaxKwh));
    if (b.soc0Kwh < b.socMinKwh || b.soc0Kwh > b.socMaxKwh)
        throw ScenarioError(path + ".soc0_kwh", "soc0-in-window",
                            "soc0_kwh " + show(b.soc0Kwh) + " is outside [soc_min_kwh, soc_max_kwh] = [" +
                                show(b.socMinKwh) + ", " + show(b.socMaxKwh) + "]");
}

void checkSeasonStore(const model::SeasonStore& s, const std::string& path)
{
    requireNonNegative(s.electrolyzerKw, path + ".electrolyzer_kw", "electrolyzer_kw");
    requireNonNegative(s.fuelCellKw, path + ".fuel_cell_kw", "fuel_cell_kw");
    requireEfficiency(s.etaElectrolyzer, path + ".eta_electrolyzer");
    requireEfficiency(s.etaFuelCell, path + ".eta_fuel_cell");
    requireNonNegative(s.tankKwh, path + ".tank_kwh", "tank_kwh");
    requireNonNegative(s.level0Kwh, path + ".level0_kwh", "level0_kwh");
    requireNonNegative(s.terminalValuePerKwh, path + ".terminal_value_per_kwh", "terminal_value_per_kwh");
    if (s.level0Kwh > s.tankKwh)
        throw ScenarioError(path + ".level0_kwh", "level0-above-tank",
                            "level0_kwh " + show(s.level0Kwh) + " is above tank_kwh " + show(s.tankKwh));
}

void checkAlveole(const model::Alveole& a, int steps, const std::string& path)
{
    requireNonNegative(a.connectionKw, path + ".connection_kw", "connection_kw");
    requireNonNegative(a.vollPerKwh, path + ".voll_per_kwh", "voll_per_kwh");
    requireNonNegativeSeries(a.loadKw, steps, path + ".load_kw", "load");
    requireNonNegativeSeries(a.pvKw, steps, path + ".pv_kw", "PV");
    if (a.battery)
        checkBattery(*a.battery, path + ".battery");
}

void checkRuche(const model::Ruche& r, int steps, const std::string& path)
{
    if (r.gate) {
        requireNonNegative(r.gate->importLimitKw, path + ".gate.import_limit_kw", "import_limit_kw");
        requireNonNegative(r.gate->exportLimitKw, path + ".gate.export_limit_kw", "export_limit_kw");
    }
    if (r.hiveStore)
        checkBattery(*r.hiveStore, path + ".hive_store");
    if (r.seasonStore)
        checkSeasonStore(*r.seasonStore, path + ".season_store");
    for (std::size_t i = 0; i < r.alveoles.size(); ++i)
        checkAlveole(r.alveoles[i], steps, indexed(path + ".alveoles", i));
}

void checkRuches(const model::Scenario& s)
{
    std::map<std::string, std::string> rucheIds;
    std::map<std::string, std::string> alveoleIds;   // unique across the whole scenario
    for (std::size_t r = 0; r < s.ruches.size(); ++r) {
        const model::Ruche& ruche = s.ruches[r];
        const std::string path = indexed("$.ruches", r);
        requireId(ruche.id, path + ".id");
        requireUnique(rucheIds, ruche.id, path + ".id", "duplicate-ruche-id");
        for (std::size_t a = 0; a < ruche.alveoles.size(); ++a) {
            const std::string idPath = indexed(path + ".alveoles", a) + ".id";
            requireId(ruche.alveoles[a].id, idPath);
            requireUnique(alveoleIds, ruche.alveoles[a].id, idPath, "duplicate-alveole-id");
        }
        checkRuche(ruche, s.steps, path);
    }
}

void checkLines(const model::Scenario& s)
{
    std::set<std::string> rucheIds;
    for (const model::Ruche& r : s.ruches)
        rucheIds.insert(r.id);
    std::map<std::string, std::string> lineIds;
    for (std::size_t i = 0; i < s.lines.size(); ++i) {
        const model::Line& line = s.lines[i];
        const std::string path = indexed("$.lines", i);
        requireId(line.id, path + ".id");
        requireUnique(lineIds, line.id, path + ".id", "duplicate-line-id");
        if (!rucheIds.count(line.from))
            throw ScenarioError(path + ".from", "line-unknown-ruche", "no ruche has the id \"" + line.from + "\"");
        if (!rucheIds.count(line.to))
            throw ScenarioError(path + ".to", "line-unknown-ruche", "no ruche has the id \"" + line.to + "\"");
        if (line.from == line.to)
            throw ScenarioError(path + ".to", "line-to-itself", "a line must join two different ruches, both ends are \"" +
                                                                    line.to + "\"");
        requireNonNegative(line.capacityKw, path + ".capacity_kw", "capacity_kw");
        requireFinite(line.loss, path + ".loss");
        if (!(line.loss >= 0 && line.loss < 1))
            throw ScenarioError(path + ".loss", "loss-range", "a line loss must be in [0, 1), got " + show(line.loss));
    }
}

}  // namespace

void validateScenario(const model::Scenario& scenario)
{
    checkTiming(scenario);
    checkStart(scenario.start);
    checkGrid(scenario.grid, scenario.steps);
    checkRuches(scenario);
    checkLines(scenario);
}

}  // namespace swarmergy::scenario
