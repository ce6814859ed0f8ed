// wait-for on the kit's fakes: time is a ManualClock (no test sleeps for real, however long
// the timeout), files are in memory; sockets are real, on the loopback, as the step reaches
// the network directly.

#include "interpreter/steps/wait_for/wait_for_step.h"

#include <gtest/gtest.h>

#include <optional>

#include "interpreter/step_kit/step_failure.h"
#include "tests/support/fake_services.h"
#include "tests/support/http_test_server.h"
#include "tests/support/step_fixture.h"
#include "tests/support/tcp_test_listener.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using Kind = StepFailure::Kind;
using testing::HttpTestServer;

// A step fixture whose contexts reach the world through the fakes.
struct FakeWorld {
  testing::StepFixture fixture{"wait-for"};
  testing::FakeServices fakes;
  StepContext context(Value::Map fields) {
    StepContext made = fixture.context(std::move(fields));
    made.services = fakes.services();
    return made;
  }
  // Runs `action` once the step has slept `count` times.
  void after_sleeps(size_t count, std::function<void()> action) {
    fakes.clock.on_sleep = [this, count, action = std::move(action)] {
      if (fakes.clock.sleeps.size() == count) action();
    };
  }
};

StepFailure failure_of(StepContext& context) {
  try {
    WaitForStep().run(context);
  } catch (const StepFailure& failure) {
    return failure;
  }
  ADD_FAILURE() << "the step did not fail";
  return StepFailure(Kind::Failed, "");
}

std::string loopback(uint16_t port) { return "127.0.0.1:" + std::to_string(port); }

int64_t waited_ms(const StepContext& context) { return context.outputs.at("waited_ms").as_int(); }

TEST(WaitForStep, TcpSucceedsOnceAListenerAppears) {
  FakeWorld world;
  uint16_t port = testing::free_port();
  std::optional<testing::TcpTestListener> listener;
  world.after_sleeps(3, [&] { listener.emplace(port); });  // the scenario: the server comes up later
  StepContext context = world.context({{"tcp", loopback(port)}, {"timeout", "5s"}, {"interval", "50ms"}});
  WaitForStep().run(context);
  EXPECT_EQ(waited_ms(context), 150);
  EXPECT_EQ(world.fixture.log.infos.front(), "waiting for port " + loopback(port) + " (up to 5s)");
}

TEST(WaitForStep, TcpAlreadyListeningSucceedsAtOnce) {
  FakeWorld world;
  testing::TcpTestListener listener;
  StepContext context = world.context({{"tcp", loopback(listener.port())}});
  WaitForStep().run(context);
  EXPECT_EQ(waited_ms(context), 0);
  EXPECT_TRUE(world.fakes.clock.sleeps.empty());
}

TEST(WaitForStep, TcpTimesOutNamingThePortAndTheLastError) {
  FakeWorld world;
  uint16_t port = testing::free_port();
  StepContext context = world.context({{"tcp", loopback(port)}, {"timeout", "300ms"}, {"interval", "50ms"}});
  StepFailure failure = failure_of(context);
  EXPECT_EQ(failure.kind, Kind::TimedOut);
  EXPECT_EQ(std::string(failure.what()), "port " + loopback(port) +
                                             " did not accept connections within 300ms (last try: Connection refused)");
  EXPECT_EQ(world.fakes.clock.sleeps, std::vector<std::chrono::milliseconds>(6, 50ms));
}

TEST(WaitForStep, TheStepTimeoutAppliesWhenItIsEarlier) {
  FakeWorld world;
  world.fixture.step.timeout = 200ms;
  uint16_t port = testing::free_port();
  StepContext context = world.context({{"tcp", loopback(port)}, {"timeout", "5m"}, {"interval", "50ms"}});
  context.deadline = world.fakes.clock.now() + 200ms;
  EXPECT_EQ(std::string(failure_of(context).what()),
            "port " + loopback(port) + " did not accept connections within 200ms (last try: Connection refused)");
  EXPECT_EQ(world.fakes.clock.sleeps.size(), 4u);
}

TEST(WaitForStep, MalformedAddressFails) {
  FakeWorld world;
  StepContext context = world.context({{"tcp", "localhost"}});
  StepFailure failure = failure_of(context);
  EXPECT_EQ(failure.kind, Kind::Failed);
  EXPECT_STREQ(failure.what(), "tcp: 'localhost' is not host:port");
}

TEST(WaitForStep, HttpWaitsForTheExpectedStatus) {
  FakeWorld world;
  HttpTestServer server(std::vector<int>{503, 503, 200});
  StepContext context = world.context(
      {{"http", Value::Map{{"url", server.url("/health")}, {"status", 200}, {"insecure", false}}}, {"interval", "20ms"}});
  WaitForStep().run(context);
  EXPECT_EQ(server.requests(), 3);
  EXPECT_EQ(waited_ms(context), 40);
}

TEST(WaitForStep, HttpOtherStatusTimesOutNamingTheLastAnswer) {
  FakeWorld world;
  HttpTestServer server(std::vector<int>{404});
  StepContext context = world.context(
      {{"http", Value::Map{{"url", server.url("/health")}, {"status", 200}}}, {"timeout", "300ms"}, {"interval", "50ms"}});
  StepFailure failure = failure_of(context);
  EXPECT_EQ(failure.kind, Kind::TimedOut);
  EXPECT_EQ(std::string(failure.what()),
            server.url("/health") + " did not answer with status 200 within 300ms (last answer: 404 Not Found)");
  EXPECT_EQ(server.requests(), 7);  // at 0, 50, ..., 300 ms
}

TEST(WaitForStep, HttpsInsecureAcceptsASelfSignedCertificate) {
  FakeWorld world;
  HttpTestServer server(std::vector<int>{200}, /*tls=*/true);
  StepContext context = world.context({{"http", Value::Map{{"url", server.url("/carbon/")}, {"insecure", true}}}});
  WaitForStep().run(context);
  EXPECT_EQ(server.requests(), 1);
}

TEST(WaitForStep, HttpsVerifiesTheCertificateUnlessInsecure) {
  FakeWorld world;
  HttpTestServer server(std::vector<int>{200}, /*tls=*/true);
  StepContext context = world.context(
      {{"http", Value::Map{{"url", server.url()}, {"status", 200}, {"insecure", false}}}, {"timeout", "200ms"}});
  StepFailure failure = failure_of(context);
  EXPECT_EQ(std::string(failure.what()),
            server.url() + " did not answer with status 200 within 200ms (last try: TLS handshake failed: "
                           "certificate verify failed: self-signed certificate)");
  EXPECT_EQ(server.requests(), 0);
}

TEST(WaitForStep, FileSucceedsOnceItAppears) {
  FakeWorld world;
  world.after_sleeps(4, [&] { world.fakes.files.files["/carbon/wso2carbon.pid"] = "4242\n"; });
  StepContext context = world.context({{"file", "/carbon/wso2carbon.pid"}, {"interval", "20ms"}});
  WaitForStep().run(context);
  EXPECT_EQ(waited_ms(context), 80);
  EXPECT_EQ(world.fixture.log.infos.back(), "file /carbon/wso2carbon.pid is ready after 80ms");
}

TEST(WaitForStep, FileTimesOut) {
  FakeWorld world;
  StepContext context = world.context({{"file", "/never"}, {"timeout", "100ms"}, {"interval", "20ms"}});
  EXPECT_EQ(std::string(failure_of(context).what()), "file /never did not appear within 100ms");
}

TEST(WaitForStep, AThirtySecondWaitOnTheStepClockTakesNoRealTime) {
  FakeWorld world;
  StepContext context = world.context({{"file", "/never"}, {"timeout", "30s"}, {"interval", "1s"}});
  auto start = Clock::now();
  StepFailure failure = failure_of(context);
  EXPECT_LT(Clock::now() - start, 1s);
  EXPECT_EQ(failure.kind, Kind::TimedOut);
  EXPECT_EQ(std::string(failure.what()), "file /never did not appear within 30s");
  EXPECT_EQ(world.fakes.clock.sleeps, std::vector<std::chrono::milliseconds>(30, 1s));
}

TEST(WaitForStep, TheLastPauseEndsAtTheDeadline) {
  FakeWorld world;
  StepContext context = world.context({{"file", "/never"}, {"timeout", "2500ms"}, {"interval", "1s"}});
  failure_of(context);
  EXPECT_EQ(world.fakes.clock.sleeps, (std::vector<std::chrono::milliseconds>{1s, 1s, 500ms}));
}

TEST(WaitForStep, CancellationStopsTheWait) {
  FakeWorld world;
  world.after_sleeps(2, [&] { world.fixture.cancel.request(); });  // the scenario: Ctrl-C while waiting
  StepContext context = world.context({{"file", "/never"}, {"timeout", "30s"}});
  StepFailure failure = failure_of(context);
  EXPECT_EQ(failure.kind, Kind::Cancelled);
  EXPECT_EQ(world.fakes.clock.sleeps.size(), 2u);
}

TEST(WaitForStep, LogFollowsFromWhereItEndedWhenTheStepFirstStarted) {
  FakeWorld world;
  const std::string log = "/srv/logs/server.log";
  world.fakes.files.files[log] = "Server started\n";  // an earlier start's line
  world.after_sleeps(2, [&] { world.fakes.files.files[log] += "Server started\n"; });
  StepContext context = world.context({{"log", Value::Map{{"file", log}, {"ready", "^Server started$"}}}});
  WaitForStep().run(context);
  EXPECT_EQ(waited_ms(context), 2000);
  EXPECT_EQ(world.fixture.checkpoints.values.at("wait.log.offset"), "15");
}

TEST(WaitForStep, AResumedLogWaitKeepsItsFirstStart) {
  FakeWorld world;
  const std::string log = "/srv/logs/server.log";
  world.fakes.files.files[log] = "old\nServer started\n";
  // The first attempt recorded the end after "old"; the line came while planrun was down.
  world.fixture.checkpoints.values = {{"wait.log.offset", "4"}, {"wait.log.line", "2"}, {"wait.log.stale_pid", "none"}};
  StepContext context = world.context({{"log", Value::Map{{"file", log}, {"ready", "Server started"}}}});
  WaitForStep().run(context);
  EXPECT_EQ(waited_ms(context), 0);
}

TEST(WaitForStep, ALogErrorFailsNamingTheLineAndForgetsTheStart) {
  FakeWorld world;
  const std::string log = "/srv/logs/server.log";
  world.after_sleeps(1, [&] { world.fakes.files.files[log] = "booting\n2026-12-07 FATAL no key store\n"; });
  StepContext context = world.context({{"log", Value::Map{{"file", log}, {"ready", "started"}}}});
  StepFailure failure = failure_of(context);
  EXPECT_EQ(std::string(failure.what()),
            log + ":2: the log shows a failure (fail_on '\\b(ERROR|FATAL)\\b'): 2026-12-07 FATAL no key store");
  EXPECT_TRUE(world.fixture.checkpoints.values.empty());
}

TEST(WaitForStep, ProcessGoneWaitsForTheProcessNamedWhenTheStepFirstStarted) {
  FakeWorld world;
  world.fakes.files.files["/srv/server.pid"] = "321\n";
  world.fakes.processes.running_pids = {321};
  world.after_sleeps(2, [&] { world.fakes.processes.running_pids.clear(); });
  StepContext context = world.context({{"process_gone", "/srv/server.pid"}});
  WaitForStep().run(context);
  EXPECT_EQ(waited_ms(context), 2000);
  EXPECT_EQ(world.fixture.checkpoints.values.at("wait.process_gone.pid"), "321");
}

TEST(WaitForStep, ProcessGoneWithoutAPidFileHasNothingToWaitFor) {
  FakeWorld world;
  StepContext context = world.context({{"process_gone", "/srv/server.pid"}});
  WaitForStep().run(context);
  EXPECT_EQ(waited_ms(context), 0);
}

TEST(WaitForStep, TcpClosedWaitsUntilTheListenerCloses) {
  FakeWorld world;
  std::optional<testing::TcpTestListener> listener(std::in_place);
  uint16_t port = listener->port();
  world.after_sleeps(2, [&] { listener.reset(); });  // the scenario: the server stops later
  StepContext context = world.context({{"tcp_closed", loopback(port)}, {"timeout", "5s"}, {"interval", "50ms"}});
  WaitForStep().run(context);
  EXPECT_EQ(waited_ms(context), 100);
}

TEST(WaitForStep, TcpClosedTimesOutWhileTheServerListens) {
  FakeWorld world;
  testing::TcpTestListener listener;
  StepContext context = world.context({{"tcp_closed", loopback(listener.port())}, {"timeout", "1s"}});
  StepFailure failure = failure_of(context);
  EXPECT_EQ(std::string(failure.what()), "the close of port " + loopback(listener.port()) + " did not happen within 1s");
}

}  // namespace
}  // namespace planrun
