#include "interpreter/cli/run_observers.h"

namespace planrun {

std::unique_ptr<ObserverList> make_run_observers(const CommandOptions& options) {
  auto observers = std::make_unique<ObserverList>();
  (void)options;
  return observers;
}

}  // namespace planrun
