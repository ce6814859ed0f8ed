#pragma once

#include "interpreter/step_kit/step_type.h"

namespace planrun {

// The `compare-schema` step: compares the schema of `database` (opened read-only) with a
// reference, another database (`equals_database`) or DDL scripts (`equals_script`, loaded into
// a scratch on the same server and dropped): tables, columns (type, nullability, default),
// primary keys, unique constraints, indexes, foreign keys, sequences. Every difference is logged
// in an aligned table and written as JSON to <run dir>/<step id>.schema-differences.json; the
// step fails as a precondition (exit 3) when any difference is not expected by `allow`, and
// warns about `allow` entries that matched nothing.
class CompareSchemaStep final : public StepType {
 public:
  const StepSchema& schema() const override;
  std::vector<std::string> describe(const DescribeContext& context) const override;
  void run(StepContext& context) const override;
};

}  // namespace planrun
