#include <cstdio>
#include <filesystem>
#include <system_error>

#include "interpreter/cli/commands.h"
#include "interpreter/diagnostics/exit_code.h"
#include "interpreter/files/durable_write.h"
#include "interpreter/loader/plan_formatter.h"

namespace planrun {

namespace {

namespace fs = std::filesystem;

// What one file came to: its canonical text was printed, written, or found equal to the file.
enum class FmtOutcome { Done, NotCanonical, Failed };

bool usage_is_valid(const CommandOptions& options) {
  const char* problem = nullptr;
  if (options.fmt_check && options.fmt_write)
    problem = "--check and --write cannot be given together";
  else if (options.fmt_check && !options.fmt_to.empty())
    problem = "--check tells whether a file is canonical in its own syntax; it takes no --to";
  else if (!options.fmt_check && !options.fmt_write && options.plans.size() > 1)
    problem = "fmt prints one plan; give --write or --check for several";
  if (problem) std::fprintf(stderr, "planrun fmt: %s\n", problem);
  return problem == nullptr;
}

// Where --write puts the text: the file itself, or beside it with the other syntax's extension.
fs::path written_path(const std::string& plan, PlanSyntax from, PlanSyntax to) {
  if (from == to) return plan;
  return fs::path(plan).replace_extension(to == PlanSyntax::Plan ? ".plan" : ".yaml");
}

FmtOutcome write_formatted(const std::string& plan, PlanSyntax from, PlanSyntax to, const std::string& text,
                           const std::string& old_text) {
  fs::path target = written_path(plan, from, to);
  if (from == to && text == old_text) return FmtOutcome::Done;
  std::error_code ignored;
  fs::perms perms = fs::status(from == to ? fs::path(plan) : target, ignored).permissions();
  mode_t mode = perms == fs::perms::unknown ? 0644 : static_cast<mode_t>(perms);
  try {
    write_file_durably(target, text, mode);
  } catch (const std::system_error& error) {
    std::fprintf(stderr, "planrun fmt: cannot write %s: %s\n", target.c_str(), error.code().message().c_str());
    return FmtOutcome::Failed;
  }
  if (from != to) std::fprintf(stderr, "planrun fmt: wrote %s\n", target.c_str());
  return FmtOutcome::Done;
}

FmtOutcome format_one(const std::string& plan, const CommandOptions& options) {
  SourceFiles sources;
  Diagnostics diagnostics;
  std::optional<PlanSyntax> from = syntax_of(plan);
  PlanSyntax to = options.fmt_to == "plan"   ? PlanSyntax::Plan
                  : options.fmt_to == "yaml" ? PlanSyntax::Yaml
                                             : from.value_or(PlanSyntax::Yaml);
  auto text = format_plan_file(plan, to, sources, diagnostics);
  print_diagnostics(diagnostics, sources);
  if (!text) return FmtOutcome::Failed;
  if (options.fmt_check) {
    if (*text == sources.text(plan)) return FmtOutcome::Done;
    std::printf("%s: not in canonical form (planrun fmt --write %s)\n", plan.c_str(), plan.c_str());
    return FmtOutcome::NotCanonical;
  }
  if (options.fmt_write) return write_formatted(plan, *from, to, *text, sources.text(plan));
  std::fputs(text->c_str(), stdout);
  return FmtOutcome::Done;
}

}  // namespace

// Prints, writes or checks the canonical form of plans. Exit 2 when a plan cannot be read (or
// written), else 1 when --check found a file that is not canonical, else 0.
int run_fmt_command(const CommandOptions& options) {
  if (!usage_is_valid(options)) return kExitInvalid;
  bool failed = false;
  bool not_canonical = false;
  for (const std::string& plan : options.plans) {
    FmtOutcome outcome = format_one(plan, options);
    failed = failed || outcome == FmtOutcome::Failed;
    not_canonical = not_canonical || outcome == FmtOutcome::NotCanonical;
  }
  if (failed) return kExitInvalid;
  return not_canonical ? kExitNotCanonical : kExitSuccess;
}

}  // namespace planrun
