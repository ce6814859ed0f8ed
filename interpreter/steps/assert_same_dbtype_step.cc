// Field names are part of the plan format: add fields, never rename them.

#include "interpreter/steps/assert_same_dbtype_step.h"

#include "interpreter/steps/schema_parts.h"

namespace planrun {

using Effect = StepSchema::Effect;

StepSchema assert_same_dbtype_schema() {
  return {"assert-same-dbtype", 1,
          "fails unless source and target databases are of the same type (the upgrade cannot change it)",
          Effect::Check,
          types::object({
              required_field("source", types::database(), "the database the data comes from"),
              required_field("target", types::database(), "the database the data goes to"),
          }),
          {"dbtype"}};
}

}  // namespace planrun
