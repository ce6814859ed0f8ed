// Field names are part of the plan format: add fields, never rename them.

#include "interpreter/steps/restore_step.h"

#include "interpreter/steps/schema_parts.h"

namespace planrun {

using Effect = StepSchema::Effect;

StepSchema restore_schema() {
  return {"restore", 1, "restores a backup made by a backup step (for rehearsals and disasters)", Effect::Write,
          types::object(
              {
                  required_field("from", types::path(), "the backup: the `to` directory of a backup step"),
                  optional_field("database", types::database(), "the database to restore into"),
                  optional_field("dir", types::path(), "the directory to restore into"),
                  default_field("replace", types::boolean(), false,
                                "restore over a database or directory that is not empty, losing what it held"),
                  default_field("verify", types::boolean(), true,
                                "check the backup against its manifest before restoring it"),
              },
              {{"database", "dir"}}),
          {}};
}

}  // namespace planrun
