#include "interpreter/observers/terminal_log.h"

#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "tests/observers/memory_stream.h"
#include "tests/observers/step_results.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

using testing::make_result;
using testing::make_step;
using Unit = ProgressReporter::Unit;

// A TerminalLog writing into memory, read back line by line with each "[hh:mm:ss] " time stamp
// (checked) replaced by "[T] " so that lines can be compared whole.
class LogUnderTest {
 public:
  explicit LogUnderTest(TerminalLog::Options options)
      : sink_(std::make_shared<TerminalSink>(stream_.file())), log(sink_, options) {}

  std::vector<std::string> lines() const {
    static const std::regex time_stamp(R"(^\[\d\d:\d\d:\d\d\] )");
    std::vector<std::string> lines;
    std::istringstream text(stream_.text());
    for (std::string line; std::getline(text, line);) lines.push_back(std::regex_replace(line, time_stamp, "[T] "));
    return lines;
  }
  std::string text() const { return stream_.text(); }

 private:
  testing::MemoryStream stream_;
  std::shared_ptr<TerminalSink> sink_;

 public:
  TerminalLog log;
};

struct Steps {
  StepNode copy = make_step("copy-db", "copy-db");
  StepNode start = make_step("start", "run");
  StepNode tenants = make_step("copy-tenants", "copy-dir");
  StepNode backup = make_step("backup-db", "backup-db");
};

const char* kExitMessage = "command exited with status 3 (expected 0)";

// The results of a run in which `start` failed, in graph order.
std::vector<StepResult> failed_run_results(const Steps& steps) {
  return {make_result(steps.copy, StepOutcome::Done, 1, 2300), make_result(steps.start, StepOutcome::Failed, 3, 1000, kExitMessage),
          make_result(steps.tenants, StepOutcome::Skipped, 0, 0, "condition is false"),
          make_result(steps.backup, StepOutcome::UpToDate, 0, 0, "done in run 2 with the same inputs")};
}

void play_steps(TerminalLog& log, const Steps& steps) {
  log.run_started({3, "wso2-upgrade", "upgrade.yaml", ".planrun/runs/3", 4, 2});
  log.step_started(steps.copy, 1, false);
  log.step_log(steps.copy, false, "copying 40 tables");
  log.step_output(steps.start, "Starting {} server");
  log.step_log(steps.start, true, "port 9443 is slow");
  log.step_progress(steps.copy, 5, 10, Unit::Rows);
  for (const StepResult& result : failed_run_results(steps)) log.step_finished(result);
}

TEST(TerminalLog, PrintsStepsAndTheirLinesInAsciiWithoutColor) {
  LogUnderTest terminal({.color = false, .quiet = false, .unicode = false});
  Steps steps;
  play_steps(terminal.log, steps);
  EXPECT_EQ(terminal.lines(), (std::vector<std::string>{
                                  "[T] run 3 of wso2-upgrade: 4 steps, 2 jobs; step logs in .planrun/runs/3",
                                  "[T] > copy-db (copy-db)",
                                  "[T]   [copy-db] copying 40 tables",
                                  "[T]   [start] Starting {} server",
                                  "[T]   [start] warning: port 9443 is slow",
                                  "[T] + copy-db done in 2.3s [1/4]",
                                  "[T] x start failed after 1.0s (3 attempts): command exited with status 3 (expected 0) [2/4]",
                                  "[T] - copy-tenants skipped: condition is false [3/4]",
                                  "[T] = backup-db up to date [4/4]",
                              }));
  EXPECT_EQ(terminal.text().find('\033'), std::string::npos);
}

TEST(TerminalLog, UsesUnicodeSymbolsWhenTheLocaleIsUtf8) {
  LogUnderTest terminal({.color = false, .quiet = false, .unicode = true});
  Steps steps;
  terminal.log.step_started(steps.copy, 1, false);
  terminal.log.step_finished(make_result(steps.copy, StepOutcome::Done, 1, 2300));
  terminal.log.step_finished(make_result(steps.start, StepOutcome::Failed, 1, 1000, kExitMessage));
  terminal.log.step_finished(
      make_result(steps.tenants, StepOutcome::Cancelled, 1, 4200, "interrupted; it resumes on the next run"));
  EXPECT_EQ(terminal.lines(), (std::vector<std::string>{
                                  "[T] ▶ copy-db (copy-db)",
                                  "[T] ✓ copy-db done in 2.3s",
                                  "[T] ✗ start failed after 1.0s: command exited with status 3 (expected 0)",
                                  "[T] ■ copy-tenants cancelled after 4.2s: interrupted; it resumes on the next run",
                              }));
}

TEST(TerminalLog, SaysWhichAttemptAndWhetherAStepResumes) {
  LogUnderTest terminal({});
  Steps steps;
  terminal.log.step_started(steps.copy, 1, true);
  terminal.log.step_started(steps.copy, 2, true);
  EXPECT_EQ(terminal.lines(), (std::vector<std::string>{"[T] > copy-db (copy-db), resuming from its checkpoints",
                                                         "[T] > copy-db (copy-db), attempt 2"}));
}

TEST(TerminalLog, EndsWithAnAlignedTableAndTheOutcome) {
  LogUnderTest terminal({});
  Steps steps;
  terminal.log.run_finished({3, "failed", 1, std::chrono::milliseconds(12400), failed_run_results(steps)});
  EXPECT_EQ(terminal.lines(),
            (std::vector<std::string>{
                "",
                "step          outcome     attempts  duration  message",
                "copy-db       done               1      2.3s",
                "start         failed             3      1.0s  command exited with status 3 (expected 0)",
                "copy-tenants  skipped            -         -  condition is false",
                "backup-db     up-to-date         -         -  done in run 2 with the same inputs",
                "[T] run 3 failed: step 'start' failed: command exited with status 3 (expected 0)",
            }));
}

TEST(TerminalLog, TableKeepsOnlyTheFirstLineOfAMessage) {
  LogUnderTest terminal({});
  StepNode step = make_step("start", "run");
  terminal.log.run_finished({3, "failed", 1, std::chrono::milliseconds(10),
                             {make_result(step, StepOutcome::Failed, 1, 10, "exited 3\nlast lines: ...")}});
  EXPECT_EQ(terminal.lines().at(2), "start  failed          1      0.0s  exited 3");
}

TEST(TerminalLog, QuietShowsOnlyFailuresAndTheSummary) {
  LogUnderTest terminal({.color = false, .quiet = true, .unicode = false});
  Steps steps;
  play_steps(terminal.log, steps);
  terminal.log.run_finished({3, "failed", 1, std::chrono::milliseconds(12400), failed_run_results(steps)});
  std::vector<std::string> lines = terminal.lines();
  ASSERT_EQ(lines.size(), 8u);
  EXPECT_EQ(lines[0], "[T] x start failed after 1.0s (3 attempts): command exited with status 3 (expected 0) [2/4]");
  EXPECT_EQ(lines[1], "");
  EXPECT_EQ(lines[2], "step          outcome     attempts  duration  message");
  EXPECT_EQ(lines[7], "[T] run 3 failed: step 'start' failed: command exited with status 3 (expected 0)");
}

std::string final_line(const RunSummary& summary) {
  LogUnderTest terminal({});
  terminal.log.run_finished(summary);
  return terminal.lines().back();
}

TEST(TerminalLog, FinalLineCountsTheOutcomesOfASucceededRun) {
  StepNode step = make_step("s", "run");
  std::vector<StepResult> results(10, make_result(step, StepOutcome::Done, 1, 100));
  results.resize(12, make_result(step, StepOutcome::UpToDate, 0, 0));
  EXPECT_EQ(final_line({3, "succeeded", 0, std::chrono::milliseconds(12400), results}),
            "[T] run 3 succeeded in 12.4s: 10 done, 2 up to date");
}

TEST(TerminalLog, FinalLineNamesTheFirstFailedStepAndCountsTheOthers) {
  Steps steps;
  std::vector<StepResult> results = failed_run_results(steps);
  results.push_back(make_result(steps.backup, StepOutcome::Failed, 1, 50, "disk full"));
  results.push_back(make_result(steps.tenants, StepOutcome::Failed, 1, 50, "disk full"));
  EXPECT_EQ(final_line({3, "failed", 1, std::chrono::milliseconds(1), results}),
            "[T] run 3 failed: step 'start' failed: command exited with status 3 (expected 0); 2 more steps failed");
}

TEST(TerminalLog, FinalLineTellsHowToResumeAnInterruptedRun) {
  EXPECT_EQ(final_line({3, "interrupted", 130, std::chrono::milliseconds(1), {}}),
            "[T] run 3 interrupted; run the same command again to resume");
}

TEST(TerminalLog, ColorsWhenAsked) {
  LogUnderTest terminal({.color = true, .quiet = false, .unicode = false});
  Steps steps;
  terminal.log.step_started(steps.copy, 1, false);
  terminal.log.step_finished(make_result(steps.copy, StepOutcome::Done, 1, 2300));
  terminal.log.step_finished(make_result(steps.start, StepOutcome::Failed, 1, 1000, "boom"));
  EXPECT_EQ(terminal.lines(), (std::vector<std::string>{
                                  "[T] \033[36m>\033[0m \033[1mcopy-db\033[0m (copy-db)",
                                  "[T] \033[32m+\033[0m copy-db done in 2.3s",
                                  "[T] \033[31mx\033[0m start \033[31mfailed\033[0m after 1.0s: boom",
                              }));
}

TEST(TerminalLog, ColoredTableStaysAligned) {
  LogUnderTest terminal({.color = true, .quiet = false, .unicode = false});
  Steps steps;
  terminal.log.run_finished({3, "failed", 1, std::chrono::milliseconds(12400), failed_run_results(steps)});
  std::vector<std::string> lines = terminal.lines();
  ASSERT_GE(lines.size(), 4u);
  EXPECT_EQ(lines[2], "copy-db       \033[32mdone      \033[0m         1      2.3s");
  EXPECT_EQ(lines[3], "start         \033[31mfailed    \033[0m         3      1.0s  " + std::string(kExitMessage));
}

}  // namespace
}  // namespace planrun
