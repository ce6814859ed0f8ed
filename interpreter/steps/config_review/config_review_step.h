#pragma once

#include "interpreter/step_kit/step_type.h"

namespace planrun {

// The `config-review` step: the review list for "update the configuration files as required".
// It compares a folder of configuration the operator changed (the old home's repository/conf)
// with the same folder as the new version ships it, per setting for XML and properties files
// (conf_tree_review.h), and writes the list to <run dir>/<step id>.config-review.txt (mode
// 0600) and the log (the first 200 lines). Read only; a difference never fails it, a folder it
// cannot read does. Outputs: changes (how many lines the list has), report (its path).
class ConfigReviewStep final : public StepType {
 public:
  const StepSchema& schema() const override;
  std::vector<std::string> describe(const DescribeContext& context) const override;
  void run(StepContext& context) const override;
};

}  // namespace planrun
