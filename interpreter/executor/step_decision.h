#pragma once

#include <optional>
#include <string>

#include "interpreter/state/step_record.h"
#include "interpreter/values/value.h"

namespace planrun {

// Whether a step must run, may resume, or is already done, judged from its record in the state
// store and the fingerprint of its inputs now. Shared by the executor and `planrun plan`.
struct StepDecision {
  enum class Action { Run, Resume, UpToDate };
  Action action = Action::Run;
  std::string reason;  // for people: "never ran", "inputs changed since run 3", ...
};

// `forced` names why the step runs regardless of its record (--from), empty otherwise.
StepDecision decide_step(const std::optional<StepRecord>& record, const std::string& fingerprint,
                         const std::string& forced);

std::string action_name(StepDecision::Action action);

// What a done step published, as recorded: read back for the steps after it when it is skipped.
Value::Map recorded_outputs(const StepRecord& record);  // "run", "resume", "skip (up to date)"

}  // namespace planrun
