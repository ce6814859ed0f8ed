#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "interpreter/databases/databases.h"
#include "interpreter/step_kit/processes.h"
#include "interpreter/step_kit/step_context.h"

namespace planrun {

// What a database backup or restore reaches the world through: the step's services, log and
// masker, and the work directory where a client's 0600 option file lives while it runs.
struct DumpServices {
  const Processes& processes;
  Databases& databases;
  const CancellationToken& cancel;
  StepLog& log;
  const SecretMasker& masker;
  std::filesystem::path work_dir;
  std::optional<std::chrono::steady_clock::time_point> deadline;
};

// The services of `context`, showing text through `masker`; a context without a Databases
// service is a bug in planrun (std::logic_error).
DumpServices dump_services(StepContext& context, const SecretMasker& masker);

// A database client program (pg_dump, mariadb) and the Debian package that provides it.
struct DumpTool {
  std::string program;
  std::string debian_package;
};

// Runs `tool` with `arguments` and `env` (passwords only ever in `env` or an option file) to
// its end; its output goes, masked, to the step log. Fails the step naming the package when
// the program is not installed, and with the tool's last lines of stderr when it fails.
// `doing` says what it was for ("dump postgresql://...").
void run_dump_tool(const DumpServices& services, const DumpTool& tool, std::vector<std::string> arguments,
                   std::map<std::string, std::string> env, const std::string& doing);

// Like run_dump_tool, through /bin/sh so that `file` becomes the tool's standard input; the
// tool's arguments still reach it as argv, never as shell text.
void run_dump_tool_reading(const DumpServices& services, const DumpTool& tool, std::vector<std::string> arguments,
                           const std::filesystem::path& file, std::map<std::string, std::string> env,
                           const std::string& doing);

}  // namespace planrun
