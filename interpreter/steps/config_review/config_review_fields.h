#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "interpreter/step_kit/step_field.h"
#include "interpreter/step_kit/step_schema.h"

namespace planrun {

// The fields of `config-review`, declared once: the schema is made of them and the action reads them.
// (`old` and `new` in plans; `new` is a C++ keyword, hence the members' names.)
struct ConfigReviewFields {
  StepField<std::filesystem::path> old_dir = StepField<std::filesystem::path>::required(
      "old", types::path(), "the configuration the operator changed, read only: the old home's repository/conf");
  StepField<std::filesystem::path> new_dir = StepField<std::filesystem::path>::required(
      "new", types::path(), "the same configuration as the new version ships it, read only: the new home's repository/conf, freshly unpacked");
  StepField<std::vector<std::string>> exclude = StepField<std::vector<std::string>>::optional(
      "exclude", types::list_of(types::string()),
      "glob patterns, relative to `old` and `new`, of files and directories not to review (as copy-dir's exclude)");
};

// The one instance, which the schema is made of and the action reads.
const ConfigReviewFields& config_review_fields();
// `config-review` in the catalogue: its fields, effect and outputs (compiler, explain, fingerprint).
const StepSchema& config_review_schema();

}  // namespace planrun
