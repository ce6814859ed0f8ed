#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "interpreter/step_kit/step_context.h"

namespace planrun {

// One thing a step waits for: a port, a URL, a file, a line in a log, the end of a process.
struct WaitProbe {
  std::string subject;    // as messages name it: "port 127.0.0.1:9443"
  std::string not_ready;  // what the timeout says of it: "did not accept connections"
  // One try that takes at most `budget`: nullopt when ready, else a note on why not
  // ("last try: Connection refused"), possibly empty. Throws StepFailure to end the wait at
  // once when waiting longer cannot help (the log shows an ERROR, the server exited).
  std::function<std::optional<std::string>(std::chrono::milliseconds budget)> attempt;
};

// Ready once every probe has been ready (each is tried until it is, then no more): a start
// that must both log its line and open its port.
WaitProbe all_of(std::vector<WaitProbe> probes);

// Tries `probe` every `interval` until it is ready, on services.clock, so that a test of a
// 30 s wait takes no time. Fails with StepFailure TimedOut (naming the probe and its last note)
// after `timeout` (or the step's own deadline, when earlier), Cancelled when the run is
// interrupted. Logs the start and the end of the wait; returns how long it waited.
std::chrono::milliseconds wait_until_ready(StepContext& context, const WaitProbe& probe,
                                           std::chrono::milliseconds timeout, std::chrono::milliseconds interval);

}  // namespace planrun
