#pragma once

#include <array>
#include <cstddef>
#include <vector>

#include "interpreter/executor/execution_observer.h"

namespace planrun {

// Every outcome, in the order people read them in summaries.
inline constexpr std::array<StepOutcome, 5> kStepOutcomes = {
    StepOutcome::Done, StepOutcome::UpToDate, StepOutcome::Skipped, StepOutcome::Failed, StepOutcome::Cancelled};

// How many steps of a run ended in each outcome; the terminal summary and the JSON outputs
// count the same way.
class OutcomeCounts {
 public:
  explicit OutcomeCounts(const std::vector<StepResult>& results);
  size_t of(StepOutcome outcome) const { return counts_[static_cast<size_t>(outcome)]; }

 private:
  std::array<size_t, kStepOutcomes.size()> counts_{};
};

}  // namespace planrun
