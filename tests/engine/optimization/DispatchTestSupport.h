#pragma once
// Small helpers for the dispatch tests: scenario builders and a CHECK macro that counts failures.

#include "engine/model/Scenario.h"
#include "engine/optimization/Dispatch.h"
#include "engine/optimization/ScheduleChecker.h"

#include <cmath>
#include <iostream>
#include <string>

namespace dispatch_test {

inline int failures = 0;

#define CHECK(cond, what)                                                                  \
    do {                                                                                   \
        if (!(cond)) {                                                                     \
            ++dispatch_test::failures;                                                     \
            std::cerr << __FILE__ << ":" << __LINE__ << ": FAILED " << what << "\n";       \
        }                                                                                  \
    } while (0)

#define CHECK_NEAR(a, b, tol, what)                                                                       \
    do {                                                                                                  \
        const double va_ = (a), vb_ = (b);                                                                \
        if (!(std::abs(va_ - vb_) <= (tol))) {                                                            \
            ++dispatch_test::failures;                                                                    \
            std::cerr << __FILE__ << ":" << __LINE__ << ": FAILED " << what << ": " << va_ << " vs " << vb_ \
                      << " (tol " << (tol) << ")\n";                                                      \
        }                                                                                                 \
    } while (0)

inline swarmergy::model::Scenario flatScenario(int steps, int stepMinutes, double importPrice, double exportPrice)
{
    swarmergy::model::Scenario s;
    s.name = "hand-made";
    s.start = "2026-06-24T00:00:00Z";
    s.steps = steps;
    s.stepMinutes = stepMinutes;
    s.grid.importPrice.assign(steps, importPrice);
    s.grid.exportPrice.assign(steps, exportPrice);
    return s;
}

inline swarmergy::model::Alveole home(const std::string& id, std::vector<double> loadKw, std::vector<double> pvKw)
{
    swarmergy::model::Alveole a;
    a.id = id;
    a.connectionKw = 17;
    a.vollPerKwh = 3.0;
    a.loadKw = std::move(loadKw);
    a.pvKw = std::move(pvKw);
    return a;
}

inline swarmergy::model::Ruche ruche(const std::string& id, double importLimitKw, double exportLimitKw)
{
    swarmergy::model::Ruche r;
    r.id = id;
    r.gate = swarmergy::model::Gate{importLimitKw, exportLimitKw};
    return r;
}

// Every schedule of every test goes through the independent checker.
inline void expectValid(const swarmergy::model::Scenario& s, const swarmergy::optimization::DispatchResult& result,
                        const std::string& what)
{
    const auto report = swarmergy::optimization::checkSchedule(s, result.schedule);
    CHECK(report.ok(), what << ": checker refused the schedule: " << report.summary());
}

inline int finish(const char* name)
{
    if (failures == 0) std::cout << name << ": all checks passed\n";
    else std::cerr << name << ": " << failures << " check(s) failed\n";
    return failures == 0 ? 0 : 1;
}

}  // namespace dispatch_test
