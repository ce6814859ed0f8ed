// The catalogue entry of `backup`: no database client or archive library is linked from here.

#include "interpreter/steps/backup/backup_fields.h"

namespace planrun {

const BackupFields& backup_fields() {
  static const BackupFields declared;
  return declared;
}

const StepSchema& backup_schema() {
  const BackupFields& f = backup_fields();
  static const StepSchema schema = make_step_schema(
      "backup", 1,
      "backs up a database (its own dump format) or a directory (archive and sha256 manifest), then verifies it",
      StepSchema::Effect::Backup,
      {f.database.spec(), f.dir.spec(), f.to.spec(), f.format.spec(), f.compression.spec(), f.verify.spec()},
      {{"database", "dir"}}, {"path", "sha256", "bytes"});
  return schema;
}

}  // namespace planrun
