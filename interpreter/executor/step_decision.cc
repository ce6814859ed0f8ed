#include "interpreter/executor/step_decision.h"

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

}  // namespace planrun
