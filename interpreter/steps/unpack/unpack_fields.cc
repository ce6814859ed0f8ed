// The catalogue entry of `unpack`: no database client or archive library is linked from here.

#include "interpreter/steps/unpack/unpack_fields.h"

namespace planrun {

const UnpackFields& unpack_fields() {
  static const UnpackFields declared;
  return declared;
}

const StepSchema& unpack_schema() {
  const UnpackFields& f = unpack_fields();
  static const StepSchema schema = make_step_schema(
      "unpack", 1, "unpacks a product archive (zip, tar.*) into a new home", StepSchema::Effect::Create,
      {f.archive.spec(), f.to.spec(), f.strip_components.spec()}, {}, {"files"});
  return schema;
}

}  // namespace planrun
