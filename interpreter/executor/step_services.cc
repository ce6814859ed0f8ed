#include "interpreter/executor/step_services.h"

namespace planrun {

void ObservedProgress::set_total(uint64_t total, Unit unit) {
  total_ = total;
  unit_ = unit;
  observer_.step_progress(step_, done_, total_, unit_);
}

void ObservedProgress::advance(uint64_t units) {
  done_ += units;
  observer_.step_progress(step_, done_, total_, unit_);
}

}  // namespace planrun
