#pragma once

#include <string_view>
#include <vector>

#include "interpreter/step_kit/step_type.h"

namespace planrun {

// The one registry of step actions (step_registry.cc: one line per type): what runs a step of
// each type of the catalogue (step_catalog.h), and what describes it for the dry run. Only the
// executor and the dry run need it; it links the database clients and the archive library.

// Every step type, in the catalogue's order.
const std::vector<const StepType*>& step_types();
// The step type that runs steps of type `type`, or nullptr when there is no such type.
const StepType* find_step_type(std::string_view type);

}  // namespace planrun
