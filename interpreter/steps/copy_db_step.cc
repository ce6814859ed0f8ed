// Field names are part of the plan format: add fields, never rename them.

#include "interpreter/steps/copy_db_step.h"

#include "interpreter/steps/schema_parts.h"

namespace planrun {

using Effect = StepSchema::Effect;

StepSchema copy_db_schema() {
  return {"copy-db", 1,
          "copies schema and data to another database of the same type; never writes the source; "
          "resumes per table; verified",
          Effect::Write,
          types::object({
              required_field("from", types::database(),
                             "the source database, read in one consistent snapshot and never written"),
              required_field("to", types::database(), "the target database, which must be empty"),
              optional_field("tables", types::list_of(types::string()), "copy only these tables (default: all)"),
              optional_field("exclude_tables", types::list_of(types::string()), "tables not to copy"),
              default_field("verify", types::boolean(), true,
                            "compare row counts and content checksums of every table after copying"),
              default_field("jobs", types::integer(), 2, "how many tables are copied at the same time").as_tuning(),
              default_field("batch_rows", types::integer(), 10000,
                            "rows per write to the target, and per progress checkpoint")
                  .as_tuning(),
          }),
          {"tables", "rows"}};
}

}  // namespace planrun
