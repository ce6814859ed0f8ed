#pragma once

#include <filesystem>
#include <string>

#include "interpreter/step_kit/step_field.h"
#include "interpreter/step_kit/step_schema.h"
#include "interpreter/values/dsn.h"

namespace planrun {

// The fields of `backup`, declared once: the schema is made of them and the action reads them.
struct BackupFields {
  StepField<Dsn> database = StepField<Dsn>::optional("database", types::database(),
                                                     "the database to dump, restorable with the database's own tools");
  StepField<std::filesystem::path> dir =
      StepField<std::filesystem::path>::optional("dir", types::path(), "the directory to archive");
  StepField<std::filesystem::path> to = StepField<std::filesystem::path>::required(
      "to", types::path(), "the directory that receives the dump or archive and its sha256 manifest");
  StepField<std::string> format = StepField<std::string>::optional(
      "format", types::string(),
      "tar, the one archive format for a directory (it keeps modes, owners and links); a database is always "
      "dumped in its own format (pg_dump custom, mariadb-dump SQL, an SQLite copy)");
  StepField<std::string> compression = StepField<std::string>::optional(
      "compression", types::string(),
      "a directory's archive: zstd (default), gzip or none; a database's dump keeps its tool's own");
  StepField<bool> verify =
      StepField<bool>::with_default("verify", types::boolean(), true,
                                    "read the backup back and check it against its manifest before the step is done");
};

// The one instance, which the schema is made of and the action reads.
const BackupFields& backup_fields();
// `backup` in the catalogue: its fields, effect and outputs (compiler, explain, fingerprint).
const StepSchema& backup_schema();

}  // namespace planrun
