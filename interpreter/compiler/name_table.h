#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "interpreter/values/type_spec.h"

namespace planrun {

// The names an expression in a plan may use, gathered before any step is bound: parameters with
// their types, and the steps with the outputs their types publish.
struct NameTable {
  std::map<std::string, TypeSpec::Kind> params;
  // environment variable -> the secret parameter read from it
  std::map<std::string, std::string> secret_variables;
  // step id -> the output names its type publishes, in the step catalogue
  std::map<std::string, const std::vector<std::string>*> step_outputs;
  // Steps whose type is unknown, and uses whose plan did not compile: already reported, so
  // references to them (and to the steps under a broken use, `upgrade.copy-db`) are not reported again.
  std::set<std::string> broken_steps;

  bool is_broken(const std::string& id) const;

  std::vector<std::string> param_names() const;
  std::vector<std::string> step_ids() const;
};

// True when `id` or the use it lies under (`upgrade` of `upgrade.copy-db`) is in `broken`.
bool is_broken_step(const std::set<std::string>& broken, const std::string& id);

// Roots that are not parameters: env.NAME, steps.ID.outputs.NAME, run.id, run.dir.
inline const std::set<std::string>& reserved_roots() {
  static const std::set<std::string> roots{"env", "steps", "run"};
  return roots;
}

}  // namespace planrun
