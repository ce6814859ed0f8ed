#pragma once

#include <optional>
#include <string>
#include <vector>

namespace planrun::expr {

// `steps.ID.outputs.NAME` read from a reference path. The id of a step taken in from a used
// plan holds dots (`upgrade.copy-db`), so everything between `steps` and `outputs` is the id:
// {"steps", "upgrade", "copy-db", "outputs", "rows"} names output `rows` of `upgrade.copy-db`.
struct StepOutputReference {
  std::string step;
  std::string output;
};

// nullopt unless the path starts with `steps` and ends with `outputs.NAME` after an id.
std::optional<StepOutputReference> step_output_reference(const std::vector<std::string>& path);

}  // namespace planrun::expr
