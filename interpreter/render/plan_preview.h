#pragma once

#include <string>

#include "interpreter/diagnostics/diagnostic.h"
#include "interpreter/evaluation/plan_scope.h"
#include "interpreter/graph/action_graph.h"

namespace planrun {

// The dry run a reviewer or operator reads before running: parameters with their values
// (secrets as ***), then the steps wave by wave (steps of one wave may run in parallel), each
// with its resolved fields and `when` condition. What is known only at run time (another
// step's outputs, run.id) is shown as written. Evaluation mistakes become diagnostics.
std::string preview_plan(const ActionGraph& graph, const ParamValues& params, const PlanScope& scope,
                         Diagnostics& diagnostics);

}  // namespace planrun
