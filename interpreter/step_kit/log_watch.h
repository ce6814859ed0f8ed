#pragma once

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "interpreter/step_kit/log_follower.h"
#include "interpreter/step_kit/step_context.h"
#include "interpreter/step_kit/wait_loop.h"
#include "interpreter/values/value.h"

namespace planrun {

// Waits on a server through its log and its pid file: `run`'s `wait` (a server its command
// starts or stops) and `wait-for`'s `log` and `process_gone` (one started elsewhere) share it.
// What a wait begins from is kept in the step's checkpoints (keys "wait.*"), recorded once, so
// that a resumed step follows the log from where it ended before the server was started and not
// from where it ends after (where the line it waits for may already be).

// A regular expression with the text the plan gave, for messages.
struct LogPattern {
  std::string text;
  std::regex regex;
};

// The plan's log watch (schema_parts.h LogWatchFields), its expressions compiled.
struct LogWatch {
  std::filesystem::path file;
  LogPattern ready;
  std::vector<LogPattern> fail_on;
  std::optional<std::filesystem::path> pid_file;
};

// Reads the object of field `field` ("log", "wait.log"); an invalid regular expression fails
// the step naming the field and the expression.
LogWatch read_log_watch(const Value& given, const std::string& field);

// Where a log watch begins: the log's end, and the pid its pid file names if that process is
// already gone (a stale pid file a new server has not replaced yet).
struct LogWatchStart {
  LogPosition from;
  std::optional<pid_t> stale_pid;
  bool resumed = false;  // read from the checkpoints of an interrupted attempt
};

// The start recorded in the checkpoints, or, the first time, the log's end and the pid file
// now, recorded durably before it returns.
LogWatchStart begin_log_watch(StepContext& context, const LogWatch& watch);

// Whether the watched server runs now: its pid file names a live process other than the stale
// one. A resumed step whose command may have run (a start script killed with planrun) asks this
// before it runs the command again: a second start would race the first one for its ports.
bool watched_server_runs(const LogWatch& watch, const LogWatchStart& start, const StepServices& services);

// Ready when a new line matches `ready`. Fails at once when a new line matches a `fail_on`
// expression (FILE:LINE: the line) or the process of the pid file is gone (its last lines).
WaitProbe log_watch_probe(const LogWatch& watch, const LogWatchStart& start, const StepServices& services);

// The process a pid file names when the wait begins (none: no file), recorded in the
// checkpoints the first time, as begin_log_watch does. A file that holds no process id fails.
std::optional<pid_t> begin_process_gone(StepContext& context, const std::filesystem::path& pid_file);

// Ready once that process runs no more (at once when there was none).
WaitProbe process_gone_probe(const std::filesystem::path& pid_file, std::optional<pid_t> pid,
                             const StepServices& services);

// Forgets the step's checkpoints, so that a step whose wait failed starts over when it runs
// again instead of following the log past the line that failed it.
void forget_checkpoints(StepContext& context);

}  // namespace planrun
