#pragma once

#include "interpreter/step_kit/step_type.h"

namespace planrun {

// The `carbon-keystores` step: the key stores and trust stores the old carbon.xml names, and
// the secure vault's files when the old home uses it, carried to the same paths in the new
// home, and the new carbon.xml's <Security> entries set like the old ones. The pack's files it
// replaces are kept (work directory while it runs, then <run dir>/<step id>.originals/).
// Outputs: files (the new home's files written), originals (where the pack's are kept, "" when
// none was replaced), secure_vault (whether the old home uses it).
class CarbonKeystoresStep final : public StepType {
 public:
  const StepSchema& schema() const override;
  std::vector<std::string> describe(const DescribeContext& context) const override;
  void run(StepContext& context) const override;
  void discard_partial_work(StepContext& context) const override;
};

}  // namespace planrun
