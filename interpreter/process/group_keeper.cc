// The keeper speaks a one-way protocol of fixed records over a SOCK_SEQPACKET socket: +pgid to
// watch a group, -pgid to forget it. Sequenced packets keep records whole when several threads
// send at once (-j N), send with MSG_NOSIGNAL cannot raise SIGPIPE, and the keeper's receive
// returns 0 once every copy of planrun's end is closed, which happens when planrun dies.

#include "interpreter/process/group_keeper.h"

#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>

namespace planrun {
namespace {

// More groups than this at once would need a -j in the thousands; further ones go unwatched.
constexpr int kMaxGroups = 4096;

// --- In the keeper: forked from a multi-threaded planrun, so system calls only. ---

void become_deaf() {
  struct sigaction ignore {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  for (int signal : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE}) ::sigaction(signal, &ignore, nullptr);
  sigset_t none;
  sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
}

// Only its end of the socket: holding planrun's terminal or output pipes would keep them open.
void close_all_but(int keep) {
  if (keep > 0) ::close_range(0, keep - 1, 0);
  ::close_range(keep + 1, ~0U, 0);
}

void update(pid_t* groups, int& count, int32_t record) {
  pid_t group = record > 0 ? record : -record;
  for (int i = 0; i < count; ++i)
    if (groups[i] == group) {
      if (record < 0) groups[i] = groups[--count];
      return;
    }
  if (record > 0 && count < kMaxGroups) groups[count++] = group;
}

[[noreturn]] void keep(int socket) {
  become_deaf();
  close_all_but(socket);
  pid_t groups[kMaxGroups];
  int count = 0;
  for (;;) {
    int32_t record = 0;
    ssize_t got = ::recv(socket, &record, sizeof record, 0);
    if (got < 0 && errno == EINTR) continue;
    if (got == static_cast<ssize_t>(sizeof record) && record != 0) {
      update(groups, count, record);
      continue;
    }
    if (got > 0) continue;  // not a record of ours
    break;                  // end of file or error: planrun is gone
  }
  for (int i = 0; i < count; ++i) ::kill(-groups[i], SIGKILL);
  ::_exit(0);
}

}  // namespace

GroupKeeper::GroupKeeper() {
  int ends[2];
  if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, ends) != 0) return;
  FileDescriptor planrun_end(ends[0]), keeper_end(ends[1]);
  pid_t pid = ::fork();
  if (pid == 0) keep(keeper_end.get());
  if (pid > 0) socket_ = std::move(planrun_end);
}

void GroupKeeper::watch(pid_t group) const { send(group); }

void GroupKeeper::forget(pid_t group) const { send(-group); }

void GroupKeeper::send(pid_t group) const {
  if (!socket_.valid()) return;
  int32_t record = group;
  while (::send(socket_.get(), &record, sizeof record, MSG_NOSIGNAL) < 0 && errno == EINTR) {}
}

const GroupKeeper& group_keeper() {
  // Never destroyed: the keeper must outlive every command, including those that static
  // destructors might still be waiting for.
  static const GroupKeeper* keeper = new GroupKeeper();
  return *keeper;
}

}  // namespace planrun
