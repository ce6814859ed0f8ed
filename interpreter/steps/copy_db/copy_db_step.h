#pragma once

#include "interpreter/step_kit/step_type.h"

namespace planrun {

// The `copy-db` step: copies a database into an empty one of the same type, table by table,
// through the copier for its type (copy_db/database_copier.h), with a checkpoint per table:
// a rerun after a kill skips the finished tables and recopies the interrupted one from empty;
// a source written since the interrupted attempt makes it start over (it never mixes two
// snapshots). Verification compares each table's row count and content checksum, read back
// from the target, with what was read from the source. Changed inputs start over too: the
// tables the earlier attempt created are dropped first (only in the target it wrote).
class CopyDbStep final : public StepType {
 public:
  const StepSchema& schema() const override;
  std::vector<std::string> describe(const DescribeContext& context) const override;
  void run(StepContext& context) const override;
  void discard_partial_work(StepContext& context) const override;
};

}  // namespace planrun
