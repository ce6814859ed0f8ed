#pragma once

#include "interpreter/step_kit/step_type.h"

namespace planrun {

// The `sql` step: runs SQL scripts (`script`: files, in order) or inline `statements` on a
// database, split into statements as the database's own client splits them
// (databases/sql_script/). By default PostgreSQL and SQLite run the whole script in one
// transaction, all or nothing; MariaDB/MySQL, whose DDL commits on its own, runs and records
// each statement by itself, so that a resume continues at the next statement and never runs
// one twice (a statement cut off by a crash is a doubt the operator settles with `on_doubt`).
// A failure names the file, line and column, the database's code and message, and the line
// the database points at with a caret.
class SqlStep final : public StepType {
 public:
  const StepSchema& schema() const override;
  std::vector<std::string> describe(const DescribeContext& context) const override;
  void run(StepContext& context) const override;
  // Statements already committed cannot be undone: a changed script after a partial run is
  // for an operator to settle (`--from`), not for planrun to start over on top of it.
  OnChangedInputs on_changed_inputs() const override { return OnChangedInputs::Refuse; }
};

}  // namespace planrun
