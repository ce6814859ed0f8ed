#include "interpreter/observers/json_event_log.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

#include "tests/observers/step_results.h"
#include "tests/state/scratch_dir.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

using nlohmann::json;
using std::chrono::milliseconds;
using testing::make_result;
using testing::make_step;
using Unit = ProgressReporter::Unit;

// 2026-11-22T03:04:05.123Z
const JsonEventLog::WallClock::time_point kStart{milliseconds(1'795'316'645'123)};

// A JsonEventLog on a file in a scratch directory, with a clock the test moves.
class EventLogUnderTest {
 public:
  EventLogUnderTest() : path(scratch.path / "events.jsonl"), log(path, [this] { return now; }) {}

  std::vector<std::string> lines() const {
    std::vector<std::string> lines;
    std::istringstream text(testing::read_file(path));
    for (std::string line; std::getline(text, line);) lines.push_back(line);
    return lines;
  }
  std::vector<json> events() const {
    std::vector<json> events;
    for (const std::string& line : lines()) events.push_back(json::parse(line));
    return events;
  }

  testing::ScratchDir scratch;
  std::filesystem::path path;
  JsonEventLog::WallClock::time_point now = kStart;
  JsonEventLog log;
};

TEST(JsonEventLog, WritesOneObjectPerLineStartingWithTimeAndEvent) {
  EventLogUnderTest events;
  events.log.run_started({3, "wso2-upgrade", "upgrade.yaml", ".planrun/runs/3", 12, 2});
  EXPECT_EQ(events.lines(), std::vector<std::string>{
                                R"({"ts":"2026-11-22T03:04:05.123Z","event":"run_started","run_id":3,"plan":"wso2-upgrade","steps":12,"jobs":2})"});
}

TEST(JsonEventLog, EveryEventCarriesItsFields) {
  EventLogUnderTest events;
  StepNode copy = make_step("copy-db", "copy-db");
  events.log.step_started(copy, 2, true);
  events.log.step_log(copy, false, "copying");
  events.log.step_log(copy, true, "slow");
  events.log.step_output(copy, "out");
  events.log.step_progress(copy, 5, 10, Unit::Bytes);
  events.now += milliseconds(2300);
  events.log.step_finished(make_result(copy, StepOutcome::Failed, 2, 2300, "disk full"));
  RunSummary summary{3, "failed", 1, milliseconds(2400), {make_result(copy, StepOutcome::Failed, 2, 2300, "disk full")}};
  events.log.run_finished(summary);

  std::vector<json> lines = events.events();
  ASSERT_EQ(lines.size(), 7u);
  EXPECT_EQ(lines[0], json::parse(R"({"ts":"2026-11-22T03:04:05.123Z","event":"step_started","step":"copy-db",
                                      "type":"copy-db","attempt":2,"resumed":true})"));
  EXPECT_EQ(lines[1], json::parse(R"({"ts":"2026-11-22T03:04:05.123Z","event":"step_log","step":"copy-db",
                                      "level":"info","line":"copying"})"));
  EXPECT_EQ(lines[2]["level"], "warning");
  EXPECT_EQ(lines[3], json::parse(R"({"ts":"2026-11-22T03:04:05.123Z","event":"step_output","step":"copy-db",
                                      "line":"out"})"));
  EXPECT_EQ(lines[4], json::parse(R"({"ts":"2026-11-22T03:04:05.123Z","event":"step_progress","step":"copy-db",
                                      "done":5,"total":10,"unit":"bytes"})"));
  EXPECT_EQ(lines[5], json::parse(R"({"ts":"2026-11-22T03:04:07.423Z","event":"step_finished","step":"copy-db",
                                      "outcome":"failed","attempts":2,"duration_ms":2300,"message":"disk full"})"));
  EXPECT_EQ(lines[6], json::parse(R"({"ts":"2026-11-22T03:04:07.423Z","event":"run_finished","run_id":3,
                                      "outcome":"failed","exit_code":1,"duration_ms":2400,
                                      "counts":{"done":0,"up-to-date":0,"skipped":0,"failed":1,"cancelled":0}})"));
}

std::vector<uint64_t> progress_done(const std::vector<json>& events, const std::string& step) {
  std::vector<uint64_t> done;
  for (const json& event : events)
    if (event["event"] == "step_progress" && event["step"] == step) done.push_back(event["done"]);
  return done;
}

TEST(JsonEventLog, ThinsProgressToTwiceASecondButKeepsTheLastBeforeTheFinish) {
  EventLogUnderTest events;
  StepNode copy = make_step("copy-db", "copy-db");
  for (auto [at, done] : {std::pair{0, 10}, {100, 20}, {200, 30}, {600, 40}, {700, 50}}) {
    events.now = kStart + milliseconds(at);
    events.log.step_progress(copy, done, 100, Unit::Rows);
  }
  EXPECT_EQ(progress_done(events.events(), "copy-db"), (std::vector<uint64_t>{10, 40}));
  events.log.step_finished(make_result(copy, StepOutcome::Done, 1, 700));
  std::vector<json> lines = events.events();
  EXPECT_EQ(progress_done(lines, "copy-db"), (std::vector<uint64_t>{10, 40, 50}));
  EXPECT_EQ(lines.back()["event"], "step_finished");
  EXPECT_EQ(lines[lines.size() - 2]["ts"], "2026-11-22T03:04:05.823Z");  // when 50 was reported
}

TEST(JsonEventLog, ThinsEachStepsProgressOnItsOwn) {
  EventLogUnderTest events;
  StepNode a = make_step("a", "copy-dir");
  StepNode b = make_step("b", "copy-dir");
  events.log.step_progress(a, 1, 10, Unit::Files);
  events.log.step_progress(b, 1, 10, Unit::Files);
  events.now += milliseconds(100);
  events.log.step_progress(a, 2, 10, Unit::Files);
  EXPECT_EQ(progress_done(events.events(), "a"), (std::vector<uint64_t>{1}));
  EXPECT_EQ(progress_done(events.events(), "b"), (std::vector<uint64_t>{1}));
  events.log.run_finished({});
  EXPECT_EQ(progress_done(events.events(), "a"), (std::vector<uint64_t>{1, 2}));
}

TEST(JsonEventLog, AppendsToAnExistingFile) {
  testing::ScratchDir scratch;
  auto path = scratch.path / "events.jsonl";
  testing::write_file(path, "{\"event\":\"earlier\"}\n");
  {
    JsonEventLog log(path);
    log.step_output(make_step("s", "run"), "x");
  }
  std::string text = testing::read_file(path);
  EXPECT_EQ(text.rfind("{\"event\":\"earlier\"}\n{\"ts\":", 0), 0u) << text;
}

TEST(JsonEventLog, EachLineIsInTheFileAsSoonAsItIsWritten) {
  EventLogUnderTest events;
  events.log.step_output(make_step("s", "run"), "x");
  EXPECT_EQ(events.lines().size(), 1u);  // read while the log is still open
}

TEST(JsonEventLog, InvalidUtf8InAnOutputLineIsReplaced) {
  EventLogUnderTest events;
  events.log.step_output(make_step("s", "run"), "bad \xff byte");
  ASSERT_EQ(events.events().size(), 1u);
  EXPECT_EQ(events.events()[0]["line"], "bad \xEF\xBF\xBD byte");
}

TEST(JsonEventLog, AFileThatCannotBeOpenedIsAClearError) {
  testing::ScratchDir scratch;
  auto path = scratch.path / "missing" / "events.jsonl";
  try {
    JsonEventLog log(path);
    FAIL() << "expected std::runtime_error";
  } catch (const std::runtime_error& error) {
    EXPECT_EQ(std::string(error.what()),
              "cannot open the event log '" + path.string() + "': No such file or directory");
  }
}

TEST(JsonEventLog, NamedCountersAreEventsOfTheirOwn) {
  EventLogUnderTest events;
  StepNode copy = make_step("copy-db", "copy-db");
  events.log.step_counter(copy, "bytes", 5, 10, Unit::Bytes);
  EXPECT_EQ(events.lines(), std::vector<std::string>{
                                R"({"ts":"2026-11-22T03:04:05.123Z","event":"step_counter","step":"copy-db","counter":"bytes","done":5,"total":10,"unit":"bytes"})"});
}

TEST(JsonEventLog, ACountersLastValueIsWrittenBeforeItsStepFinishes) {
  EventLogUnderTest events;
  StepNode copy = make_step("copy-db", "copy-db");
  events.log.step_counter(copy, "bytes", 1, 10, Unit::Bytes);
  events.log.step_counter(copy, "bytes", 7, 10, Unit::Bytes);  // thinned: held back
  events.log.step_finished(make_result(copy, StepOutcome::Done, 1, 700));
  std::vector<json> written = events.events();
  ASSERT_EQ(written.size(), 3u);
  EXPECT_EQ(written[1]["done"], 7);
  EXPECT_EQ(written[2]["event"], "step_finished");
}

}  // namespace
}  // namespace planrun
