#include "engine/optimization/Dispatch.h"
#include <stdexcept>
namespace swarmergy::optimization {
DispatchResult solveWithDecomposition(const model::Scenario&, const DispatchOptions&) { throw std::logic_error("todo"); }
}
