#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "interpreter/step_kit/step_schema.h"

namespace planrun {

// The catalogue of step types (step_catalog.cc: one line per type), in the order `planrun
// explain` lists them: each type's name, fields, effect and outputs. The compiler, `check`,
// `explain`, the JSON Schema and the fingerprint read it; it links no database client and no
// archive library (the actions are in step_registry.h).

// Every step type's schema.
const std::vector<StepSchema>& step_schemas();
// The schema of a step type, or nullptr.
const StepSchema* find_step_schema(std::string_view type);
std::vector<std::string> step_type_names();

}  // namespace planrun
