#include "interpreter/cli/commands.h"

#include <cstdio>
#include <map>
#include <string>
#include <system_error>

#include "interpreter/diagnostics/exit_code.h"
#include "interpreter/diagnostics/system_error_words.h"
#include "interpreter/state/plan_key.h"

namespace planrun {

int report_state_error(const StateError& error) {
  std::fprintf(stderr, "planrun: %s\n", error.what());
  return error.cause == StateError::Cause::System ? kExitStateFailed : kExitInvalid;
}

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

namespace {

// The command boundary: what the system refused outside a run's steps (which the executor
// reports) ends the command with its cause in words and an exit code for it, never as a bug.
// The state directory's failures exit 5 (2 for a state that is itself wrong); a file the command
// line names (a plan, fmt's or new's output) that cannot be read or written exits 2.
int run_reporting_refusals(int (*command)(const CommandOptions&), const CommandOptions& options) {
  try {
    return command(options);
  } catch (const StateError& error) {
    return report_state_error(error);
  } catch (const std::system_error& error) {
    std::fprintf(stderr, "planrun: %s\n", in_words(error).c_str());
    return kExitInvalid;
  }
}

}  // namespace

int run_command(const CommandOptions& options) {
  static const std::map<std::string, int (*)(const CommandOptions&)> commands{
      {"check", run_check_command},     {"plan", run_plan_command}, {"graph", run_graph_command},
      {"explain", run_explain_command}, {"run", run_run_command},   {"status", run_status_command},
      {"unlock", run_unlock_command},   {"fmt", run_fmt_command},
      {"diff", run_diff_command},       {"new", run_new_command},   {"schema", run_schema_command},
  };
  auto command = commands.find(options.command);
  if (command == commands.end()) {
    std::fprintf(stderr, "planrun: unknown command '%s'\n", options.command.c_str());
    return kExitInvalid;
  }
  return run_reporting_refusals(command->second, options);
}

}  // namespace planrun
