#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "interpreter/step_kit/step_field.h"
#include "interpreter/step_kit/step_schema.h"

namespace planrun {

// The fields of `assert-servers-stopped`, declared once. Neither list is required: a plan may
// know only pid files or only ports.
struct AssertServersStoppedFields {
  StepField<std::vector<std::string>> pid_files = StepField<std::vector<std::string>>::optional(
      "pid_files", types::list_of(types::path()),
      "pid files of the servers: one naming a live process means a server runs");
  StepField<Value> ports = StepField<Value>::optional(
      "ports", types::list_of(types::one_of({types::integer(), types::string()})),
      "ports of the servers: a port (on `host`) or host:port (another node of the cluster) that accepts a "
      "connection means a server runs; ${carbon_ports(home)} reads an installation's");
  StepField<std::filesystem::path> carbon_home = StepField<std::filesystem::path>::optional(
      "carbon_home", types::path(),
      "a Carbon installation whose server must be stopped: its wso2carbon.pid, and its HTTPS and HTTP ports "
      "from repository/conf/carbon.xml, read when the step runs");
  StepField<std::string> host =
      StepField<std::string>::with_default("host", types::string(), "127.0.0.1", "the host whose bare ports are tried");
};

// The one instance, which the schema is made of and the action reads.
const AssertServersStoppedFields& assert_servers_stopped_fields();
// `assert-servers-stopped` in the catalogue: its fields, effect and outputs (compiler, explain, fingerprint).
const StepSchema& assert_servers_stopped_schema();

}  // namespace planrun
