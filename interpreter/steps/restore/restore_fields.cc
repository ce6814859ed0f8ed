// The catalogue entry of `restore`: no database client or archive library is linked from here.

#include "interpreter/steps/restore/restore_fields.h"

namespace planrun {

const RestoreFields& restore_fields() {
  static const RestoreFields declared;
  return declared;
}

const StepSchema& restore_schema() {
  const RestoreFields& f = restore_fields();
  static const StepSchema schema = make_step_schema(
      "restore", 1, "restores a backup made by a backup step (for rehearsals and disasters)", StepSchema::Effect::Write,
      {f.from.spec(), f.database.spec(), f.dir.spec(), f.replace.spec(), f.verify.spec()}, {{"database", "dir"}}, {});
  return schema;
}

}  // namespace planrun
