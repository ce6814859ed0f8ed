#include "interpreter/observers/progress_display.h"

#include <gtest/gtest.h>

#include <regex>

#include "interpreter/observers/observer_list.h"
#include "interpreter/observers/terminal_log.h"
#include "tests/observers/memory_stream.h"
#include "tests/observers/step_results.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

using std::chrono::milliseconds;
using testing::make_result;
using testing::make_step;
using Unit = ProgressReporter::Unit;

const std::string kErase = "\r\033[K";
const std::string kEraseAbove = "\033[A\033[K";

// A ProgressDisplay on an 80-column terminal in memory, with a clock the test moves.
class DisplayUnderTest {
 public:
  explicit DisplayUnderTest(int width = 80)
      : sink(std::make_shared<TerminalSink>(stream.file())), display(sink, width, [this] { return now; }) {}

  std::string text() const { return stream.text(); }
  void advance(milliseconds by) { now += by; }

  testing::MemoryStream stream;
  std::shared_ptr<TerminalSink> sink;
  ProgressDisplay::Clock::time_point now{std::chrono::seconds(1000)};
  ProgressDisplay display;
};

const std::string kBar58 = "copy-db  [#################.............]  58%  580 rows";

TEST(ProgressDisplay, DrawsABarOnAStepsFirstReport) {
  DisplayUnderTest terminal;
  StepNode copy = make_step("copy-db", "copy-db");
  terminal.display.step_started(copy, 1, false);
  EXPECT_EQ(terminal.text(), "");
  terminal.display.step_progress(copy, 580, 1000, Unit::Rows);
  EXPECT_EQ(terminal.text(), kBar58);
}

TEST(ProgressDisplay, RedrawsAtMostTenTimesASecond) {
  DisplayUnderTest terminal;
  StepNode copy = make_step("copy-db", "copy-db");
  terminal.display.step_progress(copy, 100, 1000, Unit::Rows);
  std::string first = terminal.text();
  terminal.advance(milliseconds(50));
  terminal.display.step_progress(copy, 200, 1000, Unit::Rows);
  terminal.advance(milliseconds(49));
  terminal.display.step_progress(copy, 300, 1000, Unit::Rows);
  EXPECT_EQ(terminal.text(), first);
  terminal.advance(milliseconds(1));
  terminal.display.step_progress(copy, 400, 1000, Unit::Rows);
  EXPECT_EQ(terminal.text(), first + kErase + "copy-db  [############..................]  40%  400 rows");
}

TEST(ProgressDisplay, AHeldBackReportIsDrawnOnTheNextEventThatIsDue) {
  DisplayUnderTest terminal;
  StepNode copy = make_step("copy-db", "copy-db");
  terminal.display.step_progress(copy, 100, 1000, Unit::Rows);
  terminal.advance(milliseconds(50));
  terminal.display.step_progress(copy, 580, 1000, Unit::Rows);
  std::string held = terminal.text();
  terminal.advance(milliseconds(100));
  terminal.display.step_log(copy, false, "table UM_USER copied");
  EXPECT_EQ(terminal.text(), held + kErase + kBar58);
}

TEST(ProgressDisplay, AlignsTheIdsOfParallelSteps) {
  DisplayUnderTest terminal;
  StepNode a = make_step("a", "copy-dir");
  StepNode copy = make_step("copy-db", "copy-db");
  terminal.display.step_progress(a, 580, 1000, Unit::Rows);
  terminal.display.step_progress(copy, 580, 1000, Unit::Rows);
  EXPECT_EQ(terminal.text(), std::string("a  [#################.............]  58%  580 rows") + kErase +
                                 "a        [#################.............]  58%  580 rows\n" + kBar58);
}

TEST(ProgressDisplay, AFinishedStepsBarGoesAtOnce) {
  DisplayUnderTest terminal;
  StepNode a = make_step("a", "copy-dir");
  StepNode copy = make_step("copy-db", "copy-db");
  terminal.display.step_progress(copy, 580, 1000, Unit::Rows);
  terminal.display.step_progress(a, 580, 1000, Unit::Rows);
  std::string both = terminal.text();
  terminal.display.step_finished(make_result(a, StepOutcome::Done, 1, 10));
  EXPECT_EQ(terminal.text(), both + kErase + kEraseAbove + kBar58);
  terminal.display.step_finished(make_result(copy, StepOutcome::Done, 1, 10));
  EXPECT_EQ(terminal.text(), both + kErase + kEraseAbove + kBar58 + kErase);
}

TEST(ProgressDisplay, ARetryStartsItsBarAfresh) {
  DisplayUnderTest terminal;
  StepNode copy = make_step("copy-db", "copy-db");
  terminal.display.step_progress(copy, 580, 1000, Unit::Rows);
  terminal.display.step_started(copy, 2, true);
  EXPECT_EQ(terminal.text(), kBar58 + kErase);
}

TEST(ProgressDisplay, LinesFitANarrowTerminal) {
  DisplayUnderTest terminal(30);
  StepNode copy = make_step("copy-db", "copy-db");
  terminal.display.step_progress(copy, 580, 1000, Unit::Rows);
  EXPECT_EQ(terminal.text(), "copy-db  [#####.....]  58%  5");
  EXPECT_EQ(terminal.text().size(), 29u);
}

TEST(ProgressDisplay, LogLinesFromTerminalLogGoAboveTheBars) {
  testing::MemoryStream stream;
  auto sink = std::make_shared<TerminalSink>(stream.file());
  ObserverList observers;
  observers.add(std::make_unique<ProgressDisplay>(sink, 80));
  observers.add(std::make_unique<TerminalLog>(sink, TerminalLog::Options{}));
  StepNode copy = make_step("copy-db", "copy-db");

  observers.step_progress(copy, 580, 1000, Unit::Rows);
  observers.step_log(copy, false, "hello");
  observers.step_finished(make_result(copy, StepOutcome::Done, 1, 2300));

  std::string text = std::regex_replace(stream.text(), std::regex(R"(\[\d\d:\d\d:\d\d\] )"), "[T] ");
  EXPECT_EQ(text, kBar58 + kErase + "[T]   [copy-db] hello\n" + kBar58 + kErase + "[T] + copy-db done in 2.3s\n");
}

TEST(ProgressDisplay, TheEndOfTheRunClearsEveryBar) {
  DisplayUnderTest terminal;
  StepNode copy = make_step("copy-db", "copy-db");
  terminal.display.step_progress(copy, 580, 1000, Unit::Rows);
  terminal.display.run_finished({});
  EXPECT_EQ(terminal.text(), kBar58 + kErase);
}

TEST(ProgressDisplay, NamedCountersShowAsLinesUnderTheStepsBar) {
  DisplayUnderTest terminal;
  StepNode copy = make_step("copy-db", "copy-db");
  terminal.display.step_progress(copy, 580, 1000, Unit::Rows);
  terminal.display.step_counter(copy, "bytes", 1536, 3072, Unit::Bytes);
  terminal.advance(ProgressDisplay::kRedrawInterval);
  terminal.display.step_counter(copy, "table UM_USER", 5, 10, Unit::Rows);
  std::string text = terminal.text();
  EXPECT_NE(text.find(kBar58), std::string::npos) << text;
  EXPECT_NE(text.find("\n         bytes  1.5 KiB / 3.0 KiB"), std::string::npos) << text;
  EXPECT_NE(text.find("\n         table UM_USER  5 rows / 10 rows"), std::string::npos) << text;
}

}  // namespace
}  // namespace planrun
