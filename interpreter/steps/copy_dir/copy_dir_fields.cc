// The catalogue entry of `copy-dir`: no database client or archive library is linked from here.

#include "interpreter/steps/copy_dir/copy_dir_fields.h"

namespace planrun {

const CopyDirFields& copy_dir_fields() {
  static const CopyDirFields declared;
  return declared;
}

const StepSchema& copy_dir_schema() {
  const CopyDirFields& f = copy_dir_fields();
  static const StepSchema schema = make_step_schema(
      "copy-dir", 1,
      "copies a directory tree exactly (modes, times, symlinks), with excludes; resumes per file; verified",
      StepSchema::Effect::Write,
      {f.from.spec(), f.to.spec(), f.exclude.spec(), f.verify.spec(), f.preserve_owner.spec(), f.allow_config.spec()},
      {}, {"files", "bytes", "replaced"});
  return schema;
}

}  // namespace planrun
