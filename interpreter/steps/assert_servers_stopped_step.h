#pragma once

#include "interpreter/step_kit/step_schema.h"

namespace planrun {

// The schema of `assert-servers-stopped`, which this planrun checks, previews and draws but cannot run yet.
// This file pair becomes the type's own (AssertServersStoppedStep: schema, describe, action; docs/STEP_KIT.md).
StepSchema assert_servers_stopped_schema();

}  // namespace planrun
