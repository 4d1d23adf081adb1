#pragma once
// Turning solver output into a schedule that satisfies every constraint of
// shared/scenario-format.md exactly (up to floating point): clamp powers to their limits,
// recompute state series from the powers, close each ruche balance with the gate, shedding
// and curtailment, and fill net_kw. Also the solver-side objective of a schedule.

#include "engine/model/Scenario.h"
#include "engine/model/Schedule.h"

namespace swarmergy::optimization {

// Cost of the schedule as written (cu), the objective of the format.
double scheduleObjective(const model::Scenario& scenario, const model::Schedule& schedule);

// Makes `schedule` valid for `scenario` when the stores' powers keep their state within limits
// (which the solvers guarantee up to round-off). Returns the largest balance residual (kW)
// it could not close; 0 in every case the model allows (curtailment and shedding always can,
// unless stores themselves overfill a bus with nothing to curtail).
double finishSchedule(const model::Scenario& scenario, model::Schedule& schedule);

}  // namespace swarmergy::optimization
