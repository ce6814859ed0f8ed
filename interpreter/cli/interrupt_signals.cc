#include "interpreter/cli/interrupt_signals.h"

#include <signal.h>
#include <unistd.h>

namespace planrun {

static volatile sig_atomic_t interrupts = 0;

static void on_signal(int signal) {
  if (signal == SIGINT && interrupts > 0) _exit(130);
  interrupts = interrupts + 1;
}

InterruptSignals::InterruptSignals(CancellationToken& token, std::function<void()> on_first) {
  interrupts = 0;
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  // A closed terminal or ssh session: stop as for SIGTERM, rather than die and leave the
  // running steps unrecorded.
  sigaction(SIGHUP, &action, nullptr);
  watcher_ = std::thread([this, &token, on_first = std::move(on_first)] {
    while (!stop_.load()) {
      if (interrupts > 0 && !token.requested()) {
        token.request();
        if (on_first) on_first();
      }
      usleep(20000);
    }
  });
}

InterruptSignals::~InterruptSignals() {
  stop_ = true;
  watcher_.join();
  signal(SIGINT, SIG_DFL);
  signal(SIGTERM, SIG_DFL);
  signal(SIGHUP, SIG_DFL);
}

}  // namespace planrun
