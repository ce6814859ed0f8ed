#pragma once

#include "interpreter/step_kit/step_schema.h"

namespace planrun {

// The schema of `copy-db`, which this planrun checks, previews and draws but cannot run yet.
// This file pair becomes the type's own (CopyDbStep: schema, describe, action; docs/STEP_KIT.md).
StepSchema copy_db_schema();

}  // namespace planrun
