#include "interpreter/compiler/backup_policy.h"

#include "interpreter/steps/step_catalog.h"

namespace planrun {

static StepSchema::Effect effect_of(const StepNode& step) { return find_step_schema(step.type)->effect; }

void check_backups(const ActionGraph& graph, Diagnostics& diagnostics) {
  // Steps are in topological order, so each step's needs are settled before it is looked at.
  std::vector<bool> after_backup(graph.steps.size(), false);
  for (size_t i = 0; i < graph.steps.size(); ++i) {
    const StepNode& step = graph.steps[i];
    for (size_t need : step.needs)
      if (after_backup[need] || effect_of(graph.steps[need]) == StepSchema::Effect::Backup) after_backup[i] = true;
    if (effect_of(step) == StepSchema::Effect::Write && !after_backup[i])
      diagnostics.warning(step.location, "step '" + step.id + "' (" + step.type +
                                             ") writes data but no backup step runs before it; "
                                             "add a backup step to its 'needs'");
  }
}

}  // namespace planrun
