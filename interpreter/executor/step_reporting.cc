#include "interpreter/executor/step_reporting.h"

namespace planrun {

void ObservedProgress::report_main() { observer_.step_progress(step_, main_.done, main_.total, main_.unit); }

void ObservedProgress::report(const std::string& name, const Counter& counter) {
  observer_.step_counter(step_, name, counter.done, counter.total, counter.unit);
}

void ObservedProgress::set_total(uint64_t total, Unit unit) {
  std::lock_guard lock(mutex_);
  main_.total = total;
  main_.unit = unit;
  report_main();
}

void ObservedProgress::advance(uint64_t units) {
  std::lock_guard lock(mutex_);
  main_.done += units;
  report_main();
}

void ObservedProgress::set_done(uint64_t done) {
  std::lock_guard lock(mutex_);
  main_.done = done;
  report_main();
}

void ObservedProgress::set_counter(const std::string& name, uint64_t done, uint64_t total, Unit unit) {
  std::lock_guard lock(mutex_);
  Counter& counter = counters_[name];
  counter = {done, total, unit};
  report(name, counter);
}

void ObservedProgress::add_to_counter(const std::string& name, uint64_t units) {
  std::lock_guard lock(mutex_);
  Counter& counter = counters_[name];
  counter.done += units;
  report(name, counter);
}

}  // namespace planrun
