#include "interpreter/expressions/step_output_reference.h"

namespace planrun::expr {

std::optional<StepOutputReference> step_output_reference(const std::vector<std::string>& path) {
  if (path.size() < 4 || path.front() != "steps" || path[path.size() - 2] != "outputs") return std::nullopt;
  StepOutputReference reference;
  for (size_t i = 1; i + 2 < path.size(); ++i) reference.step += (i > 1 ? "." : "") + path[i];
  reference.output = path.back();
  return reference;
}

}  // namespace planrun::expr
