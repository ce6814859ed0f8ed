#include "interpreter/compiler/secret_argv_policy.h"

#include <set>

namespace planrun {
namespace {

// Warns once per secret per string of the command, at the string.
void check_value(const BoundValue& value, const StepNode& step, const std::set<std::string>& secrets,
                 Diagnostics& diagnostics) {
  for (const BoundValue& item : value.items) check_value(item, step, secrets, diagnostics);
  for (const auto& [key, entry] : value.entries) check_value(entry, step, secrets, diagnostics);
  if (value.kind != BoundValue::Kind::Template || !value.tmpl) return;
  std::set<std::string> warned;
  for (const expr::Reference& ref : expr::references(*value.tmpl)) {
    const std::string& name = ref.path.front();
    if (!secrets.count(name) || !warned.insert(name).second) continue;
    diagnostics.warning(value.location, "step '" + step.id + "': secret '" + name +
                                            "' is in the command line, which every local user can read in "
                                            "/proc; pass it through the step's 'env' instead");
  }
}

}  // namespace

void check_secrets_in_command_lines(const ActionGraph& graph, Diagnostics& diagnostics) {
  std::set<std::string> secrets;
  for (const ParamNode& param : graph.params)
    if (param.type == TypeSpec::Kind::Secret) secrets.insert(param.name);
  if (secrets.empty()) return;
  for (const StepNode& step : graph.steps) {
    auto command = step.with.find("command");
    if (step.type == "run" && command != step.with.end()) check_value(command->second, step, secrets, diagnostics);
  }
}

}  // namespace planrun
