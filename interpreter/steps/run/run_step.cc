// A command is External to planrun: it cannot see into it, so a re-run after a crash runs the
// whole command again; plans make such commands safe to repeat. With a `wait` (a server
// started in the background), the command's end is a checkpoint, and a resume only waits.

#include "interpreter/steps/run/run_step.h"
#include "interpreter/steps/run/run_fields.h"

#include <string.h>  // sigabbrev_np

#include <algorithm>
#include <cctype>

#include "interpreter/step_kit/log_watch.h"
#include "interpreter/step_kit/processes.h"
#include "interpreter/step_kit/wait_loop.h"
#include "interpreter/values/duration.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/step_kit/step_field.h"
#include "interpreter/step_kit/command_text.h"
#include "interpreter/step_kit/schema_parts.h"
#include "interpreter/steps/run/step_log_file.h"
#include "interpreter/step_kit/step_secret_masker.h"
#include "interpreter/step_kit/step_time_limit.h"

namespace planrun {
namespace {

using Clock = std::chrono::steady_clock;
using Kind = StepFailure::Kind;
using std::chrono::milliseconds;

const RunFields& fields() { return run_fields(); }

constexpr size_t stdout_output_limit = 64 * 1024;

// The end of a command's stdout in whole lines, at most the limit: outputs.stdout.
class OutputTail {
 public:
  void add(const std::string& line) {
    text_ += line;
    text_ += '\n';
    if (text_.size() > 2 * stdout_output_limit) trim();
  }
  // The lines joined by newlines, without a last one (as $(command) in a shell gives them).
  std::string text() {
    trim();
    if (!text_.empty()) text_.pop_back();
    return text_;
  }

 private:
  void trim() {
    if (text_.size() <= stdout_output_limit) return;
    size_t start = text_.size() - stdout_output_limit;
    if (text_[start - 1] != '\n') {  // begin at the next whole line, unless the last line alone is too long
      size_t newline = text_.find('\n', start);
      if (newline + 1 < text_.size()) start = newline + 1;
    }
    text_.erase(0, start);
  }
  std::string text_;
};

ProcessSpec process_spec(const StepContext& context, const StepTimeLimit& limit) {
  ProcessSpec spec;
  Value command = fields().command.read(context.fields);
  spec.argv = command.is_string() ? shell_command(command.as_string())
                                  : value_as<std::vector<std::string>>(command, "command");
  spec.env = fields().env.find(context.fields).value_or(std::map<std::string, std::string>{});
  // Relative, like every path in a plan, to the directory planrun runs in (README), so that a
  // relative path passed as an argument means the same to the command as to planrun.
  if (auto cwd = fields().cwd.find(context.fields)) spec.cwd = *cwd;
  spec.deadline = limit.deadline;
  spec.cancel = &context.cancel;
  return spec;
}

std::string signal_name(int signal) {
  const char* abbreviation = sigabbrev_np(signal);
  return abbreviation ? "SIG" + std::string(abbreviation) : "an unknown signal";
}

// Throws the failure that `result` means, if it means one.
void check_result(const ProcessResult& result, const std::vector<int64_t>& expected, const StepTimeLimit& limit) {
  if (!result.started()) throw StepFailure(Kind::Failed, result.start_error);
  if (result.timed_out)
    throw StepFailure(Kind::TimedOut, "command did not finish within " + limit.text + "; it was stopped");
  if (result.cancelled) throw StepFailure(Kind::Cancelled, "the run was interrupted; the command was stopped");
  if (result.signal)
    throw StepFailure(Kind::Failed, "command was killed by signal " + std::to_string(*result.signal) + " (" +
                                        signal_name(*result.signal) + ")");
  if (!result.exit_code) throw StepFailure(Kind::Failed, "command ended, but its exit status was lost");
  if (std::find(expected.begin(), expected.end(), *result.exit_code) == expected.end())
    throw StepFailure(Kind::Failed, "command exited with status " + std::to_string(*result.exit_code) +
                                        " (expected " + listed_codes(expected) + ")");
}

// Runs the command to its end: its output to the log, exit_code and stdout to the outputs.
void run_command(StepContext& context) {
  Clock::time_point start = Clock::now();
  StepTimeLimit limit = StepTimeLimit::of(context, fields().timeout.find(context.fields), start);
  ProcessSpec spec = process_spec(context, limit);
  std::vector<int64_t> expected = expect_exit_field().read(context.fields);
  StepSecretMasker masker(context);
  std::string running = "running: " + command_line(fields().command.read(context.fields), masker);
  context.log.info(running);
  StepLogFile log_file(context.run_dir, context.step.id, running);
  OutputTail stdout_tail;
  ProcessResult result = context.services.processes->run(spec, [&](OutputStream stream, const std::string& line) {
    std::string masked = masker.mask(line);
    context.log.output(masked);
    log_file.write(masked);
    if (stream == OutputStream::Stdout) stdout_tail.add(masked);
  });
  if (result.output_left_open)
    context.log.warn("the command left processes behind that hold its output open; redirect the output of "
                     "background processes it starts, or their later output is lost");
  if (result.exit_code) context.outputs["exit_code"] = Value(static_cast<int64_t>(*result.exit_code));
  context.outputs["stdout"] = Value(stdout_tail.text());
  check_result(result, expected, limit);
}

const std::string exit_code_key = "command.exit_code";
const std::string stdout_key = "command.stdout";

// The wait after the command: its probes begin (the log's end, the pid file's process) before
// the command runs, recorded in the checkpoints so that a resumed step keeps them.
struct RunWait {
  WaitProbe probe;
  milliseconds timeout;
  milliseconds interval;
  bool server_runs_already = false;  // resumed, and the pid file names a live server
};

RunWait begin_wait(StepContext& context) {
  Value given = fields().wait.read(context.fields);
  if (!given.is_map()) throw StepFailure(Kind::Failed, "field 'wait' holds " + given.display() + ", not a map");
  const RunWaitFields& f = run_wait_fields();
  const Value::Map& wait = given.as_map();
  std::vector<WaitProbe> probes;
  bool server_runs_already = false;
  if (auto log = f.log.find(wait)) {
    LogWatch watch = read_log_watch(*log, "wait.log");
    LogWatchStart start = begin_log_watch(context, watch);
    // Where this start's lines begin, for a later check of the log ("no ERROR since the start").
    context.outputs["log_offset"] = Value(static_cast<int64_t>(start.from.offset));
    server_runs_already = start.resumed && watched_server_runs(watch, start, context.services);
    probes.push_back(log_watch_probe(watch, start, context.services));
  }
  if (auto pid_file = f.process_gone.find(wait))
    probes.push_back(process_gone_probe(*pid_file, begin_process_gone(context, *pid_file), context.services));
  if (probes.empty()) throw StepFailure(Kind::Failed, "wait needs log or process_gone (or both)");
  return RunWait{all_of(std::move(probes)), f.timeout.read(wait), f.interval.read(wait), server_runs_already};
}

// Runs the command unless an earlier attempt ran it (its checkpoint says so), or was stopped
// while it ran and the server it started runs (the pid file says so): a server is started once,
// however often planrun is stopped while it starts it or waits for it.
void run_command_once(StepContext& context, const RunWait& wait) {
  if (!context.checkpoints.get(exit_code_key) && wait.server_runs_already) {
    context.log.info("the interrupted attempt's command started the server (its pid file names a running "
                     "process); not running the command again");
    return;
  }
  if (auto exit_code = context.checkpoints.get(exit_code_key)) {
    context.outputs["exit_code"] = Value(static_cast<int64_t>(std::stoll(*exit_code)));
    context.outputs["stdout"] = Value(context.checkpoints.get(stdout_key).value_or(""));
    context.log.info("the command ran in an earlier attempt (exit status " + *exit_code + "); not running it again");
    return;
  }
  run_command(context);
  context.checkpoints.put_all(
      {{exit_code_key, std::to_string(context.outputs.at("exit_code").as_int())}, {stdout_key, context.outputs.at("stdout").as_string()}});
}

}  // namespace

const StepSchema& RunStep::schema() const { return run_schema(); }

std::vector<std::string> RunStep::describe(const DescribeContext& context) const {
  std::string command = command_line(fields().command.read(context.fields), context.masker);
  std::optional<Value> wait = fields().wait.find(context.fields);
  if (!wait || !wait->is_map()) return {"would run: " + command};
  auto ran = context.checkpoints.find(exit_code_key);
  std::vector<std::string> lines{ran == context.checkpoints.end()
                                     ? "would run: " + command
                                     : "would not run " + command + " again: it ran in the interrupted attempt"};
  const RunWaitFields& f = run_wait_fields();
  std::string timeout = " (up to " + format_duration(f.timeout.read(wait->as_map())) + ")";
  if (auto log = f.log.find(wait->as_map())) {
    LogWatch watch = read_log_watch(*log, "wait.log");
    lines.push_back(context.masker.mask("then would wait for a line matching '" + watch.ready.text + "' in " +
                                        watch.file.string() + timeout));
  }
  if (auto pid_file = f.process_gone.find(wait->as_map()))
    lines.push_back(context.masker.mask("then would wait for the process of pid file " + *pid_file + " to exit" + timeout));
  return lines;
}

// With a `wait`, what the wait begins from is recorded before the command runs, and that the
// command ran after it: a failure forgets both, so that running the step again starts over;
// an interruption while waiting keeps them, so that a resume only waits.
void RunStep::run(StepContext& context) const {
  if (context.cancel.requested()) throw StepFailure(Kind::Cancelled, "the run was interrupted before the command started");
  if (!fields().wait.given(context.fields)) return run_command(context);
  bool command_ran = false;
  try {
    RunWait wait = begin_wait(context);
    run_command_once(context, wait);
    command_ran = true;
    wait_until_ready(context, wait.probe, wait.timeout, wait.interval);
  } catch (const StepFailure& failure) {
    if (failure.kind != Kind::Cancelled || !command_ran) forget_checkpoints(context);
    throw;
  }
}

}  // namespace planrun
