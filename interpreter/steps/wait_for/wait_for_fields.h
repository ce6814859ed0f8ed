#pragma once

#include <chrono>
#include <string>

#include "interpreter/step_kit/schema_parts.h"
#include "interpreter/step_kit/step_field.h"
#include "interpreter/step_kit/step_schema.h"

namespace planrun {

// The fields of `wait-for`, declared once: the schema is made of them and the action reads them.
struct WaitForFields {
  StepField<std::string> tcp = StepField<std::string>::optional(
      "tcp", types::string(), "host:port that must accept a connection, e.g. localhost:9443");
  StepField<Value> http =
      StepField<Value>::optional("http", http_probe_type(false), "a URL that must answer with a status");
  StepField<std::string> file = StepField<std::string>::optional("file", types::path(), "a file that must exist");
  StepField<Value> log = StepField<Value>::optional(
      "log", log_watch_type(),
      "a log that must show a `ready` line, followed from where it ended when the step first started (a server "
      "started elsewhere)");
  StepField<std::string> process_gone = StepField<std::string>::optional(
      "process_gone", types::path(),
      "a pid file: the process it names when the step first starts must exit (none there: nothing to wait for)");
  StepField<std::string> tcp_closed = StepField<std::string>::optional(
      "tcp_closed", types::string(), "host:port that must refuse connections (a stopped server's port)");
  StepField<std::chrono::milliseconds> timeout =
      StepField<std::chrono::milliseconds>::with_default("timeout", types::duration(), "5m",
                                                         "how long to wait before the step fails")
          .as_tuning();
  StepField<std::chrono::milliseconds> interval =
      StepField<std::chrono::milliseconds>::with_default("interval", types::duration(), "1s", "pause between tries")
          .as_tuning();
};

// The one instance, which the schema is made of and the action reads.
const WaitForFields& wait_for_fields();
// `wait-for` in the catalogue: its fields, effect and outputs (compiler, explain, fingerprint).
const StepSchema& wait_for_schema();

}  // namespace planrun
