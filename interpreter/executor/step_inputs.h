#pragma once

#include <optional>
#include <string>
#include <vector>

#include "interpreter/evaluation/plan_scope.h"
#include "interpreter/graph/action_graph.h"

namespace planrun {

// A step's inputs for this run, resolved against the scope: whether its condition holds, its
// typed fields, and the fingerprint they make together with the steps it needs. The executor
// runs on these; `planrun plan` uses them to foresee what a run would skip.
struct StepInputs {
  bool condition = true;  // false: the step's `when` is false and it is skipped
  Value::Map fields;        // relative paths made absolute (evaluation/absolute_paths.h)
  std::string fingerprint;
  std::string inputs_json;  // the fingerprinted fields, secrets hashed: recorded to say what changed
};

// Throws expr::ExpressionError for values of the wrong type and expr::NotYetKnown for values
// that come from steps that have not run yet.
StepInputs resolve_step_inputs(const StepNode& step, const expr::Scope& scope,
                               const std::vector<std::string>& upstream_fingerprints, std::string_view secret_key);

// The fingerprint recorded for a step whose `when` was false, for the steps after it.
inline const char* kSkippedFingerprint = "skipped";

}  // namespace planrun
