#pragma once

#include "interpreter/step_kit/step_type.h"

namespace planrun {

// The `assert-same-dbtype` step: fails as a precondition (exit 3) unless `source` and `target`
// are of one database type (SQLite, PostgreSQL, or MySQL/MariaDB, JDBC forms included), decided
// from the DSNs alone. When they are, it opens both read-only to report their server versions
// (outputs dbtype, source_version, target_version) and warns when the major versions differ.
class AssertSameDbtypeStep final : public StepType {
 public:
  const StepSchema& schema() const override;
  std::vector<std::string> describe(const DescribeContext& context) const override;
  void run(StepContext& context) const override;
};

}  // namespace planrun
