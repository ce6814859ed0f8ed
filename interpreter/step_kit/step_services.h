#pragma once

namespace planrun {

class FileSystem;
class StepClock;
class Processes;
class Databases;  // interpreter/databases/databases.h

// The narrow interfaces through which a step reaches the world. The executor hands each step
// those it was given (ExecutorOptions::services); a unit test hands fakes. The step owns none.
struct StepServices {
  FileSystem* files = nullptr;
  const StepClock* clock = nullptr;
  const Processes* processes = nullptr;
  Databases* databases = nullptr;
};

// The real services: the machine's file system, steady clock and processes. Databases need the
// run's credentials: `planrun run` adds a SociDatabases with the plan's password bindings.
StepServices system_step_services();

}  // namespace planrun
