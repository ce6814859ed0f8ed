#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "interpreter/step_kit/step_schema.h"
#include "interpreter/step_kit/step_type.h"

namespace planrun {

// The one registry of step types (step_registry.cc: one line per type), in the order
// `planrun explain` lists them.

// A registered step type: its schema, and what runs it (nullptr while it cannot run yet).
struct RegisteredStepType {
  StepSchema schema;
  const StepType* type = nullptr;
};

const std::vector<RegisteredStepType>& registered_step_types();

// Every step type's schema, for the compiler, `explain` and the JSON Schema.
const std::vector<StepSchema>& step_schemas();
// The schema of a step type, or nullptr.
const StepSchema* find_step_schema(std::string_view type);
std::vector<std::string> step_type_names();

// The step type, or nullptr when there is none or this planrun cannot run it yet.
const StepType* find_step_type(std::string_view type);
// The same, as the executor runs it.
const StepAction* find_step_action(const std::string& type);

}  // namespace planrun
