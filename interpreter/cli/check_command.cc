#include <cstdio>

#include "interpreter/cli/commands.h"
#include "interpreter/cli/keep_until_exit.h"
#include "interpreter/diagnostics/exit_code.h"
#include "interpreter/diagnostics/github_annotation.h"
#include "interpreter/loader/plan_loader.h"

namespace planrun {

// Compiles every plan given and prints nothing but diagnostics, so that CI logs show only problems;
// with --format github, as annotations on stdout, where the Actions runner reads them.
int run_check_command(const CommandOptions& options) {
  bool failed = false;
  for (const std::string& path : options.plans) {
    SourceFiles sources;
    Diagnostics diagnostics;
    std::optional<ast::Node> document;
    auto graph = load_plan(path, sources, diagnostics, &document);
    if (options.check_format == "github")
      for (const Diagnostic& diagnostic : diagnostics.sorted()) std::fputs(render_github(diagnostic).c_str(), stdout);
    else
      print_diagnostics(diagnostics, sources);
    bool warned = !diagnostics.all().empty();
    failed = failed || !graph || (options.strict && warned);
    keep_until_exit(std::move(document));
    keep_until_exit(std::move(graph));
  }
  return failed ? kExitInvalid : kExitSuccess;
}

}  // namespace planrun
