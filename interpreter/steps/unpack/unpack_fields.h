#pragma once

#include <cstdint>
#include <filesystem>

#include "interpreter/step_kit/step_field.h"
#include "interpreter/step_kit/step_schema.h"

namespace planrun {

// The fields of `unpack`, declared once: the schema is made of them and the action reads them.
struct UnpackFields {
  StepField<std::filesystem::path> archive = StepField<std::filesystem::path>::required(
      "archive", types::path(), "the archive; its format is read from its content");
  StepField<std::filesystem::path> to = StepField<std::filesystem::path>::required(
      "to", types::path(), "the directory to unpack into, created if absent");
  StepField<int64_t> strip_components =
      StepField<int64_t>::with_default("strip_components", types::integer(), 0,
                                       "leading path components to drop from every entry, as tar --strip-components");
};

// The one instance, which the schema is made of and the action reads.
const UnpackFields& unpack_fields();
// `unpack` in the catalogue: its fields, effect and outputs (compiler, explain, fingerprint).
const StepSchema& unpack_schema();

}  // namespace planrun
