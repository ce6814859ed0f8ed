#pragma once

#include "interpreter/step_kit/step_schema.h"

namespace planrun {

// The schema of `smoke-test`, which this planrun checks, previews and draws but cannot run yet.
// This file pair becomes the type's own (SmokeTestStep: schema, describe, action; docs/STEP_KIT.md).
StepSchema smoke_test_schema();

}  // namespace planrun
