#include "interpreter/steps/wait_for/wait_for_step.h"

#include <gtest/gtest.h>

#include <fstream>
#include <optional>
#include <thread>

#include "interpreter/step_kit/step_failure.h"
#include "tests/support/http_test_server.h"
#include "tests/support/step_fixture.h"
#include "tests/support/tcp_test_listener.h"

namespace planrun {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using Kind = StepFailure::Kind;
using testing::HttpTestServer;

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
  testing::StepFixture fixture("wait-for");
  uint16_t port = testing::free_port();
  std::optional<testing::TcpTestListener> listener;
  std::thread server([&] {
    std::this_thread::sleep_for(300ms);  // the scenario: the server comes up later
    listener.emplace(port);
  });
  StepContext context = fixture.context({{"tcp", loopback(port)}, {"timeout", "5s"}, {"interval", "50ms"}});
  WaitForStep().run(context);
  server.join();
  EXPECT_GE(waited_ms(context), 250);
  EXPECT_LT(waited_ms(context), 3000);
  EXPECT_EQ(fixture.log.infos.front(), "waiting for port " + loopback(port) + " (up to 5s)");
}

TEST(WaitForStep, TcpAlreadyListeningSucceedsAtOnce) {
  testing::StepFixture fixture("wait-for");
  testing::TcpTestListener listener;
  StepContext context = fixture.context({{"tcp", loopback(listener.port())}});
  WaitForStep().run(context);
  EXPECT_LT(waited_ms(context), 1000);
}

TEST(WaitForStep, TcpTimesOutNamingThePortAndTheLastError) {
  testing::StepFixture fixture("wait-for");
  uint16_t port = testing::free_port();
  StepContext context = fixture.context({{"tcp", loopback(port)}, {"timeout", "300ms"}, {"interval", "50ms"}});
  auto start = Clock::now();
  StepFailure failure = failure_of(context);
  EXPECT_LT(Clock::now() - start, 2s);
  EXPECT_EQ(failure.kind, Kind::TimedOut);
  EXPECT_EQ(std::string(failure.what()), "port " + loopback(port) +
                                             " did not accept connections within 300ms (last try: Connection refused)");
}

TEST(WaitForStep, TheStepTimeoutAppliesWhenItIsEarlier) {
  testing::StepFixture fixture("wait-for");
  fixture.step.timeout = 200ms;
  uint16_t port = testing::free_port();
  StepContext context = fixture.context({{"tcp", loopback(port)}, {"timeout", "5m"}, {"interval", "50ms"}});
  context.deadline = Clock::now() + 200ms;
  EXPECT_EQ(std::string(failure_of(context).what()),
            "port " + loopback(port) + " did not accept connections within 200ms (last try: Connection refused)");
}

TEST(WaitForStep, MalformedAddressFails) {
  testing::StepFixture fixture("wait-for");
  StepContext context = fixture.context({{"tcp", "localhost"}});
  StepFailure failure = failure_of(context);
  EXPECT_EQ(failure.kind, Kind::Failed);
  EXPECT_STREQ(failure.what(), "tcp: 'localhost' is not host:port");
}

TEST(WaitForStep, HttpWaitsForTheExpectedStatus) {
  testing::StepFixture fixture("wait-for");
  HttpTestServer server(std::vector<int>{503, 503, 200});
  StepContext context = fixture.context(
      {{"http", Value::Map{{"url", server.url("/health")}, {"status", 200}, {"insecure", false}}}, {"interval", "20ms"}});
  WaitForStep().run(context);
  EXPECT_EQ(server.requests(), 3);
}

TEST(WaitForStep, HttpOtherStatusTimesOutNamingTheLastAnswer) {
  testing::StepFixture fixture("wait-for");
  HttpTestServer server(std::vector<int>{404});
  StepContext context = fixture.context(
      {{"http", Value::Map{{"url", server.url("/health")}, {"status", 200}}}, {"timeout", "300ms"}, {"interval", "50ms"}});
  StepFailure failure = failure_of(context);
  EXPECT_EQ(failure.kind, Kind::TimedOut);
  EXPECT_EQ(std::string(failure.what()),
            server.url("/health") + " did not answer with status 200 within 300ms (last answer: 404 Not Found)");
  EXPECT_GE(server.requests(), 2);
}

TEST(WaitForStep, HttpsInsecureAcceptsASelfSignedCertificate) {
  testing::StepFixture fixture("wait-for");
  HttpTestServer server(std::vector<int>{200}, /*tls=*/true);
  StepContext context = fixture.context({{"http", Value::Map{{"url", server.url("/carbon/")}, {"insecure", true}}}});
  WaitForStep().run(context);
  EXPECT_EQ(server.requests(), 1);
}

TEST(WaitForStep, HttpsVerifiesTheCertificateUnlessInsecure) {
  testing::StepFixture fixture("wait-for");
  HttpTestServer server(std::vector<int>{200}, /*tls=*/true);
  StepContext context = fixture.context(
      {{"http", Value::Map{{"url", server.url()}, {"status", 200}, {"insecure", false}}}, {"timeout", "200ms"}});
  StepFailure failure = failure_of(context);
  EXPECT_EQ(std::string(failure.what()),
            server.url() + " did not answer with status 200 within 200ms (last try: TLS handshake failed: "
                           "certificate verify failed: self-signed certificate)");
  EXPECT_EQ(server.requests(), 0);
}

TEST(WaitForStep, FileSucceedsOnceItAppears) {
  testing::StepFixture fixture("wait-for");
  std::filesystem::path file = fixture.dir.path() / "wso2carbon.pid";
  std::thread writer([&] {
    std::this_thread::sleep_for(200ms);  // the scenario: the file appears later
    std::ofstream(file) << "4242\n";
  });
  StepContext context = fixture.context({{"file", file.string()}, {"interval", "20ms"}});
  WaitForStep().run(context);
  writer.join();
  EXPECT_GE(waited_ms(context), 150);
}

TEST(WaitForStep, FileTimesOut) {
  testing::StepFixture fixture("wait-for");
  std::string file = (fixture.dir.path() / "never").string();
  StepContext context = fixture.context({{"file", file}, {"timeout", "100ms"}, {"interval", "20ms"}});
  EXPECT_EQ(std::string(failure_of(context).what()), "file " + file + " did not appear within 100ms");
}

TEST(WaitForStep, CancellationStopsTheWait) {
  testing::StepFixture fixture("wait-for");
  StepContext context = fixture.context({{"tcp", loopback(testing::free_port())}, {"timeout", "30s"}});
  std::thread canceller([&] {
    std::this_thread::sleep_for(100ms);  // the scenario: Ctrl-C while waiting
    fixture.cancel.request();
  });
  auto start = Clock::now();
  StepFailure failure = failure_of(context);
  canceller.join();
  EXPECT_LT(Clock::now() - start, 2s);
  EXPECT_EQ(failure.kind, Kind::Cancelled);
}

}  // namespace
}  // namespace planrun
