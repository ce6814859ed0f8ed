// The one registry of what each step type does. A type without an action here is in the
// catalogue (the compiler accepts it) but this planrun cannot run it yet: find_step_action
// returns nullptr and the executor refuses to start a plan that uses it, naming the type.

#include <map>
#include <memory>
#include <string>

#include "interpreter/executor/step_context.h"
#include "interpreter/steps/confirm_step.h"
#include "interpreter/steps/run_step.h"
#include "interpreter/steps/wait_for_step.h"

namespace planrun {
namespace {

using ActionTable = std::map<std::string, std::unique_ptr<const StepAction>, std::less<>>;

ActionTable make_actions() {
  ActionTable actions;
  actions.emplace("run", std::make_unique<RunStep>());
  actions.emplace("wait-for", std::make_unique<WaitForStep>());
  actions.emplace("confirm", std::make_unique<ConfirmStep>());
  return actions;
}

}  // namespace

const StepAction* find_step_action(const std::string& type) {
  static const ActionTable actions = make_actions();
  auto found = actions.find(type);
  return found == actions.end() ? nullptr : found->second.get();
}

}  // namespace planrun
