#include "interpreter/cli/terminal_prompt.h"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

#include "interpreter/files/file_descriptor.h"

namespace planrun {
namespace {

// A pipe that a cancellation callback writes to, so that poll() wakes up: a signal handler or
// another thread cannot otherwise interrupt a read on the terminal.
struct WakePipe {
  FileDescriptor read_end, write_end;
  WakePipe() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0) throw std::system_error(errno, std::generic_category(), "pipe2");
    read_end = FileDescriptor(fds[0]);
    write_end = FileDescriptor(fds[1]);
  }
};

// Waits until `input` is readable (true) or the pipe is (false: cancelled).
bool wait_readable(int input, int wake) {
  for (;;) {
    pollfd fds[2] = {{input, POLLIN, 0}, {wake, POLLIN, 0}};
    int ready = ::poll(fds, 2, -1);
    if (ready < 0 && errno == EINTR) continue;  // Ctrl-C: the token's request comes through the pipe
    if (ready < 0) return true;                 // let read() report the error
    if (fds[1].revents) return false;
    return true;
  }
}

}  // namespace

std::optional<std::string> TerminalPrompt::read_line(const CancellationToken& cancel) {
  WakePipe wake;
  int wake_fd = wake.write_end.get();
  CancellationToken::Registration registration = cancel.on_request([wake_fd] {
    char byte = 1;
    [[maybe_unused]] ssize_t ignored = ::write(wake_fd, &byte, 1);
  });
  std::string line;
  for (;;) {
    if (!wait_readable(input_, wake.read_end.get())) return std::nullopt;
    char c;
    ssize_t got = ::read(input_, &c, 1);
    if (got < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (got <= 0) return line.empty() ? std::nullopt : std::optional(line);
    if (c == '\n') return line;
    line += c;
  }
}

std::optional<bool> TerminalPrompt::ask(const std::string& question, const CancellationToken& cancel) {
  std::lock_guard turn(turn_);
  if (cancel.requested()) return std::nullopt;
  std::fprintf(output_, "%s [y/N] ", question.c_str());
  std::fflush(output_);
  std::optional<std::string> answer = read_line(cancel);
  if (cancel.requested()) {
    std::fputc('\n', output_);  // the operator's ^C left the cursor after the question
    return std::nullopt;
  }
  return answer && (*answer == "y" || *answer == "Y" || *answer == "yes");
}

TerminalPrompt& terminal_prompt() {
  static TerminalPrompt prompt(STDIN_FILENO, stderr);
  return prompt;
}

bool ask_yes_no(const std::string& question) {
  if (!isatty(STDIN_FILENO)) return false;
  CancellationToken never;
  return terminal_prompt().ask(question, never).value_or(false);
}

}  // namespace planrun
