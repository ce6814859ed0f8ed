#pragma once

#include "interpreter/step_kit/step_type.h"

namespace planrun {

// The `query` step: runs a read-only query and publishes what it found, so that a later step
// works with data the database holds rather than a name written into the plan (an admin service
// asked for a user and a tenant the old database has: `${steps.ID.outputs.value}`).
class QueryStep final : public StepType {
 public:
  const StepSchema& schema() const override;
  std::vector<std::string> describe(const DescribeContext& context) const override;
  void run(StepContext& context) const override;
};

}  // namespace planrun
