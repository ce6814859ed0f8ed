#include "interpreter/observers/step_outcome.h"

#include <string>

namespace planrun {

// Declared beside StepOutcome (executor/execution_observer.h); these names are part of the
// JSON event stream and report, so scripts depend on them.
std::string outcome_name(StepOutcome outcome) {
  switch (outcome) {
    case StepOutcome::Done: return "done";
    case StepOutcome::UpToDate: return "up-to-date";
    case StepOutcome::Failed: return "failed";
    case StepOutcome::Skipped: return "skipped";
    case StepOutcome::Cancelled: return "cancelled";
  }
  return "unknown";
}

OutcomeCounts::OutcomeCounts(const std::vector<StepResult>& results) {
  for (const StepResult& result : results) ++counts_[static_cast<size_t>(result.outcome)];
}

}  // namespace planrun
