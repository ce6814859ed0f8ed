#pragma once

#include "interpreter/step_kit/step_type.h"

namespace planrun {

// The `copy-dir` step: copies a directory tree exactly and safely (files/tree_copy.h), resuming
// after a crash from its checkpoint, refusing a product's configuration unless allowed.
class CopyDirStep final : public StepType {
 public:
  const StepSchema& schema() const override;
  std::vector<std::string> describe(const DescribeContext& context) const override;
  void run(StepContext& context) const override;
  // Inputs changed after an interruption: the copy starts over, over what is in `to` (files
  // already copied and unchanged are found there and kept); only temporary files are removed.
  void discard_partial_work(StepContext& context) const override;
};

}  // namespace planrun
