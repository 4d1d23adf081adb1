// bench_dispatch: the decomposition against CLP on generated essaims of growing size.
//   bench_dispatch                       the standard table (100 .. 50,000 alvéoles)
//   bench_dispatch N R [summer|winter] [islanded] [clp] [threads=K] [chunk=R] [halo=H] [norelax]   one case
// Prints wall and CPU time, objective, bound, proven gap, gap to CLP and the speed ratio against CLP
// barrier in the same run, and the process's peak RSS.

#include "engine/optimization/Dispatch.h"
#include "engine/optimization/ScheduleChecker.h"
#include "engine/simulation/FleetGenerator.h"

#include <sys/resource.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace swarmergy;

namespace {

struct Case {
    int alveoles, ruches;
    bool winter = false, islanded = false, clp = false;
    bool noHive = false, noSeason = false, noBattery = false, noLines = false;
};

// CPU seconds of the whole process (every thread): on a shared machine the wall time depends on
// how much of the two cores the run gets, the CPU time much less.
double processCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

double peakRssMb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024.0;
}

model::Scenario makeScenario(const Case& c)
{
    simulation::FleetOptions o;
    o.alveoles = c.alveoles;
    o.ruches = c.ruches;
    o.seed = 42;
    const auto fleet = simulation::generateFleet(o);
    // 2026-06-24 or 2026-01-14, 00:00 UTC.
    const std::int64_t start = c.winter ? 1768348800 : 1782259200;
    auto s = simulation::makeDispatchScenario(fleet, start, 96);
    s.grid.connected = !c.islanded;
    if (c.noLines) s.lines.clear();
    for (auto& r : s.ruches) {
        if (c.noHive) r.hiveStore.reset();
        if (c.noSeason) r.seasonStore.reset();
        if (c.noBattery)
            for (auto& a : r.alveoles) a.battery.reset();
    }
    return s;
}

int gChunk = 0;   // 0: DispatchOptions default
bool gNoRelax = false;
int gHalo = -1;   // -1: DispatchOptions default

void runCase(const Case& c, int threads, double& decompSeconds)
{
    const auto s = makeScenario(c);
    optimization::DispatchOptions o;
    o.threads = threads;
    o.maxGap = c.alveoles >= 10000 ? 0.01 : 0.005;
    if (gChunk > 0) o.aggregateMaxRuches = gChunk;
    if (gNoRelax) o.relaxationStart = false;
    if (gHalo >= 0) o.aggregateHaloRuches = gHalo;
    double clpSeconds = 0, clpObjective = 0;
    if (c.clp) {
        const auto t0 = std::chrono::steady_clock::now();
        const auto ref = optimization::solveWithClp(s, optimization::ClpAlgorithm::Barrier);
        clpSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        clpObjective = ref.schedule.objective;
    }
    const auto t0 = std::chrono::steady_clock::now();
    const double cpu0 = processCpuSeconds();
    const auto res = optimization::solveWithDecomposition(s, o);
    decompSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const double decompCpuSeconds = processCpuSeconds() - cpu0;
    const auto check = optimization::checkSchedule(s, res.schedule);
    std::printf("%6d alv %4d ruches %-6s %-9s | decomp %7.3f s (cpu %7.3f s)  obj %12.3f  bound %12.3f  gap %6.3f %%  sweeps %3d  %s",
                c.alveoles, c.ruches, c.winter ? "winter" : "summer", c.islanded ? "islanded" : "connected",
                decompSeconds, decompCpuSeconds, res.schedule.objective, *res.schedule.bound, 100 * res.gap(), res.iterations,
                check.ok() ? "valid" : "INVALID");
    if (c.clp)
        std::printf(" | clp-barrier %7.3f s  obj %12.3f  gap-to-clp %6.3f %%  speed-up %5.1fx",
                    clpSeconds, clpObjective, 100 * (res.schedule.objective - clpObjective) / res.scale,
                    clpSeconds / decompSeconds);
    std::printf(" | peak RSS %7.1f MB | %s\n", peakRssMb(), res.method.c_str());
    if (!check.ok()) std::printf("%s\n", check.summary().c_str());
    std::printf("        phases:");
    for (const auto& [name, secs] : res.phaseSeconds) std::printf(" %s %.3f s;", name.c_str(), secs);
    std::printf("\n");
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv)
{
    int threads = 2;
    if (argc >= 3) {
        Case c{std::atoi(argv[1]), std::atoi(argv[2])};
        for (int i = 3; i < argc; ++i) {
            if (!std::strcmp(argv[i], "winter")) c.winter = true;
            else if (!std::strcmp(argv[i], "islanded")) c.islanded = true;
            else if (!std::strcmp(argv[i], "clp")) c.clp = true;
            else if (!std::strcmp(argv[i], "nohive")) c.noHive = true;
            else if (!std::strcmp(argv[i], "nolines")) c.noLines = true;
            else if (!std::strcmp(argv[i], "noseason")) c.noSeason = true;
            else if (!std::strcmp(argv[i], "nobattery")) c.noBattery = true;
            else if (!std::strncmp(argv[i], "threads=", 8)) threads = std::atoi(argv[i] + 8);
            else if (!std::strcmp(argv[i], "norelax")) gNoRelax = true;
            else if (!std::strncmp(argv[i], "halo=", 5)) gHalo = std::atoi(argv[i] + 5);
            else if (!std::strncmp(argv[i], "chunk=", 6)) gChunk = std::atoi(argv[i] + 6);
        }
        double t = 0;
        runCase(c, threads, t);
        return 0;
    }
    const std::vector<Case> table = {
        {100, 1, false, false, true},   {1000, 1, false, false, true}, {1000, 1, true, false, true},
        {1000, 4, false, false, true},  {1000, 4, false, true, true},  {2000, 20, false, false, true},
        {1000, 10, false, false, false}, {10000, 100, false, false, false}, {10000, 100, false, true, false},
        {50000, 500, false, false, false},
    };
    double t1000 = 0, t50000 = 0;
    for (const Case& c : table) {
        double t = 0;
        runCase(c, threads, t);
        if (c.alveoles == 1000 && c.ruches == 10) t1000 = t;
        if (c.alveoles == 50000) t50000 = t;
    }
    if (t1000 > 0)
        std::printf("time growth 1,000 (10 ruches) -> 50,000 (500 ruches), 100 alvéoles per ruche: x%.1f for x50 the size\n",
                    t50000 / t1000);
    return 0;
}
