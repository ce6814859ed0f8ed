#include "interpreter/steps/query/query_fields.h"

namespace planrun {

const QueryFields& query_fields() {
  static const QueryFields declared;
  return declared;
}

const StepSchema& query_schema() {
  const QueryFields& f = query_fields();
  static const StepSchema schema = make_step_schema(
      "query", 1,
      "reads values from a database for later steps: outputs value (first cell), row (first row), rows (count)",
      StepSchema::Effect::Check, {f.database.spec(), f.query.spec(), f.min_rows.spec()}, {}, {"value", "row", "rows"});
  return schema;
}

}  // namespace planrun
