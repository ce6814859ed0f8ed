#pragma once

#include "interpreter/step_kit/step_type.h"

namespace planrun {

// The `unpack` step: unpacks a product archive into a new home that does not exist yet (or is
// empty), through a staging directory beside it that is renamed into place once durable, so
// `to` holds all of the archive or nothing (archive_unpacker.h).
class UnpackStep final : public StepType {
 public:
  const StepSchema& schema() const override;
  std::vector<std::string> describe(const DescribeContext& context) const override;
  void run(StepContext& context) const override;
  // Removes the staging directory an interrupted attempt left.
  void discard_partial_work(StepContext& context) const override;
};

}  // namespace planrun
