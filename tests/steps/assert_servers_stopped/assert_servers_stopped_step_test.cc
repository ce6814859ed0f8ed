// assert-servers-stopped against processes and listening sockets the test makes.

#include "interpreter/steps/assert_servers_stopped/assert_servers_stopped_step.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

#include "interpreter/step_kit/step_failure.h"
#include "tests/support/step_fixture.h"
#include "tests/support/tcp_test_listener.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;
using Kind = StepFailure::Kind;

// A child process that sleeps until the test kills it.
struct SleepingChild {
  SleepingChild() {
    pid = ::fork();
    if (pid == 0) {
      ::pause();
      ::_exit(0);
    }
  }
  ~SleepingChild() { stop(); }
  void stop() {
    if (pid <= 0) return;
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    pid = -1;
  }
  pid_t pid;
};

class AssertServersStopped : public ::testing::Test {
 protected:
  fs::path pid_file(const std::string& name, const std::string& text) {
    fs::path file = fixture.dir.path() / name;
    std::ofstream(file) << text;
    return file;
  }
  std::string failure_of(Value::Map fields, Kind expected = Kind::Precondition) {
    StepContext context = fixture.context(std::move(fields));
    try {
      AssertServersStoppedStep().run(context);
    } catch (const StepFailure& failure) {
      EXPECT_EQ(failure.kind, expected);
      return failure.what();
    }
    return "no failure";
  }
  static Value list(std::vector<Value> items) { return Value(Value::List(std::move(items))); }

  testing::StepFixture fixture{"assert-servers-stopped"};
};

TEST_F(AssertServersStopped, ALiveProcessInAPidFileFailsNamingThePidAndTheFile) {
  SleepingChild child;
  fs::path file = pid_file("wso2carbon.pid", std::to_string(child.pid) + "\n");
  EXPECT_EQ(failure_of({{"pid_files", list({Value(file.string())})}}),
            "a server still runs (stop every server connected to the database first): process " + std::to_string(child.pid) +
                " (pid file " + file.string() + ") is running");
}

TEST_F(AssertServersStopped, APidFileWhoseProcessIsGonePassesWithANote) {
  SleepingChild child;
  pid_t pid = child.pid;
  child.stop();
  fs::path file = pid_file("wso2carbon.pid", std::to_string(pid));
  StepContext context = fixture.context({{"pid_files", list({Value(file.string())})}});
  AssertServersStoppedStep().run(context);
  EXPECT_EQ(fixture.log.infos.front(),
            "the pid file " + file.string() + " names process " + std::to_string(pid) + ", which is gone: passes");
}

TEST_F(AssertServersStopped, AMissingPidFilePasses) {
  StepContext context = fixture.context({{"pid_files", list({Value((fixture.dir.path() / "none.pid").string())})}});
  AssertServersStoppedStep().run(context);
}

TEST_F(AssertServersStopped, AGarbledPidFileCannotTell) {
  fs::path file = pid_file("bad.pid", "java\n");
  EXPECT_EQ(failure_of({{"pid_files", list({Value(file.string())})}}),
            "cannot tell that the servers are stopped: the pid file " + file.string() + " holds 'java', not a process id");
}

TEST_F(AssertServersStopped, EveryListeningPortIsNamedBarePortsOnHostAndHostPortAsGiven) {
  testing::TcpTestListener first, second;
  uint16_t free = testing::free_port();
  std::string message = failure_of({{"ports", list({Value(int64_t{first.port()}), Value(int64_t{free}),
                                                    Value("127.0.0.1:" + std::to_string(second.port()))})}});
  EXPECT_EQ(message, "2 servers still run (stop every server connected to the database first): 127.0.0.1:" +
                         std::to_string(first.port()) + " accepts connections; 127.0.0.1:" + std::to_string(second.port()) +
                         " accepts connections");
}

TEST_F(AssertServersStopped, ClosedPortsPass) {
  StepContext context = fixture.context(
      {{"ports", list({Value(int64_t{testing::free_port()}), Value("localhost:" + std::to_string(testing::free_port()))})}});
  AssertServersStoppedStep().run(context);
  EXPECT_EQ(fixture.log.infos.back(), "no server runs (2 ports tried)");
}

TEST_F(AssertServersStopped, AMalformedPortFailsTheStepNotTheAssertion) {
  EXPECT_EQ(failure_of({{"ports", list({Value("node2")})}}, Kind::Failed), "ports: 'node2' is neither a port nor host:port");
}

TEST_F(AssertServersStopped, ACarbonHomeGivesItsPidFileAndItsPortsFromCarbonXml) {
  testing::TcpTestListener https;
  int offset = https.port() - 9443;
  if (offset < 0 || offset + 9763 > 65535) GTEST_SKIP() << "the free port is below 9443";
  fs::path home = fixture.dir.path() / "home";
  fs::create_directories(home / "repository/conf");
  std::ofstream(home / "repository/conf/carbon.xml")
      << "<Server xmlns=\"http://wso2.org/projects/carbon/carbon.xml\"><Ports><Offset>" << offset << "</Offset></Ports></Server>";
  SleepingChild child;
  std::ofstream(home / "wso2carbon.pid") << child.pid;
  std::string message = failure_of({{"carbon_home", Value(home.string())}});
  EXPECT_NE(message.find("process " + std::to_string(child.pid) + " (pid file " + (home / "wso2carbon.pid").string() + ") is running"),
            std::string::npos) << message;
  EXPECT_NE(message.find("127.0.0.1:" + std::to_string(https.port()) + " accepts connections"), std::string::npos) << message;
  child.stop();
  fs::remove(home / "wso2carbon.pid");
  StepContext context = fixture.context({{"carbon_home", Value(home.string())}});
  try {
    AssertServersStoppedStep().run(context);
  } catch (const StepFailure&) {  // the HTTP port may be taken by chance; the outputs are set first
  }
  EXPECT_EQ(context.outputs.at("https_port"), Value(int64_t{https.port()}));
  EXPECT_EQ(context.outputs.at("http_port"), Value(int64_t{9763 + offset}));
  EXPECT_EQ(context.outputs.at("port_offset"), Value(int64_t{offset}));
}

TEST_F(AssertServersStopped, ACarbonHomeWithoutCarbonXmlFailsNamingTheFile) {
  fs::path home = fixture.dir.path() / "nowhere";
  EXPECT_EQ(failure_of({{"carbon_home", Value(home.string())}}, Kind::Failed),
            (home / "repository/conf/carbon.xml").string() + ": cannot read the Carbon configuration file");
  Value::Map fields{{"carbon_home", Value(home.string())}};
  EXPECT_EQ(AssertServersStoppedStep().describe({fixture.step, fields, fixture.masker}),
            (std::vector<std::string>{"would check that no process named in " + (home / "wso2carbon.pid").string() + " runs",
                                      "would check the HTTPS and HTTP ports in " + (home / "repository/conf/carbon.xml").string()}));
}

TEST_F(AssertServersStopped, DescribeNamesWhatWouldBeChecked) {
  Value::Map fields{{"pid_files", list({Value("/old/wso2carbon.pid")})}, {"ports", list({Value(int64_t{9443}), Value("node2:9443")})}};
  EXPECT_EQ(AssertServersStoppedStep().describe({fixture.step, fields, fixture.masker}),
            (std::vector<std::string>{"would check that no process named in /old/wso2carbon.pid runs",
                                      "would check that nothing accepts connections on 127.0.0.1:9443; node2:9443"}));
}

}  // namespace
}  // namespace planrun
