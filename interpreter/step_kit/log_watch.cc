#include "interpreter/step_kit/log_watch.h"

#include <memory>

#include "interpreter/step_kit/file_system.h"
#include "interpreter/step_kit/processes.h"
#include "interpreter/step_kit/schema_parts.h"
#include "interpreter/step_kit/step_failure.h"

namespace planrun {
namespace {

namespace fs = std::filesystem;
using Kind = StepFailure::Kind;

const std::string offset_key = "wait.log.offset";
const std::string line_key = "wait.log.line";
const std::string stale_pid_key = "wait.log.stale_pid";
const std::string process_gone_key = "wait.process_gone.pid";

LogPattern pattern(const std::string& text, const std::string& field) {
  try {
    return {text, std::regex(text, std::regex::ECMAScript)};
  } catch (const std::regex_error& error) {
    throw StepFailure(Kind::Failed, field + ": '" + text + "' is not a regular expression: " + error.what());
  }
}

// The pid a pid file names: none when there is no file; a file that holds something else fails.
std::optional<pid_t> pid_named_by(const FileSystem& files, const fs::path& pid_file) {
  std::optional<std::string> text = files.read_file(pid_file);
  if (!text) return std::nullopt;
  std::optional<pid_t> pid = pid_in(*text);
  if (!pid && text->find_first_not_of(" \t\r\n") != std::string::npos)
    throw StepFailure(Kind::Failed, "the pid file " + pid_file.string() + " holds '" + text->substr(0, 40) +
                                        "', not a process id");
  return pid;  // an empty file: being written
}

std::string pid_text(std::optional<pid_t> pid) { return pid ? std::to_string(*pid) : "none"; }

std::optional<pid_t> pid_from_checkpoint(const std::string& text) {
  return text == "none" ? std::nullopt : pid_in(text);
}

uint64_t number_from_checkpoint(const std::string& text) { return std::stoull(text); }

// What a failure shows of the log: its last new lines, one per line, indented.
std::string last_lines_text(const LogFollower& follower) {
  std::vector<std::string> lines = follower.last_lines();
  if (lines.empty()) return follower.file().string() + " has no new lines";
  std::string out = "the last lines of " + follower.file().string() + ":";
  for (const std::string& line : lines) out += "\n  " + line;
  return out;
}

// Fails when the pid file names a process that is gone and is not the stale one.
void check_server_runs(const LogWatch& watch, const LogWatchStart& start, const StepServices& services,
                       const LogFollower& follower) {
  if (!watch.pid_file) return;
  std::optional<pid_t> pid = pid_named_by(*services.files, *watch.pid_file);
  if (!pid || pid == start.stale_pid || services.processes->running(*pid)) return;
  throw StepFailure(Kind::Failed, "the server exited: process " + std::to_string(*pid) + " (pid file " +
                                      watch.pid_file->string() + ") is gone; " + last_lines_text(follower));
}

}  // namespace

LogWatch read_log_watch(const Value& given, const std::string& field) {
  if (!given.is_map()) throw StepFailure(Kind::Failed, "field '" + field + "' holds " + given.display() + ", not a map");
  const LogWatchFields& f = log_watch_fields();
  const Value::Map& map = given.as_map();
  LogWatch watch;
  watch.file = f.file.read(map);
  watch.ready = pattern(f.ready.read(map), field + ".ready");
  for (const std::string& text : f.fail_on.read(map)) watch.fail_on.push_back(pattern(text, field + ".fail_on"));
  if (auto pid_file = f.pid_file.find(map)) watch.pid_file = fs::path(*pid_file);
  return watch;
}

LogWatchStart begin_log_watch(StepContext& context, const LogWatch& watch) {
  CheckpointStore& checkpoints = context.checkpoints;
  if (auto offset = checkpoints.get(offset_key)) {
    return {{number_from_checkpoint(*offset), number_from_checkpoint(checkpoints.get(line_key).value_or("1"))},
            pid_from_checkpoint(checkpoints.get(stale_pid_key).value_or("none")), true};
  }
  LogWatchStart start{LogFollower::end_of(*context.services.files, watch.file), std::nullopt};
  if (watch.pid_file) {
    std::optional<pid_t> pid = pid_named_by(*context.services.files, *watch.pid_file);
    if (pid && !context.services.processes->running(*pid)) start.stale_pid = pid;
  }
  checkpoints.put_all({{offset_key, std::to_string(start.from.offset)},
                       {line_key, std::to_string(start.from.line)},
                       {stale_pid_key, pid_text(start.stale_pid)}});
  return start;
}

bool watched_server_runs(const LogWatch& watch, const LogWatchStart& start, const StepServices& services) {
  if (!watch.pid_file) return false;
  std::optional<pid_t> pid = pid_named_by(*services.files, *watch.pid_file);
  return pid && pid != start.stale_pid && services.processes->running(*pid);
}

WaitProbe log_watch_probe(const LogWatch& watch, const LogWatchStart& start, const StepServices& services) {
  auto follower = std::make_shared<LogFollower>(*services.files, watch.file, start.from);
  WaitProbe probe{"the log " + watch.file.string(), "showed no line matching '" + watch.ready.text + "'", {}};
  probe.attempt = [watch, start, services, follower](std::chrono::milliseconds) -> std::optional<std::string> {
    for (const LogLine& line : follower->read_new_lines()) {
      for (const LogPattern& fail : watch.fail_on)
        if (std::regex_search(line.text, fail.regex))
          throw StepFailure(Kind::Failed, watch.file.string() + ":" + std::to_string(line.number) +
                                              ": the log shows a failure (fail_on '" + fail.text + "'): " + line.text);
      if (std::regex_search(line.text, watch.ready.regex)) return std::nullopt;
    }
    check_server_runs(watch, start, services, *follower);
    std::string restarted = follower->restarts() ? "it was truncated or replaced and read again from its start; " : "";
    return restarted + last_lines_text(*follower);
  };
  return probe;
}

std::optional<pid_t> begin_process_gone(StepContext& context, const fs::path& pid_file) {
  if (auto recorded = context.checkpoints.get(process_gone_key)) return pid_from_checkpoint(*recorded);
  std::optional<pid_t> pid = pid_named_by(*context.services.files, pid_file);
  context.checkpoints.put(process_gone_key, pid_text(pid));
  return pid;
}

WaitProbe process_gone_probe(const fs::path& pid_file, std::optional<pid_t> pid, const StepServices& services) {
  if (!pid) return {"the process of " + pid_file.string() + " (there was none)", "", [](auto) { return std::nullopt; }};
  return {"the exit of process " + std::to_string(*pid) + " (pid file " + pid_file.string() + ")", "did not happen",
          [pid = *pid, processes = services.processes](std::chrono::milliseconds) -> std::optional<std::string> {
            if (!processes->running(pid)) return std::nullopt;
            return "";
          }};
}

void forget_checkpoints(StepContext& context) {
  for (const auto& [key, value] : context.checkpoints.list()) context.checkpoints.remove(key);
}

}  // namespace planrun
