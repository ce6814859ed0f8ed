#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "interpreter/step_kit/step_field.h"
#include "interpreter/step_kit/step_schema.h"

namespace planrun {

// The fields of `copy-dir`, declared once: the schema is made of them and the action reads them.
struct CopyDirFields {
  StepField<std::filesystem::path> from =
      StepField<std::filesystem::path>::required("from", types::path(), "the directory to copy, never written");
  StepField<std::filesystem::path> to = StepField<std::filesystem::path>::required(
      "to", types::path(), "where the copy goes; created if absent, files already there are replaced");
  StepField<std::vector<std::string>> exclude = StepField<std::vector<std::string>>::optional(
      "exclude", types::list_of(types::string()),
      "glob patterns, relative to `from`, of files and directories not to copy");
  StepField<bool> verify = StepField<bool>::with_default(
      "verify", types::boolean(), true, "compare the size and sha256 of every copied file with its source");
  StepField<bool> preserve_owner = StepField<bool>::with_default(
      "preserve_owner", types::boolean(), false, "also keep the owner and group of every file (needs root)");
  StepField<bool> allow_config = StepField<bool>::with_default(
      "allow_config", types::boolean(), false,
      "allow copying a product's configuration (repository/conf), which must not move between servers");
};

// The one instance, which the schema is made of and the action reads.
const CopyDirFields& copy_dir_fields();
// `copy-dir` in the catalogue: its fields, effect and outputs (compiler, explain, fingerprint).
const StepSchema& copy_dir_schema();

}  // namespace planrun
