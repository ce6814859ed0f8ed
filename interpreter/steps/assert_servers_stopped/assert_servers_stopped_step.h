#pragma once

#include "interpreter/step_kit/step_type.h"

namespace planrun {

// The `assert-servers-stopped` step: fails (exit 3) while a server of the old installation
// runs, naming each one: a live process named by a pid file, or a port (on this host or
// host:port, for every node of a cluster) that accepts connections. A pid file whose process
// is gone passes with a note.
class AssertServersStoppedStep final : public StepType {
 public:
  const StepSchema& schema() const override;
  std::vector<std::string> describe(const DescribeContext& context) const override;
  void run(StepContext& context) const override;
};

}  // namespace planrun
