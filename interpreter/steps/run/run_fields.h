#pragma once

#include <chrono>
#include <map>
#include <string>

#include "interpreter/step_kit/schema_parts.h"
#include "interpreter/step_kit/step_field.h"
#include "interpreter/step_kit/step_schema.h"

namespace planrun {

// The fields of `run`, declared once: the schema is made of them and the action reads them.
struct RunFields {
  StepField<Value> command = StepField<Value>::required(
      "command", command_line_type(), "the command: a list runs as argv directly, a string runs with /bin/sh -c");
  StepField<std::map<std::string, std::string>> env = StepField<std::map<std::string, std::string>>::optional(
      "env", types::map_of(types::string()), "environment variables added to planrun's own");
  // Defaulted rather than optional: the directory a command runs in is part of what it does,
  // so the fingerprint sees it (made absolute) and a run from another folder is not up to date.
  StepField<std::string> cwd = StepField<std::string>::with_default(
      "cwd", types::path(), ".", "working directory (default: the directory planrun runs in)");
  StepField<std::chrono::milliseconds> timeout =
      StepField<std::chrono::milliseconds>::optional("timeout", types::duration(),
                                                     "stop the command when it runs longer (default: no limit)")
          .as_tuning();
};

// The one instance, which the schema is made of and the action reads.
const RunFields& run_fields();
// `run` in the catalogue: its fields, effect and outputs (compiler, explain, fingerprint).
const StepSchema& run_schema();

}  // namespace planrun
