#include "interpreter/step_kit/step_time_limit.h"

#include "interpreter/values/duration.h"

namespace planrun {

StepTimeLimit StepTimeLimit::of(const StepContext& context, std::optional<std::chrono::milliseconds> field_timeout,
                                std::chrono::steady_clock::time_point start) {
  StepTimeLimit limit;
  if (field_timeout) limit = {start + *field_timeout, format_duration(*field_timeout)};
  if (!context.deadline || (limit.deadline && *limit.deadline <= *context.deadline)) return limit;
  // The step-level timeout, as the plan wrote it; what is left of it when that is unknown.
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*context.deadline - start);
  if (left >= std::chrono::seconds(1)) left = std::chrono::round<std::chrono::seconds>(left);
  return {context.deadline, format_duration(context.step.timeout.value_or(left))};
}

}  // namespace planrun
