#pragma once

#include "interpreter/step_kit/step_type.h"

namespace planrun {

// The `confirm` step: a human gate before a point of no return. --yes approves it; on a
// terminal the operator is asked (one prompt at a time, naming the step; Ctrl-C interrupts a
// waiting prompt); with neither, the step cannot pass and says how to proceed.
class ConfirmStep final : public StepType {
 public:
  const StepSchema& schema() const override;
  std::vector<std::string> describe(const DescribeContext& context) const override;
  void run(StepContext& context) const override;
};

}  // namespace planrun
