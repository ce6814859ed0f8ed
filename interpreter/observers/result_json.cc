#include "interpreter/observers/result_json.h"

#include "interpreter/observers/step_outcome.h"

namespace planrun {

void add_result_fields(OrderedJson& object, const StepResult& result) {
  object["outcome"] = outcome_name(result.outcome);
  object["attempts"] = result.attempts;
  object["duration_ms"] = result.duration.count();
  object["message"] = result.message;
}

OrderedJson outcome_counts(const std::vector<StepResult>& results) {
  OutcomeCounts counts(results);
  OrderedJson object = OrderedJson::object();
  for (StepOutcome outcome : kStepOutcomes) object[outcome_name(outcome)] = counts.of(outcome);
  return object;
}

std::string dump_json(const OrderedJson& value, int indent) {
  return value.dump(indent, ' ', false, OrderedJson::error_handler_t::replace);
}

}  // namespace planrun
