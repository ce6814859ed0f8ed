#pragma once

#include "interpreter/step_kit/step_type.h"

namespace planrun {

// The `smoke-test` step: every check runs (SQL results, source-vs-target comparisons, HTTP
// answers, commands, files; smoke_test/) and is reported; the step fails with exit 3 if any
// failed, listing each failure with what was expected and what was found.
class SmokeTestStep final : public StepType {
 public:
  const StepSchema& schema() const override;
  std::vector<std::string> describe(const DescribeContext& context) const override;
  void run(StepContext& context) const override;
};

}  // namespace planrun
