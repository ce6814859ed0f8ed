// Starting a child with vfork/execve. planrun is multi-threaded (-j N), so between vfork and
// exec the child may only make async-signal-safe calls: everything it needs (program path,
// argv, environment) is built before the fork, and exec failures travel back to the parent
// through a close-on-exec pipe, which reads end-of-file when exec succeeded.

#include "interpreter/process/child_process.h"

#include <fcntl.h>
#include <sys/prctl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <string>
#include <system_error>
#include <vector>

#include "interpreter/process/group_keeper.h"

extern char** environ;

namespace planrun {
namespace {

// What the child needs after the fork, ready to use without allocating.
struct LaunchPlan {
  std::string program;  // the resolved path of argv[0]
  std::vector<std::string> arguments;
  std::vector<std::string> environment;  // NAME=value
  std::vector<char*> argv;
  std::vector<char*> envp;
  std::string cwd;  // empty: stay in planrun's
  int max_fd = 1024;
};

// Which preparation of the child failed; sent back with errno.
enum class Stage : int { Redirect, ChangeDirectory, Execute };
struct ChildReport {
  Stage stage;
  int error;
};

std::string error_text(int error) { return std::error_code(error, std::generic_category()).message(); }

ProcessStartError start_error(const std::string& name, const std::string& why) {
  return ProcessStartError("cannot run '" + name + "': " + why);
}

std::map<std::string, std::string> merged_environment(const std::map<std::string, std::string>& additions) {
  std::map<std::string, std::string> merged;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    std::string text(*entry);
    size_t equals = text.find('=');
    if (equals != std::string::npos) merged.emplace(text.substr(0, equals), text.substr(equals + 1));
  }
  for (const auto& [name, value] : additions) merged[name] = value;
  return merged;
}

bool is_executable_file(const std::string& path) {
  struct stat info {};
  return ::access(path.c_str(), X_OK) == 0 && ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

// Looks `name` up as execvp would, but in the child's PATH, which `env` may have changed.
std::string resolve_program(const std::string& name, const std::map<std::string, std::string>& env) {
  if (name.empty()) throw start_error(name, error_text(ENOENT));
  if (name.find('/') != std::string::npos) return name;
  auto path = env.find("PATH");
  std::string directories = path != env.end() ? path->second : "/usr/local/bin:/usr/bin:/bin";
  int error = ENOENT;
  size_t begin = 0;
  while (begin <= directories.size()) {
    size_t end = std::min(directories.find(':', begin), directories.size());
    std::string directory = directories.substr(begin, end - begin);
    std::string candidate = (directory.empty() ? "." : directory) + "/" + name;
    if (is_executable_file(candidate)) return candidate;
    if (errno == EACCES) error = EACCES;
    begin = end + 1;
  }
  throw start_error(name, error_text(error));
}

std::vector<char*> pointers_to(std::vector<std::string>& texts) {
  std::vector<char*> pointers;
  for (std::string& text : texts) pointers.push_back(text.data());
  pointers.push_back(nullptr);
  return pointers;
}

LaunchPlan plan_launch(const ProcessSpec& spec) {
  if (spec.argv.empty()) throw start_error("", "the command is empty");
  LaunchPlan plan;
  auto environment = merged_environment(spec.env);
  plan.program = resolve_program(spec.argv.front(), environment);
  plan.arguments = spec.argv;
  for (const auto& [name, value] : environment) plan.environment.push_back(name + "=" + value);
  plan.argv = pointers_to(plan.arguments);
  plan.envp = pointers_to(plan.environment);
  if (spec.cwd) plan.cwd = spec.cwd->string();
  long open_max = ::sysconf(_SC_OPEN_MAX);
  if (open_max > 0) plan.max_fd = static_cast<int>(std::min(open_max, 65536L));
  return plan;
}

struct Pipe {
  FileDescriptor read;
  FileDescriptor write;
};

// Both ends close on exec, so no other child started meanwhile (-j N) inherits them.
Pipe make_pipe() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw ProcessStartError("cannot create a pipe: " + error_text(errno));
  return {FileDescriptor(fds[0]), FileDescriptor(fds[1])};
}

// --- In the child: async-signal-safe calls only. ---

[[noreturn]] void report_and_exit(int report_fd, Stage stage) {
  ChildReport report{stage, errno};
  ssize_t written = ::write(report_fd, &report, sizeof report);
  (void)written;
  ::_exit(127);
}

// Ignored signals and the blocked mask survive exec: a command must not inherit planrun's.
void reset_signals() {
  struct sigaction action {};
  action.sa_handler = SIG_DFL;
  sigemptyset(&action.sa_mask);
  for (int signal = 1; signal < NSIG; ++signal)
    if (signal != SIGKILL && signal != SIGSTOP) ::sigaction(signal, &action, nullptr);
  sigset_t none;
  sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
}

// Descriptors opened by other threads without O_CLOEXEC must not leak into the command.
void close_other_fds(int keep, int max_fd) {
  bool closed = (keep == 3 || ::close_range(3, keep - 1, 0) == 0) && ::close_range(keep + 1, ~0U, 0) == 0;
  if (closed) return;
  for (int fd = 3; fd < max_fd; ++fd)
    if (fd != keep) ::close(fd);
}

[[noreturn]] void become_command(const LaunchPlan& plan, int out, int err, int report, pid_t parent) {
  ::setpgid(0, 0);
  reset_signals();
  // If planrun dies (kill -9, a crash), its command dies with it rather than running on beside
  // the resumed step; the parent check closes the race with a parent that died before prctl.
  // The group keeper kills the rest of the group; this covers the moment before it watches.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) ::_exit(127);
  int null_fd = ::open("/dev/null", O_RDONLY);
  if (null_fd < 0 || ::dup2(null_fd, 0) < 0 || ::dup2(out, 1) < 0 || ::dup2(err, 2) < 0)
    report_and_exit(report, Stage::Redirect);
  if (!plan.cwd.empty() && ::chdir(plan.cwd.c_str()) != 0) report_and_exit(report, Stage::ChangeDirectory);
  close_other_fds(report, plan.max_fd);
  ::execve(plan.program.c_str(), plan.argv.data(), plan.envp.data());
  report_and_exit(report, Stage::Execute);
}

// --- In the parent. ---

// vfork: the child borrows planrun's memory until it execs instead of copying its page tables
// (fork's copy was a fifth of the time of a run of 1,000 quiet steps). The calling thread's
// signals are blocked across it, so that no handler of planrun's runs in the child on the
// borrowed memory; the child resets handlers and mask before exec, and never returns here.
pid_t borrow_and_start(const LaunchPlan& plan, int out, int err, int report, pid_t parent) {
  sigset_t all, previous;
  sigfillset(&all);
  ::pthread_sigmask(SIG_SETMASK, &all, &previous);
  pid_t pid = ::vfork();
  if (pid == 0) become_command(plan, out, err, report, parent);
  int error = errno;
  ::pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  errno = error;
  return pid;
}

std::optional<ChildReport> read_report(const FileDescriptor& report_fd) {
  ChildReport report{};
  ssize_t got;
  do got = ::read(report_fd.get(), &report, sizeof report);
  while (got < 0 && errno == EINTR);
  if (got != static_cast<ssize_t>(sizeof report)) return std::nullopt;
  return report;
}

std::string describe_report(const ChildReport& report, const LaunchPlan& plan) {
  std::string why = error_text(report.error);
  if (report.stage == Stage::ChangeDirectory) return "cannot change to directory '" + plan.cwd + "': " + why;
  if (report.stage == Stage::Redirect) return "cannot redirect its input and output: " + why;
  return why;
}

}  // namespace

ChildProcess::ChildProcess(const ProcessSpec& spec) {
  LaunchPlan plan = plan_launch(spec);
  const GroupKeeper& keeper = group_keeper();  // forked before the command, never after
  Pipe out = make_pipe(), err = make_pipe(), report = make_pipe();
  pid_t parent = ::getpid();
  pid_ = borrow_and_start(plan, out.write.get(), err.write.get(), report.write.get(), parent);
  if (pid_ < 0) throw start_error(spec.argv.front(), error_text(errno));
  ::setpgid(pid_, pid_);  // here too, so that the group exists before anyone signals it
  keeper.watch(pid_);
  report.write.reset();
  stdout_ = std::move(out.read);
  stderr_ = std::move(err.read);
  if (auto failure = read_report(report.read)) {
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {}
    keeper.forget(pid_);
    throw start_error(spec.argv.front(), describe_report(*failure, plan));
  }
}

// The group is watched until here rather than until the reap, so that what the command left
// holding its output is still killed if planrun dies while the output drains. The group's id
// could only be taken by another group after the pid counter wrapped around in between.
ChildProcess::~ChildProcess() {
  if (!ended_) {
    signal_group(SIGKILL);
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {}
  }
  group_keeper().forget(pid_);
}

bool ChildProcess::ended() {
  if (ended_) return true;
  int status = 0;
  pid_t reaped = ::waitpid(pid_, &status, WNOHANG);
  if (reaped == pid_) status_ = status;
  ended_ = reaped == pid_ || (reaped < 0 && errno == ECHILD);
  return ended_;
}

void ChildProcess::signal_group(int signal) const { ::kill(-pid_, signal); }

}  // namespace planrun
