// Field names are part of the plan format: add fields, never rename them.

#include "interpreter/steps/assert_db_empty_step.h"

#include "interpreter/steps/schema_parts.h"

namespace planrun {

using Effect = StepSchema::Effect;

StepSchema assert_db_empty_schema() {
  return {"assert-db-empty", 1, "fails unless the database holds no user tables (a staging database starts empty)",
          Effect::Check,
          types::object({
              required_field("database", types::database(), "the database that must be empty"),
          }),
          {}};
}

}  // namespace planrun
