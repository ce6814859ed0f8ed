// Field names are part of the plan format: add fields, never rename them.

#include "interpreter/steps/copy_dir_step.h"

#include "interpreter/steps/schema_parts.h"

namespace planrun {

using Effect = StepSchema::Effect;

StepSchema copy_dir_schema() {
  return {"copy-dir", 1,
          "copies a directory tree exactly (modes, times, symlinks), with excludes; resumes per file; verified",
          Effect::Write,
          types::object({
              required_field("from", types::path(), "the directory to copy, never written"),
              required_field("to", types::path(),
                             "where the copy goes; created if absent, files already there are replaced"),
              optional_field("exclude", types::list_of(types::string()),
                             "glob patterns, relative to `from`, of files and directories not to copy"),
              default_field("verify", types::boolean(), true,
                            "compare the size and sha256 of every copied file with its source"),
              default_field("preserve_owner", types::boolean(), false,
                            "also keep the owner and group of every file (needs root)"),
          }),
          {"files", "bytes"}};
}

}  // namespace planrun
