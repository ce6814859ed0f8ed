#include <cstdio>

#include "interpreter/cli/commands.h"
#include "interpreter/diagnostics/exit_code.h"
#include "interpreter/loader/plan_loader.h"
#include "interpreter/render/graph_writer.h"

namespace planrun {

int run_graph_command(const CommandOptions& options) {
  SourceFiles sources;
  Diagnostics diagnostics;
  auto graph = load_plan(options.plans.front(), sources, diagnostics);
  print_diagnostics(diagnostics, sources);
  if (!graph) return kExitInvalid;
  std::string drawing = options.graph_format == "mermaid" ? write_mermaid(*graph) : write_dot(*graph);
  std::fputs(drawing.c_str(), stdout);
  return kExitSuccess;
}

}  // namespace planrun
