#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "interpreter/step_kit/step_context.h"

namespace planrun {

// How long a step's work may take: the earlier of its own `timeout` field and the deadline the
// executor sets from the step-level `timeout`, with the limit in words for failure messages.
struct StepTimeLimit {
  std::optional<std::chrono::steady_clock::time_point> deadline;  // none: no limit
  std::string text;                                               // "5m"

  // `field_timeout` is the step's own field (run's or wait-for's `timeout`), measured from `start`.
  static StepTimeLimit of(const StepContext& context, std::optional<std::chrono::milliseconds> field_timeout,
                          std::chrono::steady_clock::time_point start);
};

}  // namespace planrun
