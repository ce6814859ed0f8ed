// Field names are part of the plan format: add fields, never rename them.

#include "interpreter/steps/unpack_step.h"

#include "interpreter/steps/schema_parts.h"

namespace planrun {

using Effect = StepSchema::Effect;

StepSchema unpack_schema() {
  return {"unpack", 1, "unpacks a product archive (zip, tar.*) into a new home", Effect::Create,
          types::object({
              required_field("archive", types::path(), "the archive; its format is read from its content"),
              required_field("to", types::path(), "the directory to unpack into, created if absent"),
              default_field("strip_components", types::integer(), 0,
                            "leading path components to drop from every entry, as tar --strip-components"),
          }),
          {"files"}};
}

}  // namespace planrun
