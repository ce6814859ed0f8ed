#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "interpreter/state/wall_time.h"

namespace planrun {

// Where a step stands in the state store. A step without a record is Pending; Running found at
// start-up means the process died inside the step.
enum class StepStatus { Pending, Running, Done, Failed, Skipped };

// "pending", "running", "done", "failed", "skipped": the spelling in state.db and in `status`.
std::string_view step_status_name(StepStatus status);
std::optional<StepStatus> parse_step_status(std::string_view name);

// One row of the store's steps table, as the executor and `planrun status` read it.
struct StepRecord {
  std::string step_id;
  StepStatus status = StepStatus::Pending;
  std::string fingerprint;       // the definition and inputs this status belongs to
  int attempts = 0;              // starts under this fingerprint
  std::optional<WallTime> started_at;
  std::optional<WallTime> finished_at;
  std::string outputs_json;      // set when Done, empty otherwise
  std::string message;           // why it Failed or was Skipped, empty otherwise
  std::optional<int64_t> run_id;  // the run that last started, finished or skipped it
  std::string inputs_json;       // the fingerprinted fields of the latest start, empty if unknown

  bool operator==(const StepRecord&) const = default;
};

}  // namespace planrun
