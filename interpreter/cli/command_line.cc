#include <CLI/CLI.hpp>

#include "interpreter/cli/command_options.h"
#include "interpreter/diagnostics/exit_code.h"

namespace planrun {

namespace {

// Every documented exit code with its meaning, as README's table has them.
std::string exit_codes_help() {
  std::string help = "Exit codes:";
  for (ExitCode code : documented_exit_codes())
    help += "\n" + std::string(code < 10 ? "    " : code < 100 ? "   " : "  ") + std::to_string(code) + "  " +
            exit_code_meaning(code);
  return help;
}

void add_param_options(CLI::App& command, CommandOptions& options) {
  command.add_option("--set", options.params.sets, "Set a parameter: NAME=VALUE (repeatable)")->type_name("NAME=VALUE");
  command.add_option("--vars", options.params.vars_file, "Read parameter values from a YAML file")->type_name("FILE");
  command.add_option("--state", options.state_dir, "State directory (default: .planrun/ beside the plan)")
      ->type_name("DIR");
}

void add_run_command(CLI::App& app, CommandOptions& options) {
  CLI::App* run = app.add_subcommand("run", "Run a plan, or resume it where it stopped (also: planrun PLAN)");
  run->add_option("PLAN", options.plans, "Plan file")->required()->expected(1);
  add_param_options(*run, options);
  run->add_option("-j,--jobs", options.jobs, "Steps to run at once (default: the number of cores)")
      ->check(CLI::Range(1, 256));
  run->add_flag("--yes,-y", options.yes, "Approve every confirm step (for unattended runs)");
  run->add_flag("--fresh", options.fresh, "Forget what earlier runs did and run every step");
  run->add_option("--from", options.from_step, "Run this step and everything after it again")->type_name("STEP");
  run->add_option("--only", options.only_step, "Run only this step")->type_name("STEP");
  run->add_option("--log-json", options.log_json, "Append one JSON event per line to FILE")->type_name("FILE");
  run->add_option("--output", options.output, "Print the final report as json on stdout")
      ->check(CLI::IsMember({"json"}));
  run->add_flag("--quiet,-q", options.quiet, "Show only failures and the summary");
  run->add_flag("--allow-network-state", options.allow_network_state,
                "Use a state directory on a network file system (only one host may ever use it)");
}

void add_fmt_command(CLI::App& app, CommandOptions& options) {
  CLI::App* fmt = app.add_subcommand("fmt", "Print a plan in canonical form, or convert it between YAML and .plan");
  fmt->add_option("PLAN", options.plans, "Plan files (.yaml, .yml or .plan)")->required();
  fmt->add_option("--to", options.fmt_to, "Write the other syntax: yaml or plan")->check(CLI::IsMember({"yaml", "plan"}));
  fmt->add_flag("--check", options.fmt_check, "Name each file that is not in canonical form and exit 1");
  fmt->add_flag("--write", options.fmt_write, "Write the result: in place, or with --to beside the plan");
}

// Reuse and review: starting a plan from the standard library, the schema, a semantic diff.
void add_review_commands(CLI::App& app, CommandOptions& options) {
  CLI::App* diff = app.add_subcommand("diff", "What changed between two versions of a plan, and what a run would redo");
  diff->add_option("OLD NEW", options.plans, "Plan files")->required()->expected(2);
  diff->add_option("--format", options.diff_format, "text, or markdown (for a pull request)")
      ->check(CLI::IsMember({"text", "markdown"}))
      ->capture_default_str();

  CLI::App* start = app.add_subcommand("new", "Start a version-pair plan from the standard library");
  start->add_option("FAMILY PAIR", options.new_names, "e.g. carbon 4.4.7-to-4.4.8")->required()->expected(2);
  start->add_option("-o,--output", options.output_file, "The plan file (default: FAMILY-PAIR.yaml)")->type_name("FILE");

  app.add_subcommand("schema", "Print the JSON Schema of YAML plans (for editors; same as explain --json-schema)");
}

void add_commands(CLI::App& app, CommandOptions& options) {
  CLI::App* check = app.add_subcommand("check", "Compile and validate plans; print diagnostics only");
  check->add_option("PLAN", options.plans, "Plan files")->required();
  check->add_flag("--strict", options.strict, "Treat warnings as errors");
  check->add_option("--format", options.check_format, "text, or github (GitHub Actions annotations on stdout)")
      ->check(CLI::IsMember({"text", "github"}))
      ->capture_default_str();

  CLI::App* plan = app.add_subcommand("plan", "Dry run: steps in order with resolved parameters");
  plan->add_option("PLAN", options.plans, "Plan file")->required()->expected(1);
  add_param_options(*plan, options);

  CLI::App* graph = app.add_subcommand("graph", "Draw the step graph");
  graph->add_option("PLAN", options.plans, "Plan file")->required()->expected(1);
  graph->add_option("--format", options.graph_format, "dot (Graphviz) or mermaid")
      ->check(CLI::IsMember({"dot", "mermaid"}))
      ->capture_default_str();

  CLI::App* explain = app.add_subcommand("explain", "List step types, or describe one type's fields");
  explain->add_option("TYPE", options.step_type, "Step type");
  explain->add_flag("--json-schema", options.json_schema, "Print the JSON Schema of plan files for editors");

  add_run_command(app, options);
  add_fmt_command(app, options);
  add_review_commands(app, options);

  CLI::App* status = app.add_subcommand("status", "Show runs and step states from the state store");
  status->add_option("PLAN", options.plans, "Plan file (default: the state in ./.planrun)")->expected(0, 1);
  status->add_option("--state", options.state_dir, "State directory")->type_name("DIR");

  CLI::App* unlock = app.add_subcommand("unlock", "Remove a run lock left behind");
  unlock->add_option("PLAN", options.plans, "Plan file (default: the state in ./.planrun)")->expected(0, 1);
  unlock->add_option("--state", options.state_dir, "State directory")->type_name("DIR");
  unlock->add_flag("--yes,-y", options.yes, "Do not ask for confirmation");
  unlock->add_flag("--force", options.force, "Remove the lock even if its owner still runs (dangerous)");
}

// `planrun PLAN` runs the plan: a first argument that is neither a command nor an option is a plan.
std::vector<std::string> with_default_command(int argc, char** argv, const CLI::App& app) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && !args.front().starts_with("-")) {
    bool is_command = false;
    for (const CLI::App* sub : app.get_subcommands({})) is_command = is_command || sub->get_name() == args.front();
    if (!is_command) args.insert(args.begin(), "run");
  }
  std::reverse(args.begin(), args.end());  // CLI11 takes its vector in reverse order
  return args;
}

}  // namespace

bool parse_command_line(int argc, char** argv, CommandOptions& options, int& exit_code) {
  CLI::App app{"planrun: runs product upgrade procedures written as plans, with checkpoints", "planrun"};
  app.set_version_flag("--version", "planrun " PLANRUN_VERSION);
  app.require_subcommand(1);
  app.footer(exit_codes_help());
  add_commands(app, options);
  std::vector<std::string> args = with_default_command(argc, argv, app);
  try {
    app.parse(args);
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    exit_code = code == 0 ? kExitSuccess : kExitInvalid;
    return false;
  }
  options.command = app.get_subcommands().front()->get_name();
  return true;
}

}  // namespace planrun
