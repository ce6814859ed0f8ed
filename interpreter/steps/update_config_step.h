#pragma once

#include "interpreter/step_kit/step_schema.h"

namespace planrun {

// The schema of `update-config`, which this planrun checks, previews and draws but cannot run yet.
// This file pair becomes the type's own (UpdateConfigStep: schema, describe, action; docs/STEP_KIT.md).
StepSchema update_config_schema();

}  // namespace planrun
