#include "engine/forecast/RucheHistory.h"

#include <stdexcept>

#include "engine/simulation/Calendar.h"
#include "engine/simulation/H0Profile.h"
#include "engine/simulation/Simulator.h"
#include "engine/simulation/SolarModel.h"

namespace swarmergy::forecast {

namespace sim = swarmergy::simulation;

RucheHistory RucheHistory::prefix(int endStep) const
{
    if (endStep < 0 || endStep > steps())
        throw std::invalid_argument("RucheHistory::prefix: end step " + std::to_string(endStep) +
                                    " outside 0.." + std::to_string(steps()));
    RucheHistory out = *this;
    out.loadKw.resize(endStep);
    out.pvKw.resize(endStep);
    out.ghiWm2.resize(endStep);
    out.clearSkyPvKw.resize(endStep + kHorizonSteps);
    out.clearSkyGhiWm2.resize(endStep + kHorizonSteps);
    out.ambientC.resize(endStep + kHorizonSteps);
    return out;
}

void fillSky(const sim::Fleet& fleet, int ruche, std::int64_t startUtc, int steps, RucheHistory& out)
{
    const sim::RucheSite& site = fleet.sites.at(ruche);
    struct Panel {
        sim::PanelGeometry geometry;
        double peakKw, performanceRatio;
    };
    std::vector<Panel> panels;
    for (int i = site.firstAlveole; i < site.firstAlveole + site.alveoleCount; ++i) {
        const sim::HouseholdProfile& home = fleet.households[i];
        if (home.pvPeakKw > 0)
            panels.push_back({sim::panelGeometry(home.tiltDeg, home.azimuthDeg), home.pvPeakKw,
                              home.performanceRatio});
    }
    const std::int64_t stepSeconds = fleet.options.stepMinutes * 60LL;
    out.clearSkyPvKw.assign(steps, 0.0);
    out.clearSkyGhiWm2.assign(steps, 0.0);
    out.ambientC.assign(steps, 0.0);
    for (int s = 0; s < steps; ++s) {
        const std::int64_t mid = startUtc + s * stepSeconds + stepSeconds / 2;
        const sim::SkyState sky = sim::skyState(mid, site.latitudeDeg, site.longitudeDeg, 1.0);
        double pvKw = 0;
        if (sky.ghi > 0)
            for (const Panel& p : panels)
                pvKw += sim::pvAcPowerKw(p.peakKw, sim::planeOfArray(p.geometry, sky), p.performanceRatio,
                                         sky.ambientC);
        out.clearSkyPvKw[s] = pvKw;
        out.clearSkyGhiWm2[s] = sky.ghi;
        out.ambientC[s] = sky.ambientC;
    }
}

std::vector<RucheHistory> simulateHistory(const sim::Fleet& fleet, int steps)
{
    if (steps < 1) throw std::invalid_argument("simulateHistory: steps must be >= 1, got " + std::to_string(steps));
    sim::Simulator simulator(fleet);
    const std::int64_t startUtc = simulator.timeUtc();
    const std::int64_t stepSeconds = fleet.options.stepMinutes * 60LL;
    std::vector<RucheHistory> out(fleet.sites.size());
    for (std::size_t r = 0; r < out.size(); ++r) {
        RucheHistory& h = out[r];
        h.rucheId = fleet.topology.ruches[r].id;
        h.startUtc = startUtc;
        h.stepMinutes = fleet.options.stepMinutes;
        h.utcOffsetMinutes = fleet.options.utcOffsetMinutes;
        h.loadKw.reserve(steps);
        h.pvKw.reserve(steps);
        h.ghiWm2.reserve(steps);
        fillSky(fleet, static_cast<int>(r), startUtc, steps + kHorizonSteps, h);
    }
    for (int s = 0; s < steps; ++s) {
        simulator.step();
        const auto alveoles = simulator.alveoles();
        const auto ruches = simulator.ruches();
        const std::int64_t mid = startUtc + s * stepSeconds + stepSeconds / 2;
        for (std::size_t r = 0; r < out.size(); ++r) {
            const sim::RucheSite& site = fleet.sites[r];
            double loadKw = 0, pvKw = 0;
            for (int i = site.firstAlveole; i < site.firstAlveole + site.alveoleCount; ++i) {
                loadKw += alveoles[i].loadKw;
                pvKw += alveoles[i].pvAvailableKw;
            }
            out[r].loadKw.push_back(loadKw);
            out[r].pvKw.push_back(pvKw);
            out[r].ghiWm2.push_back(
                sim::skyState(mid, site.latitudeDeg, site.longitudeDeg, ruches[r].clearSkyIndex).ghi);
        }
    }
    return out;
}

LocalCalendar localCalendar(std::int64_t utcSeconds, int utcOffsetMinutes)
{
    const std::int64_t local = utcSeconds + utcOffsetMinutes * 60LL;
    LocalCalendar c;
    c.localDay = sim::floorDiv(local, 86400);
    c.quarterOfDay = static_cast<int>((local - c.localDay * 86400) / 900);
    const sim::CivilDate date = sim::civilFromDays(c.localDay);
    c.dayOfYear = sim::dayOfYear(date);
    c.dayType = static_cast<int>(sim::h0DayTypeOf(date));
    return c;
}

}  // namespace swarmergy::forecast
