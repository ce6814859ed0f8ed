#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "interpreter/executor/step_context.h"

namespace planrun {

// Reading the typed `with` fields a step receives. The compiler has checked them against the
// schema; a value of the wrong shape here is a planrun bug and fails the step naming the field.

// The field, or nullptr when it is absent or null.
const Value* find_field(const StepContext& context, const std::string& name);
// A required field: fails the step when it is missing.
const Value& required_field(const StepContext& context, const std::string& name);

// A duration as plans write it: "5m", "1h30m", or an int of seconds.
std::chrono::milliseconds duration_value(const Value& value, const std::string& name);
// A duration field: nullopt when it is absent (no default in the schema).
std::optional<std::chrono::milliseconds> duration_field(const StepContext& context, const std::string& name);
std::vector<std::string> string_list_value(const Value& value, const std::string& name);
std::map<std::string, std::string> string_map_value(const Value& value, const std::string& name);

}  // namespace planrun
