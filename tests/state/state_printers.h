#pragma once

#include <ostream>

#include "interpreter/state/lock_owner.h"
#include "interpreter/state/run_record.h"
#include "interpreter/state/step_record.h"

// How GoogleTest shows state records in a failed expectation, instead of their bytes.
namespace planrun {

inline void PrintTo(const StepRecord& step, std::ostream* out) {
  *out << "{" << step.step_id << " " << step_status_name(step.status) << " fingerprint="
       << step.fingerprint << " attempts=" << step.attempts << " outputs=" << step.outputs_json
       << " message=" << step.message << " run=" << (step.run_id ? *step.run_id : -1) << "}";
}

inline void PrintTo(StepStatus status, std::ostream* out) { *out << step_status_name(status); }

inline void PrintTo(const RunRecord& run, std::ostream* out) {
  *out << "{run " << run.id << " " << run.plan_path << " outcome=" << run.outcome << "}";
}

inline void PrintTo(const LockOwner& owner, std::ostream* out) {
  *out << "{" << owner.describe(wall_now()) << "}";
}

}  // namespace planrun
