#include "interpreter/archive/dump_tools.h"

#include <unistd.h>

#include <cstdlib>
#include <deque>
#include <stdexcept>

#include "interpreter/step_kit/step_failure.h"

namespace planrun {
namespace {

using Kind = StepFailure::Kind;

constexpr size_t kept_error_lines = 5;

bool installed(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::string directories = path ? path : "/usr/bin:/bin";
  for (size_t start = 0; start <= directories.size();) {
    size_t end = directories.find(':', start);
    std::string directory = directories.substr(start, end == std::string::npos ? std::string::npos : end - start);
    std::string candidate = (directory.empty() ? std::string(".") : directory) + "/" + program;
    if (::access(candidate.c_str(), X_OK) == 0) return true;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return false;
}

std::string joined(const std::deque<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) text += (text.empty() ? "" : " / ") + line;
  return text;
}

void run(const DumpServices& services, const DumpTool& tool, std::vector<std::string> argv,
         std::map<std::string, std::string> env, const std::string& doing) {
  if (!installed(tool.program))
    throw StepFailure(Kind::Failed, "cannot " + services.masker.mask(doing) + ": " + tool.program +
                                        " is not installed (install the Debian package " + tool.debian_package + ")");
  if (services.cancel.requested()) throw StepFailure(Kind::Cancelled, "the run was interrupted before " + tool.program + " started");
  ProcessSpec spec;
  spec.argv = std::move(argv);
  spec.env = std::move(env);
  spec.deadline = services.deadline;
  spec.cancel = &services.cancel;
  std::deque<std::string> errors;
  ProcessResult result = services.processes.run(spec, [&](OutputStream stream, const std::string& line) {
    std::string masked = services.masker.mask(line);
    services.log.output(masked);
    if (stream != OutputStream::Stderr || masked.empty()) return;
    errors.push_back(masked);
    if (errors.size() > kept_error_lines) errors.pop_front();
  });
  std::string failing = "cannot " + services.masker.mask(doing) + ": " + tool.program;
  if (!result.started()) throw StepFailure(Kind::Failed, failing + " did not start: " + result.start_error);
  if (result.cancelled) throw StepFailure(Kind::Cancelled, "the run was interrupted; " + tool.program + " was stopped");
  if (result.timed_out) throw StepFailure(Kind::TimedOut, "the step's timeout ran out; " + tool.program + " was stopped");
  if (result.signal) throw StepFailure(Kind::Failed, failing + " was killed by signal " + std::to_string(*result.signal));
  if (result.exit_code != 0)
    throw StepFailure(Kind::Failed, failing + " exited with status " +
                                        std::to_string(result.exit_code.value_or(-1)) +
                                        (errors.empty() ? "" : ": " + joined(errors)));
}

}  // namespace

DumpServices dump_services(StepContext& context, const SecretMasker& masker) {
  if (!context.services.databases) throw std::logic_error("the executor gave the step no Databases service");
  if (!context.services.processes) throw std::logic_error("the executor gave the step no Processes service");
  if (context.work_dir.empty()) throw std::logic_error("the executor gave the step no work directory");
  return {*context.services.processes, *context.services.databases, context.cancel, context.log, masker,
          context.work_dir, context.deadline};
}

void run_dump_tool(const DumpServices& services, const DumpTool& tool, std::vector<std::string> arguments,
                   std::map<std::string, std::string> env, const std::string& doing) {
  arguments.insert(arguments.begin(), tool.program);
  run(services, tool, std::move(arguments), std::move(env), doing);
}

void run_dump_tool_reading(const DumpServices& services, const DumpTool& tool, std::vector<std::string> arguments,
                           const std::filesystem::path& file, std::map<std::string, std::string> env,
                           const std::string& doing) {
  // sh's $1 is the file, the rest are the tool's own arguments: nothing is parsed as shell text.
  std::vector<std::string> argv{"/bin/sh", "-c", "file=$1; shift; exec \"$@\" < \"$file\"", "sh", file.string(),
                                tool.program};
  argv.insert(argv.end(), arguments.begin(), arguments.end());
  run(services, tool, std::move(argv), std::move(env), doing);
}

}  // namespace planrun
