#pragma once

#include <sys/types.h>

#include "interpreter/files/file_descriptor.h"

namespace planrun {

// Kills the process groups of running commands when planrun dies, however it dies (kill -9
// included). PR_SET_PDEATHSIG reaches only a command's first process; a pipeline or anything
// it starts would run on. The keeper is one small process forked from planrun (never exec'd,
// deaf to SIGINT, SIGTERM, SIGHUP and SIGQUIT) holding one end of a socket; planrun tells it
// which groups to watch and which to forget. When planrun's end closes because planrun died,
// it sends SIGKILL to every group still watched, then exits. One keeper serves all commands,
// so a command costs two small messages, not another fork.
class GroupKeeper {
 public:
  GroupKeeper();  // forks the keeper; without it (fork failed) watch and forget do nothing
  GroupKeeper(const GroupKeeper&) = delete;
  GroupKeeper& operator=(const GroupKeeper&) = delete;
  ~GroupKeeper() = default;  // closing the socket ends the keeper, killing what it watches

  // From now on, the group dies with planrun.
  void watch(pid_t group) const;
  // The command is over: what it left running (a daemon it started) is not followed.
  void forget(pid_t group) const;

 private:
  void send(pid_t group) const;
  FileDescriptor socket_;
};

// The keeper of this process, forked on first use and left to end with the process.
const GroupKeeper& group_keeper();

}  // namespace planrun
