#include <cstdio>

#include "interpreter/cli/commands.h"
#include "interpreter/cli/terminal_prompt.h"
#include "interpreter/diagnostics/exit_code.h"
#include "interpreter/state/run_lock.h"

namespace planrun {

// Removes a lock left behind. A lock whose owner died on this host is taken over by the next
// run anyway; this is for the rest (an owner on another host, a forced removal).
int run_unlock_command(const CommandOptions& options) {
  std::filesystem::path state_dir = state_dir_for(options);
  auto owner = RunLock::read_owner(state_dir);
  if (!owner && !RunLock::is_held(state_dir)) {
    std::printf("%s is not locked\n", state_dir.c_str());
    return kExitSuccess;
  }
  std::string who = owner ? owner->describe(wall_now()) : "an unknown owner";
  if (!options.yes && !ask_yes_no("remove the lock of " + state_dir.string() + " held by " + who + "?")) {
    std::fprintf(stderr, "planrun: not unlocked (pass --yes to unlock without asking)\n");
    return kExitPrecondition;
  }
  try {
    RunLock::unlock(state_dir, options.force);
  } catch (const LockedError& error) {
    // An owner on another host holds no flock we can see: only its heartbeat says it may run.
    if (error.owner && error.owner->host != this_host())
      std::fprintf(stderr, "planrun: %s is locked by %s; its heartbeat is recent, so it may still be running on %s "
                           "(--force removes the lock anyway)\n",
                   state_dir.c_str(), error.owner->describe(wall_now()).c_str(), error.owner->host.c_str());
    else
      std::fprintf(stderr, "planrun: %s; it is still running (--force removes the lock anyway)\n", error.what());
    return kExitLocked;
  }
  std::printf("unlocked %s (was held by %s)\n", state_dir.c_str(), who.c_str());
  return kExitSuccess;
}

}  // namespace planrun
