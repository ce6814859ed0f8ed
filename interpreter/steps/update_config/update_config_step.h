#pragma once

#include "interpreter/step_kit/step_type.h"

namespace planrun {

// The `update-config` step: sets values in one XML (XPath), Java properties or YAML file,
// changing only the bytes of those values (update_config/); the dry run shows the diff, with
// secret values as ***. The original is kept in the work directory while the step runs and in
// the run directory after it; the file is replaced durably (temp, fsync, rename), keeping its mode.
class UpdateConfigStep final : public StepType {
 public:
  const StepSchema& schema() const override;
  std::vector<std::string> describe(const DescribeContext& context) const override;
  void run(StepContext& context) const override;
  void discard_partial_work(StepContext& context) const override;
};

}  // namespace planrun
