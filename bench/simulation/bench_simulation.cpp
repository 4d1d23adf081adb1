// One simulated day of a large essaim: the Simulator (structure of arrays, sun once per ruche
// per step) against a naive version measured in the same run (array of structs, sun position,
// calendar and profile lookup per household). Prints alvéole-steps per second and the ratio.
//
//   bench_simulation [--alveoles N] [--ruches R] [--steps S] [--no-baseline]

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "engine/simulation/Calendar.h"
#include "engine/simulation/H0Profile.h"
#include "engine/simulation/Simulator.h"
#include "engine/simulation/SolarModel.h"

using namespace swarmergy::simulation;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

// The straightforward way: one struct per household, everything recomputed per household.
struct NaiveHome {
    HouseholdProfile profile;
    double latitudeDeg, longitudeDeg;
    double capacityKwh, socKwh, socMinKwh, powerKw, eta;
    double netKw;
};

double runNaive(const Fleet& fleet, int steps, double& checksum) {
    std::vector<NaiveHome> homes;
    std::size_t i = 0;
    for (std::size_t r = 0; r < fleet.topology.ruches.size(); ++r) {
        for (const auto& a : fleet.topology.ruches[r].alveoles) {
            NaiveHome h{fleet.households[i++], fleet.sites[r].latitudeDeg,
                        fleet.sites[r].longitudeDeg, 0, 0, 0, 0, 1, 0};
            if (a.battery) {
                h.capacityKwh = a.battery->capacityKwh;
                h.socKwh = a.battery->soc0Kwh;
                h.socMinKwh = a.battery->socMinKwh;
                h.powerKw = a.battery->chargeKw;
                h.eta = a.battery->etaCharge;
            }
            homes.push_back(h);
        }
    }
    const std::int64_t start = parseIsoUtc(fleet.options.start);
    const std::int64_t stepSeconds = fleet.options.stepMinutes * 60LL;
    const double hours = fleet.options.stepMinutes / 60.0;
    const auto t0 = Clock::now();
    for (int t = 0; t < steps; ++t) {
        const std::int64_t time = start + t * stepSeconds;
        std::vector<double> rucheNet(fleet.sites.size(), 0.0);   // allocated every step
        for (NaiveHome& h : homes) {
            const std::int64_t local = time + fleet.options.utcOffsetMinutes * 60LL;
            const std::int64_t day = floorDiv(local, 86400);
            const int quarter = static_cast<int>((local - day * 86400) / 900);
            const double loadKw = h.profile.annualKwh * h0DynamicWatts(civilFromDays(day), quarter) * 1e-6;
            const SkyState sky = skyState(time + stepSeconds / 2, h.latitudeDeg, h.longitudeDeg, 0.8);
            const PanelGeometry panel = panelGeometry(h.profile.tiltDeg, h.profile.azimuthDeg);
            const double pvKw = h.profile.pvPeakKw > 0
                ? pvAcPowerKw(h.profile.pvPeakKw, planeOfArray(panel, sky),
                              h.profile.performanceRatio, sky.ambientC) : 0.0;
            double net = pvKw - loadKw;
            if (h.capacityKwh > 0) {
                const double flow = net > 0
                    ? std::min({net, h.powerKw, (h.capacityKwh - h.socKwh) / (h.eta * hours)})
                    : -std::min({-net, h.powerKw, (h.socKwh - h.socMinKwh) * h.eta / hours});
                h.socKwh += flow > 0 ? flow * h.eta * hours : flow / h.eta * hours;
                net -= flow;
            }
            h.netKw = net;
            rucheNet[h.profile.ruche] += net;
        }
        for (double v : rucheNet) checksum += v;
    }
    return secondsSince(t0);
}

int intArg(int argc, char** argv, const char* name, int fallback) {
    for (int k = 1; k + 1 < argc; ++k) {
        if (std::strcmp(argv[k], name) == 0) return std::atoi(argv[k + 1]);
    }
    return fallback;
}

bool flag(int argc, char** argv, const char* name) {
    for (int k = 1; k < argc; ++k) {
        if (std::strcmp(argv[k], name) == 0) return true;
    }
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    FleetOptions options;
    options.alveoles = intArg(argc, argv, "--alveoles", 50000);
    options.ruches = intArg(argc, argv, "--ruches", 25);
    options.start = "2026-06-21T00:00:00Z";
    const int steps = intArg(argc, argv, "--steps", 96);

    auto t0 = Clock::now();
    Fleet fleet = generateFleet(options);
    const double generateSeconds = secondsSince(t0);
    t0 = Clock::now();
    Simulator sim(fleet);
    const double setupSeconds = secondsSince(t0);

    t0 = Clock::now();
    for (int t = 0; t < steps; ++t) sim.step();
    const double simSeconds = secondsSince(t0);
    double checksum = 0;
    for (const auto& r : sim.ruches()) checksum += r.flows.importKw;

    t0 = Clock::now();
    const auto snap = sim.snapshot(swarmergy::model::SimSpeed::AsFastAsPossible);
    const double snapshotSeconds = secondsSince(t0);

    const double alveoleSteps = static_cast<double>(options.alveoles) * steps;
    std::printf("essaim: %d alveoles in %d ruches, %d steps of %d min (%.2f M alveole-steps)\n",
                options.alveoles, options.ruches, steps, options.stepMinutes, alveoleSteps / 1e6);
    std::printf("generateFleet      %8.3f s\n", generateSeconds);
    std::printf("Simulator setup    %8.3f s\n", setupSeconds);
    std::printf("simulate           %8.3f s  %8.2f M alveole-steps/s\n", simSeconds,
                alveoleSteps / simSeconds / 1e6);
    std::printf("snapshot()         %8.4f s  (%zu rows)\n", snapshotSeconds, snap->alveoles->size());
    if (!flag(argc, argv, "--no-baseline")) {
        double naiveChecksum = 0;
        const double naiveSeconds = runNaive(fleet, steps, naiveChecksum);
        std::printf("naive baseline     %8.3f s  %8.2f M alveole-steps/s (AoS, sun per home; "
                    "load+PV+MicroStore only)\n", naiveSeconds, alveoleSteps / naiveSeconds / 1e6);
        std::printf("speed-up           %8.1f x\n", naiveSeconds / simSeconds);
        std::printf("(baseline checksum %.3f)\n", naiveChecksum);
    }
    std::printf("target: one day at 50,000 alveoles under 0.5 s -> %s\n",
                simSeconds < 0.5 ? "met" : "NOT met");
    std::printf("(checksum %.3f)\n", checksum);
    return 0;
}
