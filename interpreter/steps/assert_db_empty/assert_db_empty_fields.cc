// The catalogue entry of `assert-db-empty`: no database client or archive library is linked from here.

#include "interpreter/steps/assert_db_empty/assert_db_empty_fields.h"

namespace planrun {

const AssertDbEmptyFields& assert_db_empty_fields() {
  static const AssertDbEmptyFields declared;
  return declared;
}

const StepSchema& assert_db_empty_schema() {
  const AssertDbEmptyFields& f = assert_db_empty_fields();
  static const StepSchema schema = make_step_schema(
      "assert-db-empty", 1, "fails unless the database holds no user tables (a staging database starts empty)",
      StepSchema::Effect::Check, {f.database.spec(), f.ignore.spec()}, {}, {});
  return schema;
}

}  // namespace planrun
