#pragma once
// Independent checker of a dispatch schedule against its scenario (shared/scenario-format.md).
// Written apart from the solvers (shares no code with them) so that a solver bug cannot hide
// behind a checker bug: every constraint within `toleranceKw` (kW or kWh), the objective
// recomputed from the schedule within 1e-6 · max(1, |objective|), bound <= objective, state
// series of steps + 1 values, net_kw consistent with the parts.

#include "engine/model/Scenario.h"
#include "engine/model/Schedule.h"

#include <string>
#include <vector>

namespace swarmergy::optimization {

struct CheckReport {
    std::vector<std::string> violations;   // "ruches[0].alveoles[3].soc_kwh[12]: below soc_min ..."
    double recomputedObjective = 0;
    double worstViolation = 0;             // largest excess over a limit (kW / kWh)
    bool ok() const { return violations.empty(); }
    std::string summary(std::size_t maxLines = 8) const;
};

CheckReport checkSchedule(const model::Scenario& scenario, const model::Schedule& schedule,
                          double toleranceKw = 1e-4);

}  // namespace swarmergy::optimization
