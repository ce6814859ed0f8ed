#include <cstdio>

#include "interpreter/cli/commands.h"
#include "interpreter/diagnostics/exit_code.h"
#include "interpreter/render/json_schema.h"
#include "interpreter/render/step_explainer.h"

namespace planrun {

int run_schema_command(const CommandOptions&) {
  std::puts(plan_json_schema().dump(2).c_str());
  return kExitSuccess;
}

int run_explain_command(const CommandOptions& options) {
  if (options.json_schema) return run_schema_command(options);
  StepExplainer explainer;
  if (options.step_type.empty()) {
    std::fputs(explainer.overview().c_str(), stdout);
    return kExitSuccess;
  }
  std::string error;
  auto text = explainer.explain(options.step_type, &error);
  if (!text) {
    std::fprintf(stderr, "planrun: %s\n", error.c_str());
    return kExitInvalid;
  }
  std::fputs(text->c_str(), stdout);
  return kExitSuccess;
}

}  // namespace planrun
