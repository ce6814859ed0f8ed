#pragma once

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "interpreter/executor/execution_observer.h"
#include "interpreter/observers/result_json.h"

namespace planrun {

// The run as a stream of events for machines (--log-json FILE), one JSON object per line:
//   {"ts":"2026-11-22T03:04:05.123Z","event":"step_started","step":"copy-db","type":"copy-db",...}
// Events: run_started {run_id, plan, steps, jobs}, step_started {step, type, attempt, resumed},
// step_log {step, level: "info"|"warning", line}, step_output {step, line},
// step_progress {step, done, total, unit}, step_counter {step, counter, done, total, unit},
// step_finished {step, outcome, attempts, duration_ms,
// message}, run_finished {run_id, outcome, exit_code, duration_ms, counts {outcome: n}}.
// Each line is flushed as it is written, so `tail -f` follows the run and a crash of planrun
// loses at most the line being written. Progress is thinned to two events a second per step
// and per counter; a step's last reports are always written before its step_finished.
class JsonEventLog final : public ExecutionObserver {
 public:
  using WallClock = std::chrono::system_clock;
  using Now = std::function<WallClock::time_point()>;
  static constexpr std::chrono::milliseconds kProgressInterval{500};

  // Opens `path` for appending (several runs can share one file); throws std::runtime_error
  // naming the file and the cause when it cannot. `now` is the clock, for tests.
  explicit JsonEventLog(const std::filesystem::path& path, Now now = {});
  ~JsonEventLog() override;
  JsonEventLog(const JsonEventLog&) = delete;
  JsonEventLog& operator=(const JsonEventLog&) = delete;

  void run_started(const RunInfo& run) override;
  void step_started(const StepNode& step, int attempt, bool resumed) override;
  void step_log(const StepNode& step, bool warning, const std::string& line) override;
  void step_output(const StepNode& step, const std::string& line) override;
  void step_progress(const StepNode& step, uint64_t done, uint64_t total, ProgressReporter::Unit unit) override;
  void step_counter(const StepNode& step, const std::string& name, uint64_t done, uint64_t total,
                    ProgressReporter::Unit unit) override;
  void step_finished(const StepResult& result) override;
  void run_finished(const RunSummary& summary) override;

 private:
  // A step's progress events: when one was last written, and the latest one held back since.
  struct ProgressThrottle {
    std::optional<WallClock::time_point> last_written;
    std::optional<OrderedJson> held;
  };

  OrderedJson event(std::string_view name, WallClock::time_point at) const;
  OrderedJson event(std::string_view name) const { return event(name, now_()); }
  void write_held_progress(const std::string& key);
  void write_throttled(const std::string& key, WallClock::time_point at, OrderedJson line);
  static std::string counter_key(const std::string& step_id, const std::string& name);
  void write(const OrderedJson& event);

  std::filesystem::path path_;
  FILE* file_ = nullptr;
  Now now_;
  bool broken_ = false;  // a write failed: warned once, nothing more is written
  std::map<std::string, ProgressThrottle> progress_;  // by step id, and by counter_key
};

}  // namespace planrun
