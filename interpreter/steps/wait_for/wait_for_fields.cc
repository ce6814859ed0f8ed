// The catalogue entry of `wait-for`: no database client or archive library is linked from here.

#include "interpreter/steps/wait_for/wait_for_fields.h"

namespace planrun {

const WaitForFields& wait_for_fields() {
  static const WaitForFields declared;
  return declared;
}

const StepSchema& wait_for_schema() {
  const WaitForFields& f = wait_for_fields();
  static const StepSchema schema = make_step_schema(
      "wait-for", 1, "waits for a TCP port, an HTTP status, a file, a log line, a process to exit or a port to close, with a timeout",
      StepSchema::Effect::Check,
      {f.tcp.spec(), f.http.spec(), f.file.spec(), f.log.spec(), f.process_gone.spec(), f.tcp_closed.spec(),
       f.timeout.spec(), f.interval.spec()},
      {{f.tcp.name(), f.http.name(), f.file.name(), f.log.name(), f.process_gone.name(), f.tcp_closed.name()}},
      {"waited_ms"});
  return schema;
}

}  // namespace planrun
