#pragma once

#include "interpreter/step_kit/step_schema.h"

namespace planrun {

// The schema of `assert-same-dbtype`, which this planrun checks, previews and draws but cannot run yet.
// This file pair becomes the type's own (AssertSameDbtypeStep: schema, describe, action; docs/STEP_KIT.md).
StepSchema assert_same_dbtype_schema();

}  // namespace planrun
