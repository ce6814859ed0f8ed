#pragma once

#include "interpreter/step_kit/step_schema.h"

namespace planrun {

// The schema of `unpack`, which this planrun checks, previews and draws but cannot run yet.
// This file pair becomes the type's own (UnpackStep: schema, describe, action; docs/STEP_KIT.md).
StepSchema unpack_schema();

}  // namespace planrun
