#pragma once

#include "interpreter/step_kit/step_type.h"

namespace planrun {

// The `assert-db-empty` step: fails as a precondition (exit 3) when `database` holds user tables
// (SQLite: sqlite_master without sqlite_*; PostgreSQL: tables, views and sequences outside the
// system schemas; MySQL/MariaDB: the tables of the connected database), naming the first few
// and the count. Tables matching an `ignore` name or pattern (* and ?) do not count. It opens
// the database read-only; a database that does not exist (an SQLite file, a server database)
// counts as empty and is not created.
class AssertDbEmptyStep final : public StepType {
 public:
  const StepSchema& schema() const override;
  std::vector<std::string> describe(const DescribeContext& context) const override;
  void run(StepContext& context) const override;
};

}  // namespace planrun
