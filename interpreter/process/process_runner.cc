// Supervising a child: one thread polls both output pipes (so neither can fill up and block
// the child), reaps the child, and stops its process group on deadline or cancellation.

#include "interpreter/process/process_runner.h"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>

#include <algorithm>
#include <thread>
#include <cerrno>

#include "interpreter/process/child_process.h"
#include "interpreter/process/line_splitter.h"

namespace planrun {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr milliseconds stop_check_interval{50};  // how often deadline and cancellation are looked at
constexpr milliseconds reap_interval{5};         // output closed: only the exit is awaited, polled
constexpr std::chrono::microseconds first_reap_wait{50};  // ... at first this soon: it is usually at hand
// A command may start a daemon that keeps the output pipes open; its own end is what counts.
constexpr milliseconds output_drain{1000};

// Watches one child to its end: pumps its output, stops it when asked, reaps it.
class Supervision {
 public:
  Supervision(ChildProcess& child, const ProcessSpec& spec, milliseconds grace, const OutputHandler& on_line)
      : child_(child), spec_(spec), grace_(grace), on_line_(on_line) {}
  ProcessResult run();

 private:
  bool output_open() { return child_.stdout_pipe().valid() || child_.stderr_pipe().valid(); }
  void stop_if_asked(Clock::time_point now);
  void escalate(Clock::time_point now);
  bool output_abandoned(Clock::time_point now) const;
  void pump(milliseconds timeout);
  void read_from(FileDescriptor& pipe, LineSplitter& lines, OutputStream stream);
  ProcessResult result() const;

  ChildProcess& child_;
  const ProcessSpec& spec_;
  milliseconds grace_;
  const OutputHandler& on_line_;
  LineSplitter stdout_lines_;
  LineSplitter stderr_lines_;
  std::optional<Clock::time_point> kill_at_;  // set once stopping: SIGKILL follows SIGTERM then
  bool killed_ = false;
  std::optional<Clock::time_point> ended_at_;
  std::chrono::microseconds reap_wait_ = first_reap_wait;
  bool timed_out_ = false;
  bool cancelled_ = false;
  bool output_left_open_ = false;
};

ProcessResult Supervision::run() {
  while (!ended_at_ || output_open()) {
    Clock::time_point now = Clock::now();
    stop_if_asked(now);
    escalate(now);
    if (output_abandoned(now)) {
      output_left_open_ = true;
      break;
    }
    if (output_open()) {
      pump(stop_check_interval);
    } else {
      // Exit follows closed output within microseconds; back off up to reap_interval.
      std::this_thread::sleep_for(reap_wait_);
      reap_wait_ = std::min<std::chrono::microseconds>(reap_wait_ * 2, reap_interval);
    }
    if (!ended_at_ && child_.ended()) ended_at_ = Clock::now();
  }
  return result();
}

void Supervision::stop_if_asked(Clock::time_point now) {
  if (kill_at_ || ended_at_) return;
  timed_out_ = spec_.deadline && now >= *spec_.deadline;
  cancelled_ = !timed_out_ && spec_.cancel && spec_.cancel->requested();
  if (!timed_out_ && !cancelled_) return;
  child_.signal_group(SIGTERM);
  kill_at_ = now + grace_;
}

void Supervision::escalate(Clock::time_point now) {
  if (!kill_at_ || killed_ || now < *kill_at_) return;
  child_.signal_group(SIGKILL);
  killed_ = true;
}

bool Supervision::output_abandoned(Clock::time_point now) const {
  if (!ended_at_) return false;
  Clock::time_point give_up = *ended_at_ + output_drain;
  if (kill_at_) give_up = std::max(give_up, *kill_at_ + output_drain);
  return now >= give_up;
}

void Supervision::pump(milliseconds timeout) {
  FileDescriptor* pipes[2] = {&child_.stdout_pipe(), &child_.stderr_pipe()};
  pollfd fds[2];
  nfds_t count = 0;
  for (FileDescriptor* pipe : pipes)
    if (pipe->valid()) fds[count++] = pollfd{pipe->get(), POLLIN, 0};
  if (::poll(fds, count, static_cast<int>(timeout.count())) <= 0) return;
  for (nfds_t i = 0; i < count; ++i) {
    if (fds[i].revents == 0) continue;
    bool is_stdout = fds[i].fd == child_.stdout_pipe().get();
    if (is_stdout) read_from(child_.stdout_pipe(), stdout_lines_, OutputStream::Stdout);
    else read_from(child_.stderr_pipe(), stderr_lines_, OutputStream::Stderr);
  }
}

void Supervision::read_from(FileDescriptor& pipe, LineSplitter& lines, OutputStream stream) {
  char buffer[64 * 1024];
  ssize_t got = ::read(pipe.get(), buffer, sizeof buffer);
  if (got < 0 && (errno == EINTR || errno == EAGAIN)) return;
  auto deliver = [&](const std::string& line) { on_line_(stream, line); };
  if (got > 0) return lines.feed(std::string_view(buffer, static_cast<size_t>(got)), deliver);
  lines.finish(deliver);
  pipe.reset();
}

ProcessResult Supervision::result() const {
  ProcessResult result;
  result.timed_out = timed_out_;
  result.cancelled = cancelled_;
  result.output_left_open = output_left_open_;
  if (auto status = child_.wait_status()) {
    if (WIFEXITED(*status)) result.exit_code = WEXITSTATUS(*status);
    if (WIFSIGNALED(*status)) result.signal = WTERMSIG(*status);
  }
  return result;
}

}  // namespace

std::vector<std::string> shell_command(const std::string& script) { return {"/bin/sh", "-c", script}; }

ProcessResult PosixProcessRunner::run(const ProcessSpec& spec, const OutputHandler& on_line) const {
  std::optional<ChildProcess> child;
  try {
    child.emplace(spec);
  } catch (const ProcessStartError& error) {
    ProcessResult result;
    result.start_error = error.what();
    return result;
  }
  return Supervision(*child, spec, grace_, on_line).run();
}

const ProcessRunner& system_process_runner() {
  static const PosixProcessRunner runner;
  return runner;
}

}  // namespace planrun
