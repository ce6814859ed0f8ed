#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "interpreter/parallel/cancellation_token.h"

namespace planrun {

// What to run and how to bound it. The child gets /dev/null as stdin, pipes as stdout and
// stderr, and a process group of its own, so that stopping it stops everything it started.
struct ProcessSpec {
  std::vector<std::string> argv;             // argv[0] is looked up in PATH unless it holds a '/'
  std::map<std::string, std::string> env;    // added to (or replacing) planrun's own environment
  std::optional<std::filesystem::path> cwd;  // default: planrun's working directory
  std::optional<std::chrono::steady_clock::time_point> deadline;  // stopped when it passes
  const CancellationToken* cancel = nullptr;  // stopped when cancellation is requested
};

// The argv that runs `script` with /bin/sh -c.
std::vector<std::string> shell_command(const std::string& script);

// How a process ended: start_error, exit_code or signal says so (none of them only when
// something else in planrun reaped the child first and its status was lost).
struct ProcessResult {
  std::string start_error;         // "cannot run 'foo': No such file or directory"
  std::optional<int> exit_code;    // it exited with this status
  std::optional<int> signal;       // a signal ended it
  bool timed_out = false;          // the deadline passed and it was stopped
  bool cancelled = false;          // cancellation was requested and it was stopped
  bool output_left_open = false;   // it exited, but something it started kept its output open

  bool started() const { return start_error.empty(); }
};

enum class OutputStream { Stdout, Stderr };

// Receives each line of output, without its line end, as it arrives.
using OutputHandler = std::function<void(OutputStream stream, const std::string& line)>;

// Starts programs: the one way planrun runs commands, so steps and tests share it.
class ProcessRunner {
 public:
  virtual ~ProcessRunner() = default;
  // Runs the command to its end on the calling thread, handing output lines to `on_line`.
  // When on_line throws, the process group is killed and the exception goes on.
  virtual ProcessResult run(const ProcessSpec& spec, const OutputHandler& on_line) const = 0;
};

// fork/exec on POSIX. A process stopped for its deadline or cancellation gets SIGTERM, and
// SIGKILL after `grace` if its group has not gone by then.
class PosixProcessRunner final : public ProcessRunner {
 public:
  explicit PosixProcessRunner(std::chrono::milliseconds grace = std::chrono::seconds(2)) : grace_(grace) {}
  ProcessResult run(const ProcessSpec& spec, const OutputHandler& on_line) const override;

 private:
  std::chrono::milliseconds grace_;
};

// The runner steps use: a PosixProcessRunner with the standard grace period.
const ProcessRunner& system_process_runner();

}  // namespace planrun
