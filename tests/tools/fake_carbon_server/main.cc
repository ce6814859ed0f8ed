// A stand-in for a WSO2 Carbon 4.4 server, for tests and the demo, as strict as Carbon where an
// upgrade plan can go wrong. bin/wso2server.sh (written by scripts/make-carbon-home.sh) starts it:
//
//   fake-carbon-server --home PRODUCT_HOME [-DportOffset=N] [-Dname=value...]
//   fake-carbon-server --make-jar OUT.jar CLASS...     (fixtures: a jar holding stub classes)
//
// Like Carbon (org.wso2.carbon.server.Main and the components it starts):
// - it writes PRODUCT_HOME/wso2carbon.pid first, and never removes it (Carbon leaves it behind
//   after a stop or a failed start; the launcher and planrun look at whether the pid runs);
// - it takes its time: FAKE_CARBON_START_DELAY_MS (default 3000) before start-up, as a JVM
//   takes tens of seconds; plans must wait for it;
// - it logs into PRODUCT_HOME/repository/logs/wso2carbon.log (appended, carbon_log.h's format)
//   "Starting WSO2 Carbon...", then checks what Carbon needs (carbon_startup.h): every
//   datasource in use (user-mgt.xml, registry.xml and its remote instances) has its JDBC
//   driver's jar in repository/components/lib and logs in to the real database with the
//   configured url, username and password; carbon.xml's primary key store opens and decrypts
//   every encrypted secondary user store property (super tenant and tenants). Each failure is an
//   ERROR line naming the datasource, file or key store and the cause; after any, it never
//   logs "started" and exits 1;
// - otherwise it listens on 127.0.0.1 (HTTPS 9443 + offset, HTTP 9763 + offset; the offset of
//   -DportOffset=N, else carbon.xml <Ports><Offset>) and logs "WSO2 Carbon started in N sec" and
//   "Mgt Console URL  : https://localhost:PORT/carbon/" (carbon_http_server.h: what it answers);
// - SIGTERM: it logs the shutdown, keeps its ports FAKE_CARBON_STOP_DELAY_MS (default 1000)
//   longer, as a JVM does while it shuts down, then exits 0.

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "interpreter/carbon/carbon_xml_file.h"
#include "tests/tools/fake_carbon_server/carbon_http_server.h"
#include "tests/tools/fake_carbon_server/carbon_log.h"
#include "tests/tools/fake_carbon_server/carbon_startup.h"
#include "tests/tools/fake_carbon_server/driver_jars.h"

namespace planrun::fake_carbon {
namespace {

namespace fs = std::filesystem;

volatile sig_atomic_t stopping = 0;

int milliseconds_from_environment(const char* name, int fallback) {
  const char* text = std::getenv(name);
  if (!text || !*text) return fallback;
  char* end = nullptr;
  long value = std::strtol(text, &end, 10);
  return *end == '\0' && value >= 0 ? static_cast<int>(value) : fallback;
}

// Sleeps `milliseconds`, or less when a stop is asked for (unless `even_when_stopping`).
void pause_for(int milliseconds, bool even_when_stopping = false) {
  auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(milliseconds);
  while (std::chrono::steady_clock::now() < until && (even_when_stopping || !stopping))
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
}

void write_pid_file(const fs::path& file) {
  fs::path temporary = file.string() + ".tmp";
  std::ofstream(temporary) << ::getpid() << "\n";
  fs::rename(temporary, file);
}

// "WSO2 Carbon-4.4.7": carbon.xml's <Name>-<Version>, as Carbon's "Server :" line shows.
std::string server_name(const fs::path& home) {
  try {
    CarbonXmlFile xml(home / "repository" / "conf" / "carbon.xml", "configuration file");
    pugi::xml_node server = xml.document.child("Server");
    return trimmed_text(server.child_value("Name")) + "-" + trimmed_text(server.child_value("Version"));
  } catch (const std::exception&) {
    return "WSO2 Carbon";
  }
}

struct Arguments {
  fs::path home;
  std::optional<int> port_offset;
};

std::optional<Arguments> parse_arguments(int argc, char** argv) {
  if (argc < 3 || std::string(argv[1]) != "--home") return std::nullopt;
  Arguments arguments{fs::absolute(argv[2]).lexically_normal(), std::nullopt};
  for (int i = 3; i < argc; ++i) {
    std::string argument = argv[i];
    if (!argument.starts_with("-DportOffset=")) continue;  // other -D system properties change nothing here
    std::string value = argument.substr(13);
    if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos || value.size() > 5) return std::nullopt;
    arguments.port_offset = std::stoi(value);
  }
  return arguments;
}

void shut_down(CarbonLog& log) {
  log.info("org.wso2.carbon.core.init.CarbonServerManager", "Shutdown hook triggered....");
  log.info("org.wso2.carbon.core.init.CarbonServerManager", "Gracefully shutting down WSO2 Carbon...");
  pause_for(milliseconds_from_environment("FAKE_CARBON_STOP_DELAY_MS", 1000), true);
  log.info("org.wso2.carbon.core.init.CarbonServerManager", "Shutdown complete");
  log.info("org.wso2.carbon.core.init.CarbonServerManager", "Halting JVM");
}

int run_server(const Arguments& arguments) {
  auto started_at = std::chrono::steady_clock::now();
  write_pid_file(arguments.home / "wso2carbon.pid");
  pause_for(milliseconds_from_environment("FAKE_CARBON_START_DELAY_MS", 3000));
  CarbonLog log(arguments.home);
  if (stopping) return shut_down(log), 0;
  std::optional<CarbonStartup> startup = start_up(arguments.home, arguments.port_offset, log);
  if (!startup) return 1;
  std::optional<CarbonHttpServer> server;
  try {
    server.emplace(*startup);
  } catch (const std::runtime_error& error) {
    log.error("org.apache.catalina.core.StandardService", error.what());
    return 1;
  }
  long seconds = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started_at).count();
  log.info("org.wso2.carbon.core.internal.StartupFinalizerServiceComponent", "Server           :  " + server_name(arguments.home));
  log.info("org.wso2.carbon.core.internal.StartupFinalizerServiceComponent", "WSO2 Carbon started in " + std::to_string(seconds) + " sec");
  log.info("org.wso2.carbon.ui.internal.CarbonUIServiceComponent",
           "Mgt Console URL  : https://localhost:" + std::to_string(startup->https_port) + "/carbon/");
  server->serve_until([] { return stopping != 0; }, log);
  shut_down(log);  // the ports stay bound until the server is gone, as the JVM's do
  return 0;
}

int make_jar(int argc, char** argv) {
  try {
    write_jar(argv[2], std::vector<std::string>(argv + 3, argv + argc));
    return 0;
  } catch (const std::runtime_error& error) {
    std::cerr << "fake-carbon-server: " << error.what() << "\n";
    return 1;
  }
}

}  // namespace
}  // namespace planrun::fake_carbon

int main(int argc, char** argv) {
  using namespace planrun::fake_carbon;
  if (argc >= 3 && std::string(argv[1]) == "--make-jar") return make_jar(argc, argv);
  std::optional<Arguments> arguments = parse_arguments(argc, argv);
  if (!arguments) {
    std::cerr << "usage: fake-carbon-server --home PRODUCT_HOME [-DportOffset=N]\n"
                 "       fake-carbon-server --make-jar OUT.jar CLASS...\n";
    return 2;
  }
  struct sigaction stop {};
  stop.sa_handler = [](int) { stopping = 1; };
  sigaction(SIGTERM, &stop, nullptr);
  sigaction(SIGINT, &stop, nullptr);
  signal(SIGPIPE, SIG_IGN);
  return run_server(*arguments);
}
