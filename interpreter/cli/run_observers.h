#pragma once

#include <memory>

#include "interpreter/cli/command_options.h"
#include "interpreter/observers/observer_list.h"

namespace planrun {

// The observers a run's command line asks for: the terminal log (always), progress bars (on a
// terminal), the JSON event stream (--log-json) and the final JSON report (--output json).
// Throws std::runtime_error when the event log cannot be opened.
std::unique_ptr<ObserverList> make_run_observers(const CommandOptions& options);

}  // namespace planrun
