// The catalogue entry of `sql`: no database client or archive library is linked from here.

#include "interpreter/steps/sql/sql_fields.h"

namespace planrun {

const SqlFields& sql_fields() {
  static const SqlFields declared;
  return declared;
}

const StepSchema& sql_schema() {
  const SqlFields& f = sql_fields();
  static const StepSchema schema = make_step_schema(
      "sql", 1,
      "runs SQL scripts or statements on a database, split as its own client does; resumes without running a "
      "statement twice",
      StepSchema::Effect::Write,
      {f.database.spec(), f.script.spec(), f.statements.spec(), f.transaction.spec(), f.on_error.spec(),
       f.on_doubt.spec()},
      {{"script", "statements"}}, {"statements", "failed"});
  return schema;
}

}  // namespace planrun
