#include <cstdio>

#include "interpreter/cli/commands.h"
#include "interpreter/diagnostics/exit_code.h"
#include "interpreter/loader/plan_loader.h"
#include "interpreter/render/plan_diff.h"

namespace planrun {

// `planrun diff OLD NEW`: both plans must compile; the diff goes to stdout (exit 0 whether or
// not they differ: it is a report for a reviewer, not a test).
int run_diff_command(const CommandOptions& options) {
  SourceFiles sources;
  Diagnostics diagnostics;
  const std::string& old_path = options.plans.at(0);
  const std::string& new_path = options.plans.at(1);
  auto old_plan = load_plan(old_path, sources, diagnostics);
  auto new_plan = load_plan(new_path, sources, diagnostics);
  print_diagnostics(diagnostics, sources);
  if (!old_plan || !new_plan) return kExitInvalid;
  PlanDiff diff = diff_plans(*old_plan, *new_plan);
  std::string text = options.diff_format == "markdown" ? render_diff_markdown(diff, old_path, new_path)
                                                       : render_diff_text(diff, old_path, new_path);
  std::fputs(text.c_str(), stdout);
  return kExitSuccess;
}

}  // namespace planrun
