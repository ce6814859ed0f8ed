#include "interpreter/step_kit/step_services.h"

#include "interpreter/step_kit/file_system.h"
#include "interpreter/step_kit/processes.h"
#include "interpreter/step_kit/step_clock.h"

namespace planrun {

StepServices system_step_services() {
  static SystemFileSystem files;
  static const SystemStepClock clock;
  static const SystemProcesses processes;
  return {&files, &clock, &processes, nullptr};
}

}  // namespace planrun
