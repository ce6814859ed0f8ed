// Field names are part of the plan format: add fields, never rename them.

#include "interpreter/steps/assert_servers_stopped/assert_servers_stopped_step.h"
#include "interpreter/steps/assert_servers_stopped/assert_servers_stopped_fields.h"

#include <charconv>
#include <fstream>
#include <sstream>

#include "interpreter/carbon/carbon_datasource.h"
#include "interpreter/carbon/carbon_ports.h"
#include "interpreter/net/tcp_connection.h"
#include "interpreter/process/process_liveness.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/step_kit/step_field.h"
#include "interpreter/step_kit/step_secret_masker.h"

namespace planrun {
namespace {

namespace fs = std::filesystem;
using Kind = StepFailure::Kind;

const AssertServersStoppedFields& fields() { return assert_servers_stopped_fields(); }

// How long one port may take to answer; a port that neither accepts nor refuses by then is a
// failure, since nobody can tell whether a server runs behind it.
constexpr auto connect_limit = std::chrono::seconds(3);

// What the step found: servers still running, and notes for the log.
struct Findings {
  std::vector<std::string> running;
  std::vector<std::string> unknown;
  std::vector<std::string> notes;
};

void check_pid_file(const fs::path& file, Findings& findings) {
  std::ifstream in(file);
  if (!in) {
    findings.notes.push_back("no pid file " + file.string() + ": no server started from there");
    return;
  }
  std::string text;
  in >> text;
  std::optional<pid_t> found = pid_in(text);
  if (!found) {
    findings.unknown.push_back("the pid file " + file.string() + " holds '" + text.substr(0, 40) + "', not a process id");
    return;
  }
  pid_t pid = *found;
  if (process_alive(pid)) findings.running.push_back("process " + std::to_string(pid) + " (pid file " + file.string() + ") is running");
  else findings.notes.push_back("the pid file " + file.string() + " names process " + std::to_string(pid) + ", which is gone: passes");
}

HostPort address_of(const Value& port, const std::string& host) {
  if (port.is_int()) {
    if (port.as_int() < 1 || port.as_int() > 65535) throw StepFailure(Kind::Failed, "ports: " + port.display() + " is not a port");
    return {host, static_cast<uint16_t>(port.as_int())};
  }
  std::string text = port.to_text();
  uint16_t number = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error == std::errc() && end == text.data() + text.size() && number > 0) return {host, number};
  std::optional<HostPort> address = parse_host_port(text);
  if (!address) throw StepFailure(Kind::Failed, "ports: '" + text + "' is neither a port nor host:port");
  return *address;
}

std::string shown(const HostPort& address) {
  bool ipv6 = address.host.find(':') != std::string::npos;
  return (ipv6 ? "[" + address.host + "]" : address.host) + ":" + std::to_string(address.port);
}

void check_port(const HostPort& address, Findings& findings) {
  try {
    TcpConnection::connect(address, std::chrono::steady_clock::now() + connect_limit);
    findings.running.push_back(shown(address) + " accepts connections");
  } catch (const NetError& error) {
    if (connection_refused(error)) return;
    findings.unknown.push_back("cannot tell whether a server listens on " + shown(address) + ": " + error.what());
  }
}

// The ports of the Carbon installation in `carbon_home`, if given; a failure names its carbon.xml.
std::optional<CarbonPorts> carbon_ports_given(const Value::Map& given) {
  std::optional<fs::path> home = fields().carbon_home.find(given);
  if (!home) return std::nullopt;
  try {
    return carbon_ports_of(*home);
  } catch (const CarbonConfigError& error) {
    throw StepFailure(Kind::Failed, error.what());
  }
}

// The same for a dry run, where the installation may not be there yet: then a line says what
// the run will read, and the run says what is wrong if it still cannot.
std::optional<CarbonPorts> carbon_ports_to_describe(const Value::Map& given, std::vector<std::string>& lines) {
  std::optional<fs::path> home = fields().carbon_home.find(given);
  if (!home) return std::nullopt;
  fs::path carbon_xml = *home / "repository" / "conf" / "carbon.xml";
  std::error_code ignored;
  if (fs::exists(carbon_xml, ignored)) {
    try {
      return carbon_ports_of(*home);
    } catch (const CarbonConfigError&) {
    }
  }
  lines.push_back("would check the HTTPS and HTTP ports in " + carbon_xml.string());
  return std::nullopt;
}

std::vector<std::string> pid_files(const Value::Map& given) {
  std::vector<std::string> files = fields().pid_files.find(given).value_or(std::vector<std::string>{});
  if (auto home = fields().carbon_home.find(given)) files.insert(files.begin(), (*home / "wso2carbon.pid").string());
  return files;
}

std::vector<HostPort> addresses(const Value::Map& given, const std::optional<CarbonPorts>& carbon) {
  std::vector<HostPort> out;
  std::string host = fields().host.read(given);
  if (carbon) out = {{host, static_cast<uint16_t>(carbon->https)}, {host, static_cast<uint16_t>(carbon->http)}};
  if (!fields().ports.given(given)) return out;
  Value ports = fields().ports.read(given);
  if (!ports.is_list()) throw StepFailure(Kind::Failed, "field 'ports' holds " + ports.display() + ", not a list");
  for (const Value& port : ports.as_list()) out.push_back(address_of(port, host));
  return out;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? "; " : "") + items[i];
  return out;
}

}  // namespace

const StepSchema& AssertServersStoppedStep::schema() const { return assert_servers_stopped_schema(); }

std::vector<std::string> AssertServersStoppedStep::describe(const DescribeContext& context) const {
  std::vector<std::string> lines;
  for (const std::string& file : pid_files(context.fields)) lines.push_back("would check that no process named in " + file + " runs");
  std::optional<CarbonPorts> carbon = carbon_ports_to_describe(context.fields, lines);
  std::vector<std::string> ports;
  for (const HostPort& address : addresses(context.fields, carbon)) ports.push_back(shown(address));
  if (!ports.empty()) lines.push_back("would check that nothing accepts connections on " + joined(ports));
  for (std::string& line : lines) line = context.masker.mask(line);
  return lines;
}

void AssertServersStoppedStep::run(StepContext& context) const {
  StepSecretMasker masker(context);
  Findings findings;
  for (const std::string& file : pid_files(context.fields)) check_pid_file(file, findings);
  std::optional<CarbonPorts> carbon = carbon_ports_given(context.fields);
  if (carbon) {
    context.outputs["https_port"] = Value(carbon->https);
    context.outputs["http_port"] = Value(carbon->http);
    context.outputs["port_offset"] = Value(carbon->https - CarbonPorts{}.https);
  }
  std::vector<HostPort> ports = addresses(context.fields, carbon);
  for (const HostPort& address : ports) check_port(address, findings);
  for (const std::string& note : findings.notes) context.log.info(masker.mask(note));
  std::vector<std::string> problems = findings.running;
  problems.insert(problems.end(), findings.unknown.begin(), findings.unknown.end());
  if (!problems.empty()) {
    std::string count = findings.running.size() == 1 ? "a server still runs" : std::to_string(findings.running.size()) + " servers still run";
    std::string lead = findings.running.empty() ? "cannot tell that the servers are stopped" : count + " (stop every server connected to the database first)";
    throw StepFailure(Kind::Precondition, masker.mask(lead + ": " + joined(problems)));
  }
  context.log.info(masker.mask("no server runs (" + std::to_string(ports.size()) + " ports tried)"));
}

}  // namespace planrun
