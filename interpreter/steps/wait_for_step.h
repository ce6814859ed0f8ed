#pragma once

#include "interpreter/executor/step_context.h"

namespace planrun {

// The `wait-for` step: tries a TCP port, an HTTP status or a file every `interval` until it is
// ready or `timeout` has passed; publishes waited_ms.
class WaitForStep final : public StepAction {
 public:
  void run(StepContext& context) const override;
};

}  // namespace planrun
