#pragma once

#include <chrono>
#include <map>
#include <string>

#include "interpreter/step_kit/schema_parts.h"
#include "interpreter/step_kit/step_field.h"
#include "interpreter/step_kit/step_schema.h"

namespace planrun {

// The fields of `run`'s `wait`: what must happen after the command, for a command that starts
// or stops a server in the background and returns before it is up or down.
struct RunWaitFields {
  StepField<Value> log = StepField<Value>::optional(
      "log", log_watch_type(),
      "the server's log, followed from where it ended before the command ran, until a `ready` line");
  StepField<std::string> process_gone = StepField<std::string>::optional(
      "process_gone", types::path(),
      "a pid file, read before the command runs: the process it names must exit (a stop that returns at once)");
  StepField<std::chrono::milliseconds> timeout =
      StepField<std::chrono::milliseconds>::with_default("timeout", types::duration(), "5m",
                                                         "how long to wait after the command before the step fails")
          .as_tuning();
  StepField<std::chrono::milliseconds> interval =
      StepField<std::chrono::milliseconds>::with_default("interval", types::duration(), "1s", "pause between looks")
          .as_tuning();
};
const RunWaitFields& run_wait_fields();

// The fields of `run`, declared once: the schema is made of them and the action reads them.
struct RunFields {
  StepField<Value> command = StepField<Value>::required(
      "command", command_line_type(), "the command: a list runs as argv directly, a string runs with /bin/sh -c");
  StepField<std::map<std::string, std::string>> env = StepField<std::map<std::string, std::string>>::optional(
      "env", types::map_of(types::string()), "environment variables added to planrun's own");
  // Defaulted rather than optional: the directory a command runs in is part of what it does,
  // so the fingerprint sees it (made absolute) and a run from another folder is not up to date.
  StepField<std::string> cwd = StepField<std::string>::with_default(
      "cwd", types::path(), ".", "working directory (default: the directory planrun runs in)");
  StepField<std::chrono::milliseconds> timeout =
      StepField<std::chrono::milliseconds>::optional("timeout", types::duration(),
                                                     "stop the command when it runs longer (default: no limit)")
          .as_tuning();
  StepField<Value> wait = StepField<Value>::optional(
      "wait", types::object({run_wait_fields().log.spec(), run_wait_fields().process_gone.spec(),
                             run_wait_fields().timeout.spec(), run_wait_fields().interval.spec()}),
      "after the command: wait for its server's log to say it is ready (log) and/or for a process to exit "
      "(process_gone); a resumed step does not run the command again once it ran");
};

// The one instance, which the schema is made of and the action reads.
const RunFields& run_fields();
// `run` in the catalogue: its fields, effect and outputs (compiler, explain, fingerprint).
const StepSchema& run_schema();

}  // namespace planrun
