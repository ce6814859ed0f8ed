#include "interpreter/executor/run_forecast.h"

#include <fstream>
#include <iterator>

#include "interpreter/executor/step_decision.h"
#include "interpreter/executor/step_inputs.h"
#include "interpreter/state/state_store.h"

namespace planrun {

namespace {

// The state's fingerprint key, if it has one yet (reading must not create it).
std::string existing_key(const std::filesystem::path& state_dir) {
  std::ifstream in(state_dir / "fingerprint.key", std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Walks the steps in order as a run would, with the state's records standing in for running.
class Forecast {
 public:
  Forecast(const ActionGraph& graph, const ParamValues& params, const StateStore* store, std::string key)
      : graph_(graph), store_(store), key_(std::move(key)), scope_(params), fingerprints_(graph.steps.size()) {}

  std::map<std::string, std::string> run() {
    std::map<std::string, std::string> result;
    for (size_t i = 0; i < graph_.steps.size(); ++i) result[graph_.steps[i].id] = foresee(i);
    return result;
  }
  const std::map<std::string, std::map<std::string, std::string>>& checkpoints() const { return checkpoints_; }

 private:
  std::string foresee(size_t index) {
    const StepNode& step = graph_.steps[index];
    std::vector<std::string> upstream;
    for (size_t need : step.needs) upstream.push_back(fingerprints_[need]);
    StepInputs inputs;
    try {
      inputs = resolve_step_inputs(step, scope_, upstream, key_);
    } catch (const expr::NotYetKnown&) {
      return "run: its inputs come from steps that run first";
    } catch (const std::exception& error) {
      return std::string("fail: ") + error.what();
    }
    std::optional<StepRecord> record = store_ ? store_->step_state(step.id) : std::nullopt;
    if (!inputs.condition) return foresee_condition_false(index, record);
    fingerprints_[index] = inputs.fingerprint;
    StepDecision decision = decide_step(record, inputs.fingerprint, "");
    if (decision.action == StepDecision::Action::UpToDate) scope_.set_outputs(step.id, recorded_outputs(*record));
    if (decision.action == StepDecision::Action::Resume) checkpoints_[step.id] = store_->checkpoints(step.id);
    return action_name(decision.action) + ": " + decision.reason;
  }

  // As the executor does: a done step keeps its record and passes it on.
  std::string foresee_condition_false(size_t index, const std::optional<StepRecord>& record) {
    if (!record || record->status != StepStatus::Done) {
      fingerprints_[index] = kSkippedFingerprint;
      return "skip: condition is false";
    }
    fingerprints_[index] = record->fingerprint;
    scope_.set_outputs(graph_.steps[index].id, recorded_outputs(*record));
    return "skip: " + kept_despite_false_condition(*record);
  }

  const ActionGraph& graph_;
  const StateStore* store_;
  std::string key_;
  PlanScope scope_;
  std::vector<std::string> fingerprints_;
  std::map<std::string, std::map<std::string, std::string>> checkpoints_;
};

}  // namespace

std::map<std::string, std::string> forecast_run(const ActionGraph& graph, const ParamValues& params,
                                                const std::filesystem::path& state_dir, const std::string& plan_key) {
  std::optional<StateStore> store;
  if (std::filesystem::exists(state_dir / "state.db")) store.emplace(state_dir, plan_key, StateStore::Access::ReadOnly);
  return Forecast(graph, params, store ? &*store : nullptr, existing_key(state_dir)).run();
}

std::map<std::string, std::map<std::string, std::string>> resumable_checkpoints(
    const ActionGraph& graph, const ParamValues& params, const std::filesystem::path& state_dir,
    const std::string& plan_key) {
  if (!std::filesystem::exists(state_dir / "state.db")) return {};
  StateStore store(state_dir, plan_key, StateStore::Access::ReadOnly);
  Forecast forecast(graph, params, &store, existing_key(state_dir));
  forecast.run();
  return forecast.checkpoints();
}

}  // namespace planrun
