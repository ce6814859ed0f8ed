#include "interpreter/cli/interrupt_signals.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <system_error>

namespace planrun {

static volatile sig_atomic_t interrupts = 0;
// The self-pipe: the handler writes a byte, which wakes the watcher blocked in read().
static int wake_pipe[2] = {-1, -1};
constexpr char kSignalled = 's', kQuit = 'q';

static void on_signal(int signal) {
  if (signal == SIGINT && interrupts > 0) _exit(130);
  interrupts = interrupts + 1;
  int saved = errno;
  char byte = kSignalled;
  (void)!write(wake_pipe[1], &byte, 1);  // non-blocking: a full pipe already holds a wake-up
  errno = saved;
}

InterruptSignals::InterruptSignals(CancellationToken& token, std::function<void()> on_first) {
  interrupts = 0;
  if (pipe2(wake_pipe, O_CLOEXEC) != 0) throw std::system_error(errno, std::generic_category(), "pipe");
  fcntl(wake_pipe[1], F_SETFL, O_NONBLOCK);
  watcher_ = std::thread([&token, on_first = std::move(on_first)] {
    for (;;) {
      char byte = 0;
      ssize_t got = read(wake_pipe[0], &byte, 1);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0 || byte == kQuit) return;
      if (interrupts > 0 && !token.requested()) {
        token.request();
        if (on_first) on_first();
      }
    }
  });
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  // A closed terminal or ssh session: stop as for SIGTERM, rather than die and leave the
  // running steps unrecorded.
  sigaction(SIGHUP, &action, nullptr);
}

InterruptSignals::~InterruptSignals() {
  char byte = kQuit;
  while (write(wake_pipe[1], &byte, 1) < 0 && errno == EINTR) {
  }
  watcher_.join();
  signal(SIGINT, SIG_DFL);
  signal(SIGTERM, SIG_DFL);
  signal(SIGHUP, SIG_DFL);
  int read_end = wake_pipe[0], write_end = wake_pipe[1];
  wake_pipe[0] = wake_pipe[1] = -1;
  close(read_end);
  close(write_end);
}

}  // namespace planrun
