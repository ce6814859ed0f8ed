#pragma once

#include "interpreter/step_kit/step_field.h"
#include "interpreter/values/type_spec.h"

namespace planrun {

// Field types that several step types share, so each is declared once.

// A command: a list runs as argv, a string with /bin/sh -c (run, smoke-test checks).
TypeSpec command_line_type();
// Whether a field's type is command_line_type: a command line planrun starts, which every local
// user can read in /proc, so `check` warns when a secret reaches one, in any step type. No other
// field is "a string or a list of strings", so that shape is how a command line is known.
bool is_command_line_type(const TypeSpec& type);
// The exit codes that count as success, default [0] (run, smoke-test checks).
const StepField<std::vector<int64_t>>& expect_exit_field();
// The fields of an HTTP endpoint to probe, declared once: http_probe_type is made of them and
// wait-for reads a probe through them.
struct HttpProbeFields {
  StepField<std::string> url = StepField<std::string>::required("url", types::string(), "the URL to request");
  StepField<int64_t> status =
      StepField<int64_t>::with_default("status", types::integer(), 200, "the HTTP status the answer must have");
  StepField<bool> insecure = StepField<bool>::with_default(
      "insecure", types::boolean(), false, "accept any TLS certificate (a fresh server's self-signed one)");
};
const HttpProbeFields& http_probe_fields();

// An HTTP endpoint to probe (wait-for); smoke tests can also look into the body.
TypeSpec http_probe_type(bool with_contains);

// The fields of a log to follow until a server says it is ready (step_kit/log_watch.h),
// declared once: log_watch_type is made of them; run's `wait.log` and wait-for's `log` are one.
struct LogWatchFields {
  StepField<std::string> file =
      StepField<std::string>::required("file", types::path(), "the log to follow; only lines written after the wait began count");
  StepField<std::string> ready = StepField<std::string>::required(
      "ready", types::string(), "a regular expression (ECMAScript): the first new line that matches it ends the wait");
  StepField<std::vector<std::string>> fail_on = StepField<std::vector<std::string>>::with_default(
      "fail_on", types::list_of(types::string()), Value::List{Value("\\b(ERROR|FATAL)\\b")},
      "regular expressions: a new line matching one fails the step at once, naming the line; [] for none");
  StepField<std::string> pid_file = StepField<std::string>::optional(
      "pid_file", types::path(),
      "the server's pid file: the step fails when the process it names is gone (a pid it named of a process "
      "already gone when the wait began is stale and does not count)");
};
const LogWatchFields& log_watch_fields();
// A log to follow: file, ready, fail_on, pid_file.
TypeSpec log_watch_type();

}  // namespace planrun
