#pragma once

#include "interpreter/step_kit/step_schema.h"

namespace planrun {

// The schema of `backup`, which this planrun checks, previews and draws but cannot run yet.
// This file pair becomes the type's own (BackupStep: schema, describe, action; docs/STEP_KIT.md).
StepSchema backup_schema();

}  // namespace planrun
