#pragma once

#include <optional>
#include <string>
#include <vector>

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

// Why a done step whose `when` is false now keeps its record: "condition is false; done in run
// 2, its record stands". Shared by the executor and `planrun plan`.
std::string kept_despite_false_condition(const StepRecord& record);

// Whether the step's record holds an interrupted or failed attempt made with other inputs than
// `fingerprint`: its checkpoints (when it has any) belong to those inputs, and its type decides
// whether it starts over or refuses (StepType::OnChangedInputs).
bool attempted_with_other_inputs(const std::optional<StepRecord>& record, const std::string& fingerprint);

// The top-level fields whose value differs between two recorded inputs (StepRecord::inputs_json),
// sorted; empty when either is unknown.
std::vector<std::string> changed_fields(const std::string& old_inputs_json, const std::string& new_inputs_json);

// Why a step whose type refuses to start over does not run, and how to proceed.
std::string refusal_to_start_over(const StepRecord& record, const std::string& new_inputs_json);

// What a done step published, as recorded: read back for the steps after it when it is skipped.
Value::Map recorded_outputs(const StepRecord& record);  // "run", "resume", "skip (up to date)"

}  // namespace planrun
