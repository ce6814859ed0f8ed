#pragma once

#include <spdlog/logger.h>

#include <memory>
#include <string>

#include "interpreter/executor/execution_observer.h"
#include "interpreter/observers/terminal_sink.h"
#include "interpreter/observers/terminal_style.h"

namespace planrun {

// The human log of a run, on the terminal through its own spdlog logger:
// a line when a step starts and when it ends, the step's log and output lines prefixed with its
// id ("  [start] ...") so that parallel steps stay apart, and at the end a table of all steps
// and one line that says how the run went. Writes through a TerminalSink shared with
// ProgressDisplay, which keeps the progress bars below these lines.
class TerminalLog final : public ExecutionObserver {
 public:
  struct Options {
    bool color = false;    // ANSI colors: stderr is a terminal and NO_COLOR is unset
    bool quiet = false;    // only failures, the table and the final line
    bool unicode = false;  // ▶ ✓ ✗ ■ rather than > + x ! (TerminalStyle)
  };

  TerminalLog(std::shared_ptr<TerminalSink> sink, Options options);

  void run_started(const RunInfo& run) override;
  void step_started(const StepNode& step, int attempt, bool resumed) override;
  void step_log(const StepNode& step, bool warning, const std::string& line) override;
  void step_output(const StepNode& step, const std::string& line) override;
  void step_finished(const StepResult& result) override;
  void run_finished(const RunSummary& summary) override;

 private:
  void log(const std::string& line);
  std::string step_prefix(const StepNode& step) const;
  std::string finished_line(const StepResult& result) const;
  std::string final_line(const RunSummary& summary) const;
  std::string failure_clause(const RunSummary& summary) const;

  std::shared_ptr<TerminalSink> sink_;
  std::shared_ptr<spdlog::logger> logger_;
  Options options_;
  TerminalStyle style_;
  size_t steps_in_run_ = 0;   // from run_started; 0 when unknown
  size_t steps_finished_ = 0;
};

}  // namespace planrun
