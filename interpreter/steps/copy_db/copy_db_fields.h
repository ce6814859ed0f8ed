#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "interpreter/step_kit/step_field.h"
#include "interpreter/step_kit/step_schema.h"
#include "interpreter/values/dsn.h"

namespace planrun {

// The fields of `copy-db`, declared once: the schema is made of them and the action reads them.
struct CopyDbFields {
  StepField<Dsn> from = StepField<Dsn>::required(
      "from", types::database(), "the source database, read in one consistent snapshot and never written");
  StepField<Dsn> to = StepField<Dsn>::required("to", types::database(), "the target database, which must be empty");
  StepField<std::vector<std::string>> tables = StepField<std::vector<std::string>>::optional(
      "tables", types::list_of(types::string()), "copy only these tables (default: all)");
  StepField<std::vector<std::string>> exclude_tables = StepField<std::vector<std::string>>::optional(
      "exclude_tables", types::list_of(types::string()), "tables not to copy");
  StepField<bool> verify = StepField<bool>::with_default(
      "verify", types::boolean(), true, "compare row counts and content checksums of every table after copying");
  StepField<int64_t> jobs =
      StepField<int64_t>::with_default("jobs", types::integer(), 2, "how many tables are copied at the same time")
          .as_tuning();
  StepField<int64_t> batch_rows =
      StepField<int64_t>::with_default("batch_rows", types::integer(), 10000,
                                       "rows per write to the target, and per progress checkpoint")
          .as_tuning();
};

// The one instance, which the schema is made of and the action reads.
const CopyDbFields& copy_db_fields();
// `copy-db` in the catalogue: its fields, effect and outputs (compiler, explain, fingerprint).
const StepSchema& copy_db_schema();

}  // namespace planrun
