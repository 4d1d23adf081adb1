#include "engine/planning/RollingPlanner.h"

#include "engine/market/SavingsSharing.h"
#include "engine/market/Settlement.h"
#include "engine/planning/Recommendations.h"
#include "engine/simulation/FleetGenerator.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace swarmergy::planning {

PlanInputs captureInputs(const simulation::Simulator& simulator, model::PlanTrigger trigger) {
    PlanInputs inputs;
    inputs.firstStep = simulator.stepIndex();
    inputs.startUtc = simulator.timeUtc();
    inputs.islanded = simulator.islandedAt(inputs.firstStep);
    inputs.trigger = trigger;
    const auto snapshot = simulator.snapshot(model::SimSpeed::Paused);   // holds the initial levels too
    for (const auto& ruche : snapshot->ruches) {
        inputs.hiveSocKwh.push_back(ruche.stores.hiveSocKwh);
        inputs.h2LevelKwh.push_back(ruche.stores.h2LevelKwh);
    }
    for (const auto& row : *snapshot->alveoles)
        inputs.microSocKwh.push_back(row.socKwh);
    return inputs;
}

namespace {

// Multiplies every home's load and PV of a ruche at a step by one shared forecast error.
void addForecastNoise(model::Scenario& scenario, const PlannerOptions& options, std::int64_t firstStep) {
    if (options.forecastNoise <= 0)
        return;
    // Seeded by the plan's first step, so re-running a plan gives the same forecast.
    std::mt19937_64 random(options.seed * 0x9E3779B97F4A7C15ULL + std::uint64_t(firstStep));
    std::normal_distribution<double> normal(0.0, 1.0);
    const int steps = scenario.steps;
    for (auto& ruche : scenario.ruches) {
        std::vector<double> loadFactor(steps), pvFactor(steps);
        for (int t = 0; t < steps; ++t) {
            const double sigma = options.forecastNoise * (0.3 + 0.7 * double(t) / std::max(1, steps - 1));
            loadFactor[t] = std::max(0.0, 1.0 + sigma * normal(random));
            pvFactor[t] = std::max(0.0, 1.0 + sigma * normal(random));
        }
        for (auto& alveole : ruche.alveoles) {
            for (int t = 0; t < steps; ++t) {
                alveole.loadKw[t] *= loadFactor[t];
                alveole.pvKw[t] *= pvFactor[t];
            }
        }
    }
}

// Scales one part (load or PV) of a ruche's homes so that their sum at each step is `totalKw`;
// `shape` holds the noise-free series whose shares are kept. Where the homes' sum is zero
// (PV at night, an idle hour) the total is shared by each home's energy over the horizon.
void scaleToTotal(model::Ruche& ruche, const model::Ruche& shape, bool load, const std::vector<double>& totalKw,
                  int offset) {
    auto seriesOf = [load](auto& alveole) -> auto& { return load ? alveole.loadKw : alveole.pvKw; };
    const std::size_t homes = ruche.alveoles.size();
    std::vector<double> horizonKwh(homes, 0.0);
    double horizonTotal = 0;
    for (std::size_t i = 0; i < homes; ++i) {
        for (double v : seriesOf(shape.alveoles[i]))
            horizonKwh[i] += v;
        horizonTotal += horizonKwh[i];
    }
    const int steps = int(seriesOf(shape.alveoles.front()).size());
    for (int t = 0; t < steps; ++t) {
        const double target = totalKw[std::size_t(offset + t)];
        double sum = 0;
        for (std::size_t i = 0; i < homes; ++i)
            sum += seriesOf(shape.alveoles[i])[std::size_t(t)];
        for (std::size_t i = 0; i < homes; ++i) {
            double share = 0;
            if (sum > 1e-9)
                share = seriesOf(shape.alveoles[i])[std::size_t(t)] / sum;
            else if (horizonTotal > 1e-9)
                share = horizonKwh[i] / horizonTotal;
            else if (load)
                share = 1.0 / double(homes);   // no home has PV: a PV forecast has nowhere to go
            seriesOf(ruche.alveoles[i])[std::size_t(t)] = target * share;
        }
    }
}

// The learned forecasts in place of the noisy one, ruche by ruche and part by part.
std::vector<ForecastUse> useLearnedForecasts(model::Scenario& scenario, const model::Scenario& clean,
                                             const PlanInputs& inputs, const RucheForecasts& forecasts) {
    std::vector<ForecastUse> uses(scenario.ruches.size());
    for (std::size_t r = 0; r < scenario.ruches.size(); ++r)
        uses[r].rucheId = scenario.ruches[r].id;
    for (const auto& f : forecasts) {
        auto it = std::find_if(scenario.ruches.begin(), scenario.ruches.end(),
                               [&](const model::Ruche& ruche) { return ruche.id == f.rucheId; });
        if (it == scenario.ruches.end()) {
            uses.push_back({f.rucheId, false, false, 0, 0, {"forecast for ruche '" + f.rucheId + "', not in the fleet: ignored"}});
            continue;
        }
        const std::size_t r = std::size_t(it - scenario.ruches.begin());
        if (it->alveoles.empty())
            continue;
        for (auto part : {ForecastPart::Load, ForecastPart::Pv}) {
            const bool load = part == ForecastPart::Load;
            if (load ? !f.hasLoad() : !f.hasPv())
                continue;
            const std::string problem = forecastProblem(f, part, inputs.startUtc, scenario.steps, scenario.stepMinutes);
            if (!problem.empty()) {
                uses[r].warnings.push_back(problem + ": noisy forecast used");
                continue;
            }
            scaleToTotal(*it, clean.ruches[r], load, load ? f.loadP50Kw : f.pvP50Kw, forecastOffset(f, inputs.startUtc));
            (load ? uses[r].learnedLoad : uses[r].learnedPv) = true;
        }
    }
    return uses;
}

// Raises the stores' soc_min to the reserve the learned forecast asks for (PlannerOptions).
void keepReserve(model::Scenario& scenario, const PlanInputs& inputs, const PlannerOptions& options,
                 std::vector<ForecastUse>& uses) {
    if (inputs.islanded && !options.reserveWhenIslanded)
        return;
    for (std::size_t r = 0; r < scenario.ruches.size(); ++r) {
        auto& ruche = scenario.ruches[r];
        const auto f = std::find_if(options.forecasts->begin(), options.forecasts->end(),
                                    [&](const RucheForecast& x) { return x.rucheId == ruche.id; });
        if (f == options.forecasts->end() || !(uses[r].learnedLoad || uses[r].learnedPv))
            continue;
        RucheForecast usable = *f;   // only the parts the plan accepted carry a band
        if (!uses[r].learnedLoad)
            usable.loadP50Kw.clear(), usable.loadP90Kw.clear();
        if (!uses[r].learnedPv)
            usable.pvP50Kw.clear(), usable.pvP10Kw.clear();
        const auto reserve = shortfallReserveKwh(usable, inputs.startUtc, scenario.steps, options.reserveWindowSteps);
        const int lookahead = std::clamp(options.reserveLookaheadSteps, 1, scenario.steps);
        double needKwh = *std::max_element(reserve.begin(), reserve.begin() + lookahead);
        uses[r].reserveKwh = needKwh;
        // The reserve sits above each store's own floor (its soc_min protects the cells).
        auto room = [](const model::Battery& b) { return std::max(0.0, b.socMaxKwh - b.socMinKwh); };
        auto hold = [&](model::Battery& b, double kwh) {
            const double raised = std::max(b.socMinKwh, std::min({b.socMinKwh + kwh, b.soc0Kwh, b.socMaxKwh}));
            uses[r].reserveHeldKwh += raised - b.socMinKwh;
            b.socMinKwh = raised;
        };
        if (ruche.hiveStore) {
            const double hiveKwh = std::min(needKwh, room(*ruche.hiveStore));
            hold(*ruche.hiveStore, hiveKwh);
            needKwh -= hiveKwh;
        }
        double microRoomKwh = 0;
        for (const auto& a : ruche.alveoles)
            if (a.battery)
                microRoomKwh += room(*a.battery);
        if (needKwh <= 0 || microRoomKwh <= 0)
            continue;
        const double share = std::min(1.0, needKwh / microRoomKwh);
        for (auto& a : ruche.alveoles)
            if (a.battery)
                hold(*a.battery, share * room(*a.battery));
    }
}

void startFromPresentState(model::Scenario& scenario, const PlanInputs& inputs) {
    std::size_t i = 0;
    for (std::size_t r = 0; r < scenario.ruches.size(); ++r) {
        auto& ruche = scenario.ruches[r];
        for (auto& alveole : ruche.alveoles) {
            if (alveole.battery && i < inputs.microSocKwh.size())
                alveole.battery->soc0Kwh =
                    std::clamp(inputs.microSocKwh[i], alveole.battery->socMinKwh, alveole.battery->socMaxKwh);
            ++i;
        }
        if (ruche.hiveStore && r < inputs.hiveSocKwh.size())
            ruche.hiveStore->soc0Kwh =
                std::clamp(inputs.hiveSocKwh[r], ruche.hiveStore->socMinKwh, ruche.hiveStore->socMaxKwh);
        if (ruche.seasonStore && r < inputs.h2LevelKwh.size())
            ruche.seasonStore->level0Kwh = std::clamp(inputs.h2LevelKwh[r], 0.0, ruche.seasonStore->tankKwh);
    }
}

std::vector<double> clampedPrices(const model::Scenario& scenario, const std::vector<double>& marginal) {
    std::vector<double> prices(marginal.size());
    for (std::size_t t = 0; t < marginal.size(); ++t)
        prices[t] = market::clampToTariff(marginal[t], scenario.grid.exportPrice[t], scenario.grid.importPrice[t]);
    return prices;
}

// Everyone alone with the grid against the community, over the plan: the netting game's costs.
void fillWorth(model::PlanSnapshot& plan, const model::Scenario& scenario, const model::Schedule& schedule) {
    for (std::size_t r = 0; r < schedule.ruches.size(); ++r) {
        market::NettingGame game;
        game.stepHours = scenario.stepHours();
        game.importPrice = scenario.grid.importPrice;
        game.exportPrice = scenario.grid.exportPrice;
        for (const auto& a : schedule.ruches[r].alveoles)
            game.netKw.push_back(a.netKw);
        for (std::size_t i = 0; i < game.netKw.size(); ++i)
            plan.aloneCostCu += game.aloneCostCu(i);
        const auto& ruche = schedule.ruches[r];
        for (int t = 0; t < scenario.steps; ++t)
            plan.communityCostCu += scenario.stepHours() * (ruche.importKw[t] * scenario.grid.importPrice[t] -
                                                            ruche.exportKw[t] * scenario.grid.exportPrice[t]);
    }
}

model::RuchePlan ruchePlan(const model::Scenario& scenario, const model::RucheSchedule& ruche,
                           const std::vector<double>& marginalPrice, std::size_t r) {
    model::RuchePlan plan;
    plan.id = ruche.id;
    plan.plannedImportKw = ruche.importKw;
    plan.plannedExportKw = ruche.exportKw;
    if (ruche.hiveStore)
        plan.plannedHiveSocKwh = ruche.hiveStore->socKwh;
    if (ruche.seasonStore)
        plan.plannedH2LevelKwh = ruche.seasonStore->levelKwh;
    plan.priceCuPerKwh = clampedPrices(scenario, marginalPrice);
    const double h = scenario.stepHours();
    const auto& alveoles = scenario.ruches[r].alveoles;
    for (std::size_t i = 0; i < ruche.alveoles.size(); ++i) {
        for (int t = 0; t < scenario.steps; ++t) {
            plan.plannedShedKwh += ruche.alveoles[i].shedKw[t] * h;
            plan.plannedCurtailedKwh += (alveoles[i].pvKw[t] - ruche.alveoles[i].pvUsedKw[t]) * h;
        }
    }
    return plan;
}

// Islanded: how long the stores could serve the critical share of the forecast load.
double storesLastHours(const model::Scenario& scenario, const PlanInputs& inputs) {
    double storedKwh = 0, criticalKw = 0;
    for (double soc : inputs.microSocKwh)
        storedKwh += soc;
    for (double soc : inputs.hiveSocKwh)
        storedKwh += soc;
    for (std::size_t r = 0; r < scenario.ruches.size(); ++r) {
        if (const auto& s = scenario.ruches[r].seasonStore)
            storedKwh += inputs.h2LevelKwh[r] * s->etaFuelCell;
        for (const auto& a : scenario.ruches[r].alveoles)
            criticalKw += 0.3 * a.loadKw.front();   // the fleet's critical share of load
    }
    return criticalKw > 0 ? storedKwh / criticalKw : 0.0;
}

}  // namespace

model::Scenario buildPlanScenario(const simulation::Fleet& fleet, const PlanInputs& inputs,
                                  const PlannerOptions& options, std::vector<ForecastUse>* forecastUse) {
    model::Scenario scenario = simulation::makeDispatchScenario(fleet, inputs.startUtc, options.horizonSteps);
    scenario.name = "plan-" + std::to_string(inputs.firstStep);
    scenario.grid.connected = !inputs.islanded;
    // The noise is drawn for every ruche even where a learned forecast replaces it, so a ruche
    // falling back gets the same noisy forecast whatever the others do.
    const model::Scenario clean = options.forecasts ? scenario : model::Scenario{};
    addForecastNoise(scenario, options, inputs.firstStep);
    std::vector<ForecastUse> uses;
    if (options.forecasts)
        uses = useLearnedForecasts(scenario, clean, inputs, *options.forecasts);
    startFromPresentState(scenario, inputs);
    if (options.forecasts)
        keepReserve(scenario, inputs, options, uses);
    if (forecastUse)
        *forecastUse = std::move(uses);
    if (options.seasonal) {
        const std::int64_t horizonEnd = inputs.startUtc + std::int64_t(scenario.steps) * scenario.stepMinutes * 60;
        for (auto& ruche : scenario.ruches)
            if (ruche.seasonStore)
                ruche.seasonStore->terminalValuePerKwh = options.seasonal->terminalValueAt(horizonEnd);
    }
    return scenario;
}

std::shared_ptr<simulation::StoreSetpoints> setpointsOf(const model::Schedule& schedule, std::int64_t firstStep,
                                                        int alveoles) {
    auto setpoints = std::make_shared<simulation::StoreSetpoints>();
    const int ruches = int(schedule.ruches.size());
    const int steps = ruches > 0 ? int(schedule.ruches.front().importKw.size()) : 0;
    setpoints->firstStep = firstStep;
    setpoints->steps = steps;
    setpoints->alveoles = alveoles;
    setpoints->ruches = ruches;
    setpoints->microKw.assign(std::size_t(steps) * alveoles, 0.0f);
    setpoints->hiveKw.assign(std::size_t(steps) * ruches, 0.0f);
    setpoints->seasonKw.assign(std::size_t(steps) * ruches, 0.0f);
    std::size_t i = 0;
    for (int r = 0; r < ruches; ++r) {
        const auto& ruche = schedule.ruches[std::size_t(r)];
        for (const auto& a : ruche.alveoles) {
            if (a.battery)
                for (int t = 0; t < steps; ++t)
                    setpoints->microKw[std::size_t(t) * alveoles + i] = float(a.battery->chargeKw[t] - a.battery->dischargeKw[t]);
            ++i;
        }
        for (int t = 0; t < steps; ++t) {
            const std::size_t row = std::size_t(t) * ruches + std::size_t(r);
            if (ruche.hiveStore)
                setpoints->hiveKw[row] = float(ruche.hiveStore->chargeKw[t] - ruche.hiveStore->dischargeKw[t]);
            if (ruche.seasonStore)
                setpoints->seasonKw[row] = float(ruche.seasonStore->electrolyzerKw[t] - ruche.seasonStore->fuelCellKw[t]);
        }
    }
    return setpoints;
}

PlanOutcome makePlan(const simulation::Fleet& fleet, const PlanInputs& inputs, const PlannerOptions& options) {
    PlanOutcome outcome;
    outcome.scenario = buildPlanScenario(fleet, inputs, options, &outcome.forecastUse);
    outcome.dispatch = optimization::solveDispatch(outcome.scenario, options.dispatch);
    const auto& schedule = outcome.dispatch.schedule;
    outcome.setpoints = setpointsOf(schedule, inputs.firstStep, int(fleet.households.size()));

    auto plan = std::make_shared<model::PlanSnapshot>();
    plan->planStartUtc = inputs.startUtc;
    plan->stepMinutes = outcome.scenario.stepMinutes;
    plan->steps = outcome.scenario.steps;
    plan->trigger = inputs.trigger;
    plan->status = schedule.status == model::ScheduleStatus::Optimal ? "optimal" : "feasible";
    plan->objectiveCu = schedule.objective;
    plan->boundCu = schedule.bound.value_or(schedule.objective);
    plan->gap = std::isfinite(outcome.dispatch.gap()) ? outcome.dispatch.gap() : 0.0;
    plan->solveSeconds = schedule.solveSeconds;
    plan->islanded = inputs.islanded;
    if (inputs.islanded)
        plan->storesLastHours = storesLastHours(outcome.scenario, inputs);
    for (std::size_t r = 0; r < schedule.ruches.size(); ++r)
        plan->ruches.push_back(ruchePlan(outcome.scenario, schedule.ruches[r], outcome.dispatch.pricePerKwh[r], r));
    fillWorth(*plan, outcome.scenario, schedule);
    plan->recommendations = recommendShifts(fleet, *plan, options.maxRecommendations);
    for (const auto& ruche : outcome.scenario.ruches)
        if (ruche.seasonStore)
            plan->h2TerminalValuePerKwh = ruche.seasonStore->terminalValuePerKwh;
    if (options.seasonal) {
        plan->seasonStartUtc = options.seasonal->startUtc;
        plan->seasonPlannedLevelKwh = options.seasonal->levelKwh;
    }
    outcome.snapshot = plan;
    return outcome;
}

}  // namespace swarmergy::planning
