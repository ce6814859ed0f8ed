#pragma once

#include "interpreter/executor/step_context.h"

namespace planrun {

// The `confirm` step: a human gate before a point of no return. --yes approves it; on a
// terminal the operator is asked; with neither, the step cannot pass and says how to proceed.
class ConfirmStep final : public StepAction {
 public:
  void run(StepContext& context) const override;
};

}  // namespace planrun
