#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "interpreter/executor/execution_observer.h"

namespace planrun {

// What the JSON event stream and the JSON report share, so that both describe a step's result
// the same way. Keys keep the order they are written in: people read these files too.
using OrderedJson = nlohmann::ordered_json;

// Adds "outcome", "attempts", "duration_ms" and "message".
void add_result_fields(OrderedJson& object, const StepResult& result);

// {"done": 10, "up-to-date": 2, "skipped": 0, "failed": 0, "cancelled": 0}: every outcome,
// zeros included, so consumers need not test for absent keys.
OrderedJson outcome_counts(const std::vector<StepResult>& results);

// The text of a JSON value; invalid UTF-8 (a command's output may hold any bytes) becomes
// U+FFFD rather than an exception. indent < 0: one line.
std::string dump_json(const OrderedJson& value, int indent = -1);

}  // namespace planrun
