#pragma once

#include <nlohmann/json.hpp>

#include "interpreter/values/value.h"

namespace planrun {

// Values as JSON, for step outputs in the state store and for reports. Secrets are written as
// "***" unless `reveal_secrets` (never for anything that leaves the process).
nlohmann::json to_json(const Value& value, bool reveal_secrets = false);
Value from_json(const nlohmann::json& json);

}  // namespace planrun
