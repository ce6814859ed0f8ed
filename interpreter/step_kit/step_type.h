#pragma once

#include <map>
#include <string>
#include <vector>

#include "interpreter/step_kit/step_context.h"
#include "interpreter/step_kit/step_schema.h"

namespace planrun {

// What a dry run (`planrun plan`) may look at to say what a step would do: the resolved fields
// and the services, read only (a diff of a configuration file, the tables a copy would copy).
struct DescribeContext {
  const StepNode& step;
  const Value::Map& fields;
  const SecretMasker& masker;  // every line describe returns passes through it
  StepServices services = system_step_services();
  // The checkpoints of the interrupted attempt a run would resume (empty when it would start
  // afresh), so that describe can say where the resume continues.
  std::map<std::string, std::string> checkpoints = {};
};

// One step type's action, read from top to bottom in steps/<type>/<type>_step.cc: what it would
// do (describe) and what it does (run); schema() is its entry in the catalogue
// (<type>_fields.cc). Registered by one line in steps/step_registry.cc.
// Implementations are stateless; run() throws StepFailure (or, from adapters, EnvironmentError)
// to fail, and must be safe to run again after a crash at any instruction (write to temp +
// rename; create if absent; checkpoints after durable work). Any other exception is a bug in
// planrun.
class StepType {
 public:
  virtual ~StepType() = default;
  // What happens when a step with checkpoints is run again after its real inputs changed
  // (its fingerprint differs from the interrupted attempt's).
  enum class OnChangedInputs {
    StartOver,  // discard_partial_work(), forget the checkpoints, run from the beginning
    Refuse,     // fail naming the step: an operator must decide (e.g. `--from STEP`)
  };

  virtual const StepSchema& schema() const = 0;
  virtual void run(StepContext& context) const = 0;
  // Lines saying what the step would do with these fields; nothing is changed. The dry run
  // shows them under the step. Empty: the resolved fields say it all.
  virtual std::vector<std::string> describe(const DescribeContext&) const { return {}; }
  virtual OnChangedInputs on_changed_inputs() const { return OnChangedInputs::StartOver; }
  // Undoes the step's own partial work (files in its work_dir, half-copied tables) before it
  // starts over; the executor calls it, then forgets the checkpoints. Must be safe to call
  // when there is nothing to undo. The work_dir itself is removed by the executor after it.
  virtual void discard_partial_work(StepContext&) const {}
};

}  // namespace planrun
