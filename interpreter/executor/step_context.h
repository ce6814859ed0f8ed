#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "interpreter/executor/cancellation.h"
#include "interpreter/graph/action_graph.h"
#include "interpreter/values/value.h"

namespace planrun {

// Where a step reports how far it is: units done out of a total, in rows, bytes, files or items.
class ProgressReporter {
 public:
  enum class Unit { Items, Rows, Bytes, Files };
  virtual ~ProgressReporter() = default;
  virtual void set_total(uint64_t total, Unit unit) = 0;
  virtual void advance(uint64_t units) = 0;
};

// A step's durable memory inside one attempt: put() returns only once the value is on disk,
// so a step records a checkpoint after the work it describes is durable, never before.
class CheckpointStore {
 public:
  virtual ~CheckpointStore() = default;
  virtual std::optional<std::string> get(const std::string& key) const = 0;
  virtual void put(const std::string& key, const std::string& value) = 0;
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
  // Asks a yes/no question on the terminal; only called when `interactive`.
  std::function<bool(const std::string& question)> ask;
};

// Everything a step gets to do its work; it reaches the world only through these and its own
// narrow adapters (processes, databases, files). Fields are read with steps/step_fields.h.
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
  std::optional<std::chrono::steady_clock::time_point> deadline;  // from `timeout`
  Value::Map outputs;                       // what the step publishes as steps.ID.outputs.*
};

// One step type's behaviour. Implementations are stateless; run() throws StepFailure to fail,
// and must be safe to run again after a crash at any instruction (write to temp + rename;
// create if absent; checkpoints after durable work).
class StepAction {
 public:
  virtual ~StepAction() = default;
  virtual void run(StepContext& context) const = 0;
};

// The action of a step type, or nullptr when this planrun cannot run that type yet.
const StepAction* find_step_action(const std::string& type);

}  // namespace planrun
