// The catalogue entry of `compare-schema`: no database client or archive library is linked from here.

#include "interpreter/steps/compare_schema/compare_schema_fields.h"

namespace planrun {

const SchemaCheckFields& schema_check_fields() {
  static const SchemaCheckFields declared;
  return declared;
}

const StepSchema& compare_schema_schema() {
  const SchemaCheckFields& f = schema_check_fields();
  static const StepSchema schema = make_step_schema(
      "compare-schema", 1,
      "fails unless a database's schema equals a reference (another database, or DDL scripts), naming every difference",
      StepSchema::Effect::Check, f.specs(), f.exactly_one_of(), {"differences", "allowed", "report"});
  return schema;
}

}  // namespace planrun
