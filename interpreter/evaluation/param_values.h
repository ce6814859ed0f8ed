#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "interpreter/diagnostics/diagnostic.h"
#include "interpreter/graph/action_graph.h"
#include "interpreter/values/value.h"

namespace planrun {

// Where parameter values come from besides the plan's defaults, in decreasing precedence:
// `--set name=value`, then `--vars FILE`, then each parameter's `env:` variable.
struct ParamInputs {
  std::vector<std::string> sets;  // "name=value" as given
  std::string vars_file;          // empty: none
};

using ParamValues = std::map<std::string, Value>;

// The value of every parameter, typed and checked. Secrets are read from their environment
// variable or file and marked secret. Reports unknown names, wrong types and missing values
// (naming the parameter and how to set it); nullopt when any is an error.
std::optional<ParamValues> resolve_params(const ActionGraph& graph, const ParamInputs& inputs, SourceFiles& sources,
                                          Diagnostics& diagnostics);

}  // namespace planrun
