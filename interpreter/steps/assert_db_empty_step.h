#pragma once

#include "interpreter/step_kit/step_schema.h"

namespace planrun {

// The schema of `assert-db-empty`, which this planrun checks, previews and draws but cannot run yet.
// This file pair becomes the type's own (AssertDbEmptyStep: schema, describe, action; docs/STEP_KIT.md).
StepSchema assert_db_empty_schema();

}  // namespace planrun
