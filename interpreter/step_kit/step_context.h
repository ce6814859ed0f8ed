#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "interpreter/graph/action_graph.h"
#include "interpreter/parallel/cancellation_token.h"
#include "interpreter/step_kit/step_services.h"
#include "interpreter/values/value.h"

namespace planrun {

// Where a step reports how far it is. The main counter (set_total, advance) draws the step's
// bar; named counters add what else moves: by unit ("bytes" beside rows) or per sub-task
// ("table UM_USER", "file a.jar"), each with its own total. A resumed step sets its counters
// absolutely from its checkpoints. Every call is safe from several threads at once.
class ProgressReporter {
 public:
  enum class Unit { Items, Rows, Bytes, Files };
  virtual ~ProgressReporter() = default;
  virtual void set_total(uint64_t total, Unit unit) = 0;
  virtual void advance(uint64_t units) = 0;
  // Sets the main counter's count absolutely.
  virtual void set_done(uint64_t done) = 0;
  // Sets a named counter absolutely; total 0 when unknown.
  virtual void set_counter(const std::string& name, uint64_t done, uint64_t total, Unit unit) = 0;
  // Adds to a named counter (set it first, for its total and unit).
  virtual void add_to_counter(const std::string& name, uint64_t units) = 0;
};

// A step's durable memory inside one attempt: put() returns only once the value is on disk,
// so a step records a checkpoint after the work it describes is durable, never before.
class CheckpointStore {
 public:
  virtual ~CheckpointStore() = default;
  virtual std::optional<std::string> get(const std::string& key) const = 0;
  virtual void put(const std::string& key, const std::string& value) = 0;
  // Several at once, in one transaction: all of them or none are durable.
  virtual void put_all(const std::map<std::string, std::string>& values) = 0;
  // Every checkpoint of the step, by key.
  virtual std::map<std::string, std::string> list() const = 0;
  // Forgets one checkpoint; durable on return.
  virtual void remove(const std::string& key) = 0;
};

// Masks the text of every secret value in anything shown to people or written to logs.
class SecretMasker {
 public:
  virtual ~SecretMasker() = default;
  virtual std::string mask(const std::string& text) const = 0;
};

// Where a step's lines go: to the terminal log, the step's own log file in the run directory
// and the JSON event stream, each masked of secrets.
class StepLog {
 public:
  virtual ~StepLog() = default;
  virtual void info(const std::string& line) = 0;
  virtual void warn(const std::string& line) = 0;
  // A line of output from a command the step runs (stdout or stderr).
  virtual void output(const std::string& line) = 0;
};

// How the operator takes part: whether a human can be asked, and whether --yes approved all.
struct Interaction {
  bool assume_yes = false;
  bool interactive = false;  // stdin and stderr are a terminal
  // Asks a yes/no question on the terminal, one prompt at a time; only called when
  // `interactive`. Returns nullopt when `cancel` is requested while it waits (Ctrl-C).
  std::function<std::optional<bool>(const std::string& question, const CancellationToken& cancel)> ask;
};

// Everything a step gets to do its work; it reaches the world only through these services.
// Fields are read typed with step_kit/step_field.h.
struct StepContext {
  const StepNode& step;
  Value::Map fields;      // the resolved `with` fields, typed (secrets marked)
  StepLog& log;
  const CancellationToken& cancel;
  ProgressReporter& progress;
  CheckpointStore& checkpoints;
  const SecretMasker& masker;
  Interaction interaction;
  std::filesystem::path state_dir;
  std::filesystem::path run_dir;            // per-run files: step logs
  std::optional<std::chrono::steady_clock::time_point> deadline;  // from `timeout`, on services.clock
  Value::Map outputs;                       // what the step publishes as steps.ID.outputs.*
  StepServices services = system_step_services();
  // <state_dir>/work/<plan>/<step id>/: the step's partial files. It survives interruptions and
  // resumes; the step creates it when it needs it; it is removed once the step is done.
  std::filesystem::path work_dir;
  bool resuming = false;  // an earlier attempt of this definition was interrupted or failed
  int attempt = 1;        // 1 for the first try in this run, counting `retry` attempts
};

}  // namespace planrun
