// Field names are part of the plan format: add fields, never rename them.

#include "interpreter/steps/assert_servers_stopped_step.h"

#include "interpreter/steps/schema_parts.h"

namespace planrun {

using Effect = StepSchema::Effect;

StepSchema assert_servers_stopped_schema() {
  // Neither field is required: a plan may know only pid files or only ports.
  return {"assert-servers-stopped", 1, "fails while any server of the old installation runs (pid files, ports)",
          Effect::Check,
          types::object({
              optional_field("pid_files", types::list_of(types::path()),
                             "pid files of the servers: one naming a live process means a server runs"),
              optional_field("ports", types::list_of(types::integer()),
                             "ports of the servers: one that accepts a connection means a server runs"),
              default_field("host", types::string(), "127.0.0.1", "the host whose ports are tried"),
          }),
          {}};
}

}  // namespace planrun
