#include "interpreter/cli/commands.h"

#include <cstdio>
#include <map>
#include <string>

#include "interpreter/cli/exit_codes.h"
#include "interpreter/state/plan_key.h"

namespace planrun {

void print_diagnostics(const Diagnostics& diagnostics, const SourceFiles& sources) {
  for (const Diagnostic& diagnostic : diagnostics.sorted()) std::fputs(render(diagnostic, sources).c_str(), stderr);
}

std::string plan_key_for(const CommandOptions& options) {
  return options.plans.empty() ? "" : plan_key(options.plans.front(), state_dir_for(options));
}

std::filesystem::path state_dir_for(const CommandOptions& options) {
  if (!options.state_dir.empty()) return options.state_dir;
  if (options.plans.empty()) return ".planrun";
  return std::filesystem::path(options.plans.front()).parent_path() / ".planrun";
}

int run_command(const CommandOptions& options) {
  static const std::map<std::string, int (*)(const CommandOptions&)> commands{
      {"check", run_check_command},     {"plan", run_plan_command}, {"graph", run_graph_command},
      {"explain", run_explain_command}, {"run", run_run_command},   {"status", run_status_command},
      {"unlock", run_unlock_command},   {"fmt", run_fmt_command},
  };
  auto command = commands.find(options.command);
  if (command == commands.end()) {
    std::fprintf(stderr, "planrun: unknown command '%s'\n", options.command.c_str());
    return kExitInvalid;
  }
  return command->second(options);
}

}  // namespace planrun
