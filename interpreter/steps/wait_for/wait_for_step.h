#pragma once

#include "interpreter/step_kit/step_type.h"

namespace planrun {

// The `wait-for` step: tries a TCP port, an HTTP status or a file every `interval` until it is
// ready or `timeout` has passed; publishes waited_ms. Pauses go through the context's clock.
class WaitForStep final : public StepType {
 public:
  const StepSchema& schema() const override;
  std::vector<std::string> describe(const DescribeContext& context) const override;
  void run(StepContext& context) const override;
};

}  // namespace planrun
