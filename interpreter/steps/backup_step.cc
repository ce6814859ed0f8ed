// Field names are part of the plan format: add fields, never rename them.

#include "interpreter/steps/backup_step.h"

#include "interpreter/steps/schema_parts.h"

namespace planrun {

using Effect = StepSchema::Effect;

StepSchema backup_schema() {
  return {"backup", 1,
          "backs up a database (its own dump format) or a directory (archive and sha256 manifest), then verifies it",
          Effect::Backup,
          types::object(
              {
                  optional_field("database", types::database(),
                                 "the database to dump, restorable with the database's own tools"),
                  optional_field("dir", types::path(), "the directory to archive"),
                  required_field("to", types::path(),
                                 "the directory that receives the dump or archive and its sha256 manifest"),
                  optional_field("format", types::string(),
                                 "dump or archive format; default: the database's native dump (pg_dump custom, "
                                 "mysqldump SQL, an SQLite copy), or tar for a directory; zip also works"),
                  optional_field("compression", types::string(),
                                 "gzip, zstd or none; default: the format's usual compression"),
                  default_field("verify", types::boolean(), true,
                                "read the backup back and check it against its manifest before the step is done"),
              },
              {{"database", "dir"}}),
          {"path", "sha256", "bytes"}};
}

}  // namespace planrun
