#include <cstdio>

#include "interpreter/cli/commands.h"
#include "interpreter/cli/exit_codes.h"
#include "interpreter/cli/keep_until_exit.h"
#include "interpreter/compiler/plan_compiler.h"
#include "interpreter/loader/plan_loader.h"

namespace planrun {

// Compiles every plan given and prints nothing but diagnostics, so that CI logs show only problems.
int run_check_command(const CommandOptions& options) {
  bool failed = false;
  for (const std::string& path : options.plans) {
    SourceFiles sources;
    Diagnostics diagnostics;
    auto document = read_plan_document(path, sources, diagnostics);
    auto graph = document ? compile_plan(*document, diagnostics) : std::nullopt;
    print_diagnostics(diagnostics, sources);
    bool warned = !diagnostics.all().empty();
    failed = failed || !graph || (options.strict && warned);
    keep_until_exit(std::move(document));
    keep_until_exit(std::move(graph));
  }
  return failed ? kExitInvalid : kExitSuccess;
}

}  // namespace planrun
