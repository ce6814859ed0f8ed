#pragma once

#include <map>
#include <string>

#include "interpreter/diagnostics/diagnostic.h"
#include "interpreter/evaluation/plan_scope.h"
#include "interpreter/graph/action_graph.h"

namespace planrun {

// The dry run a reviewer or operator reads before running: parameters with their values
// (secrets as ***), then the steps wave by wave (steps of one wave may run in parallel), each
// with its resolved fields and `when` condition. What is known only at run time (another
// step's outputs, run.id) is shown as written. Evaluation mistakes become diagnostics.
// `forecast` says per step id what a run would do with it now (see run_forecast.h).
// `checkpoints`: those of the steps a run would resume (run_forecast.h), for their describe.
std::string preview_plan(const ActionGraph& graph, const ParamValues& params, const PlanScope& scope,
                         const std::map<std::string, std::string>& forecast, Diagnostics& diagnostics,
                         const std::map<std::string, std::map<std::string, std::string>>& checkpoints = {});

}  // namespace planrun
