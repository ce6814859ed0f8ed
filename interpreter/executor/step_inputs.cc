#include "interpreter/executor/step_inputs.h"

#include "interpreter/executor/fingerprint.h"

namespace planrun {

StepInputs resolve_step_inputs(const StepNode& step, const expr::Scope& scope,
                               const std::vector<std::string>& upstream_fingerprints, std::string_view secret_key) {
  StepInputs inputs;
  if (step.when && !expr::truthy(evaluate_bound(*step.when, scope))) {
    inputs.condition = false;
    inputs.fingerprint = kSkippedFingerprint;
    return inputs;
  }
  for (const auto& [name, bound] : step.with) {
    try {
      inputs.fields[name] = evaluate_bound(bound, scope);
    } catch (const expr::ExpressionError& error) {
      throw expr::ExpressionError(error.offset, "field '" + name + "': " + error.what());
    }
  }
  inputs.fingerprint = step_fingerprint(step, inputs.fields, upstream_fingerprints, secret_key);
  return inputs;
}

}  // namespace planrun
