#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "interpreter/evaluation/param_values.h"
#include "interpreter/graph/action_graph.h"

namespace planrun {

// What `planrun run` would do with each step given the state directory as it is now:
// "run: never ran", "skip: done in run 2 with the same inputs", "resume: interrupted in run 3...",
// "skip: condition is false". Reads the records of the plan `plan_key` without creating or
// changing a byte of the state; without a state every step would run.
std::map<std::string, std::string> forecast_run(const ActionGraph& graph, const ParamValues& params,
                                                const std::filesystem::path& state_dir, const std::string& plan_key);

// The checkpoints of each step that `planrun run` would resume now (its inputs unchanged since
// the interrupted attempt), by step id; read-only, like forecast_run.
std::map<std::string, std::map<std::string, std::string>> resumable_checkpoints(
    const ActionGraph& graph, const ParamValues& params, const std::filesystem::path& state_dir,
    const std::string& plan_key);

}  // namespace planrun
