// The catalogue entry of `copy-db`: no database client or archive library is linked from here.

#include "interpreter/steps/copy_db/copy_db_fields.h"

namespace planrun {

const CopyDbFields& copy_db_fields() {
  static const CopyDbFields declared;
  return declared;
}

const StepSchema& copy_db_schema() {
  const CopyDbFields& f = copy_db_fields();
  static const StepSchema schema = make_step_schema(
      "copy-db", 1,
      "copies schema and data to another database of the same type; never writes the source; resumes per table; "
      "verified",
      StepSchema::Effect::Write,
      {f.from.spec(), f.to.spec(), f.tables.spec(), f.exclude_tables.spec(), f.verify.spec(), f.jobs.spec(),
       f.batch_rows.spec()},
      {}, {"tables", "rows"});
  return schema;
}

}  // namespace planrun
