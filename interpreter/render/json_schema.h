#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "interpreter/steps/step_catalog.h"

namespace planrun {

// The JSON Schema (draft 2020-12) of a whole plan file, generated from the step schemas so that
// editors (e.g. yaml-language-server) complete and check plans the way `planrun check` does:
// top-level fields, params, step options, and each step's `with` chosen by its `type`.
// Every scalar field also takes a `${...}` template, whose value is known only at run time.
nlohmann::json plan_json_schema(const std::vector<StepSchema>& schemas = step_schemas());

// The schema of values of one type (a step field, a parameter default), self-contained.
nlohmann::json json_schema_of(const TypeSpec& type);

}  // namespace planrun
