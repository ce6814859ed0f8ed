#pragma once

#include <sys/types.h>

#include <optional>
#include <stdexcept>

#include "interpreter/files/file_descriptor.h"
#include "interpreter/process/process_runner.h"

namespace planrun {

// A command that could not be started; the message is for the operator:
// "cannot run 'foo': No such file or directory".
struct ProcessStartError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A started child process, leader of its own process group, with its stdout and stderr on
// pipes whose read ends this object owns. It never leaves an orphan or a zombie: when it goes
// while the child still runs, it kills the group and reaps the child; while it lives, the
// group keeper kills the group if planrun dies (group_keeper.h).
class ChildProcess {
 public:
  // Starts spec.argv (spec.deadline and spec.cancel are for the caller); throws ProcessStartError.
  explicit ChildProcess(const ProcessSpec& spec);
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  ~ChildProcess();

  FileDescriptor& stdout_pipe() { return stdout_; }
  FileDescriptor& stderr_pipe() { return stderr_; }

  // Reaps the child without waiting when it has ended; true once it has.
  bool ended();
  // The wait status once ended; nullopt when something else reaped the child first.
  std::optional<int> wait_status() const { return status_; }
  // Sends `signal` to every process of the group (the child and what it started).
  void signal_group(int signal) const;

 private:
  pid_t pid_ = -1;
  FileDescriptor stdout_;
  FileDescriptor stderr_;
  bool ended_ = false;
  std::optional<int> status_;
};

}  // namespace planrun
