#pragma once

#include "interpreter/step_kit/step_type.h"

namespace planrun {

// The `restore` step: restores a backup made by `backup` (the directory `from`, sealed by its
// SHA256SUMS) into a directory (`dir`) or a database (`database`) that is absent or empty, or
// over one that is not with `replace: true`. It checks the backup against SHA256SUMS first
// (`verify`) and every restored file against the archive's manifest. A directory is extracted
// beside its target and renamed into place once complete and synced, so an interrupted
// restore never leaves a half-restored tree under the target's name.
class RestoreStep final : public StepType {
 public:
  const StepSchema& schema() const override;
  std::vector<std::string> describe(const DescribeContext& context) const override;
  void run(StepContext& context) const override;
};

}  // namespace planrun
