#pragma once

#include "interpreter/step_kit/step_type.h"

namespace planrun {

// The `carbon-connect` step: every datasource the old Carbon home uses is connected in the new
// home to its database (url, username, password or its secure-vault alias, driver class), and
// the JDBC driver jars those drivers need are carried from the old home. Outputs: datasources
// (the names connected), jars (the jars carried), review (old jars and dropins not carried).
class CarbonConnectStep final : public StepType {
 public:
  const StepSchema& schema() const override;
  std::vector<std::string> describe(const DescribeContext& context) const override;
  void run(StepContext& context) const override;
};

}  // namespace planrun
