#pragma once

#include "interpreter/step_kit/step_schema.h"

namespace planrun {

// The schemas of the catalogue's step types that have no action yet: the compiler, `explain`
// and the JSON Schema know them, and `planrun run` refuses a plan that uses them. When a type
// gets its action, its function moves into the type's own file pair (docs/STEP_KIT.md).
StepSchema assert_same_dbtype_schema();
StepSchema assert_db_empty_schema();
StepSchema assert_servers_stopped_schema();
StepSchema backup_schema();
StepSchema restore_schema();
StepSchema copy_db_schema();
StepSchema copy_dir_schema();
StepSchema unpack_schema();
StepSchema update_config_schema();
StepSchema smoke_test_schema();

}  // namespace planrun
