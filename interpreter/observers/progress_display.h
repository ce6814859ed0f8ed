#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <memory>
#include <optional>
#include <vector>

#include "interpreter/executor/execution_observer.h"
#include "interpreter/observers/progress_bar.h"
#include "interpreter/observers/terminal_sink.h"

namespace planrun {

// Live progress bars, one per running step that reports progress, kept in the TerminalSink's
// status block below the log lines. Redrawn at most ten times a second however often steps
// report; a bar appears on a step's first report and goes when the step finishes. Only for a
// terminal that understands ANSI (TerminalCapabilities::ansi): the caller decides. A step's
// named counters are lines under its bar.
class ProgressDisplay final : public ExecutionObserver {
 public:
  using Clock = ProgressBar::Clock;
  using Now = std::function<Clock::time_point()>;
  static constexpr std::chrono::milliseconds kRedrawInterval{100};

  // `width` is the terminal's (TerminalCapabilities::width); `now` is the clock, for tests.
  ProgressDisplay(std::shared_ptr<TerminalSink> sink, int width, Now now = {});
  ~ProgressDisplay() override;

  void step_started(const StepNode& step, int attempt, bool resumed) override;
  void step_log(const StepNode& step, bool warning, const std::string& line) override;
  void step_output(const StepNode& step, const std::string& line) override;
  void step_progress(const StepNode& step, uint64_t done, uint64_t total, ProgressReporter::Unit unit) override;
  void step_counter(const StepNode& step, const std::string& name, uint64_t done, uint64_t total,
                    ProgressReporter::Unit unit) override;
  void step_finished(const StepResult& result) override;
  void run_finished(const RunSummary& summary) override;

 private:
  ProgressBar* find(const std::string& step_id);
  void remove(const std::string& step_id);
  void draw_if_due();
  void draw();

  std::shared_ptr<TerminalSink> sink_;
  size_t width_;
  Now now_;
  std::vector<ProgressBar> bars_;  // in the order the steps first reported
  // A step's named counters as shown under its bar ("bytes 1.5 GiB / 3.0 GiB"), by step, by name.
  std::map<std::string, std::map<std::string, std::string>> counters_;
  std::optional<Clock::time_point> last_draw_;
  bool stale_ = false;              // a report came in since the last draw
};

}  // namespace planrun
