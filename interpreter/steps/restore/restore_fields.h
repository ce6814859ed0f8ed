#pragma once

#include <filesystem>

#include "interpreter/step_kit/step_field.h"
#include "interpreter/step_kit/step_schema.h"
#include "interpreter/values/dsn.h"

namespace planrun {

// The fields of `restore`, declared once: the schema is made of them and the action reads them.
struct RestoreFields {
  StepField<std::filesystem::path> from = StepField<std::filesystem::path>::required(
      "from", types::path(), "the backup: the `to` directory of a backup step");
  StepField<Dsn> database = StepField<Dsn>::optional("database", types::database(), "the database to restore into");
  StepField<std::filesystem::path> dir =
      StepField<std::filesystem::path>::optional("dir", types::path(), "the directory to restore into");
  StepField<bool> replace =
      StepField<bool>::with_default("replace", types::boolean(), false,
                                    "restore over a database or directory that is not empty, losing what it held");
  StepField<bool> verify = StepField<bool>::with_default("verify", types::boolean(), true,
                                                         "check the backup against its manifest before restoring it");
};

// The one instance, which the schema is made of and the action reads.
const RestoreFields& restore_fields();
// `restore` in the catalogue: its fields, effect and outputs (compiler, explain, fingerprint).
const StepSchema& restore_schema();

}  // namespace planrun
