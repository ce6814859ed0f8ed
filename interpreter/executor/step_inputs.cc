#include "interpreter/executor/step_inputs.h"

#include "interpreter/evaluation/absolute_paths.h"
#include "interpreter/executor/fingerprint.h"
#include "interpreter/steps/step_catalog.h"
#include "interpreter/values/value_json.h"

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
  if (const StepSchema* schema = find_step_schema(step.type)) inputs.fields = with_absolute_paths(Value(inputs.fields), schema->with).as_map();
  Value fingerprinted = fingerprint_inputs(step, inputs.fields, secret_key);
  inputs.fingerprint = fingerprint_of_inputs(step, fingerprinted, upstream_fingerprints);
  inputs.inputs_json = to_json(fingerprinted).dump();
  return inputs;
}

}  // namespace planrun
