#include "interpreter/executor/step_decision.h"

#include <algorithm>

#include "interpreter/values/value_json.h"

namespace planrun {

static std::string in_run(const StepRecord& record) {
  return record.run_id ? " in run " + std::to_string(*record.run_id) : "";
}

StepDecision decide_step(const std::optional<StepRecord>& record, const std::string& fingerprint,
                         const std::string& forced) {
  using Action = StepDecision::Action;
  if (!forced.empty()) return {Action::Run, forced};
  if (!record || record->status == StepStatus::Pending) return {Action::Run, "never ran"};
  if (record->fingerprint != fingerprint) return {Action::Run, "its inputs or definition changed since it last ran"};
  switch (record->status) {
    case StepStatus::Done: return {Action::UpToDate, "done" + in_run(*record) + " with the same inputs"};
    case StepStatus::Running:
      return {Action::Resume, "interrupted" + in_run(*record) + "; resuming from its checkpoints"};
    case StepStatus::Failed:
      return {Action::Resume, "failed" + in_run(*record) + (record->message.empty() ? "" : ": " + record->message)};
    case StepStatus::Skipped: return {Action::Run, "skipped" + in_run(*record)};
    case StepStatus::Pending: break;
  }
  return {Action::Run, "never ran"};
}

std::string action_name(StepDecision::Action action) {
  switch (action) {
    case StepDecision::Action::Run: return "run";
    case StepDecision::Action::Resume: return "resume";
    case StepDecision::Action::UpToDate: return "skip";
  }
  return "run";
}

Value::Map recorded_outputs(const StepRecord& record) {
  Value outputs = from_json(nlohmann::json::parse(record.outputs_json, nullptr, false));
  return outputs.is_map() ? outputs.as_map() : Value::Map{};
}

std::string kept_despite_false_condition(const StepRecord& record) {
  return "condition is false; done" + in_run(record) + ", its record stands";
}

bool attempted_with_other_inputs(const std::optional<StepRecord>& record, const std::string& fingerprint) {
  if (!record || record->fingerprint == fingerprint) return false;
  return record->status == StepStatus::Running || record->status == StepStatus::Failed;
}

std::vector<std::string> changed_fields(const std::string& old_inputs_json, const std::string& new_inputs_json) {
  nlohmann::json before = nlohmann::json::parse(old_inputs_json, nullptr, false);
  nlohmann::json after = nlohmann::json::parse(new_inputs_json, nullptr, false);
  if (!before.is_object() || !after.is_object()) return {};
  std::vector<std::string> changed;
  for (const auto& [name, value] : before.items())
    if (!after.contains(name) || after[name] != value) changed.push_back(name);
  for (const auto& [name, value] : after.items())
    if (!before.contains(name)) changed.push_back(name);
  std::sort(changed.begin(), changed.end());
  return changed;
}

std::string refusal_to_start_over(const StepRecord& record, const std::string& new_inputs_json) {
  std::vector<std::string> fields = changed_fields(record.inputs_json, new_inputs_json);
  std::string which;
  for (const std::string& field : fields) which += (which.empty() ? "" : ", ") + field;
  return "its inputs changed since its interrupted attempt" + in_run(record) +
         (which.empty() ? "" : " (" + which + ")") +
         ", and that attempt left partial work this step type cannot undo by itself; put the old values back "
         "to resume it, or undo its partial work by hand and run again with --from " + record.step_id;
}

}  // namespace planrun
