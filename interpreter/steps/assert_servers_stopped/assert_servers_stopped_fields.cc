// The catalogue entry of `assert-servers-stopped`: no database client or archive library is linked from here.

#include "interpreter/steps/assert_servers_stopped/assert_servers_stopped_fields.h"

namespace planrun {

const AssertServersStoppedFields& assert_servers_stopped_fields() {
  static const AssertServersStoppedFields declared;
  return declared;
}

const StepSchema& assert_servers_stopped_schema() {
  const AssertServersStoppedFields& f = assert_servers_stopped_fields();
  static const StepSchema schema = make_step_schema(
      "assert-servers-stopped", 1, "fails while any server of the old installation runs (pid files, ports)",
      StepSchema::Effect::Check, {f.carbon_home.spec(), f.pid_files.spec(), f.ports.spec(), f.host.spec()}, {},
      {"https_port", "http_port", "port_offset"});
  return schema;
}

}  // namespace planrun
