#pragma once

#include <string>
#include <vector>

#include "interpreter/ast/node.h"
#include "interpreter/compiler/name_table.h"
#include "interpreter/compiler/plan_library.h"
#include "interpreter/compiler/step_compiler.h"

namespace planrun {

// An entry of `steps` that takes in another plan:
//
//   - id: upgrade
//     use: carbon/upgrade-same-db     # stdlib-plans/, the plan's folder or PLANRUN_PATH
//     with: {old_home: "${old_home}", ...}
//     needs: [preflight]              # what the used plan's first steps wait for
//
// The used plan's steps join the graph as `upgrade.ID`; its parameters take the values given
// under `with` (or their defaults). `needs: [upgrade]` elsewhere waits for all of them.
struct UseEntry {
  const ast::Node* node = nullptr;
  std::string id;
  size_t position = 0;                 // index in the plan's `steps`
  const ActionGraph* graph = nullptr;  // nullptr: the used plan could not be used (reported)
};

// Reads the use entries of `steps` and has the library compile their plans. Without a library
// (a plan compiled from text alone) a use is an error.
std::vector<UseEntry> read_use_entries(const ast::Node& steps, PlanLibrary* library, Diagnostics& diagnostics);

// Adds the namespaced ids of the used steps (and broken uses) to the names expressions may use;
// reports a use id that another step or use has too (that use is then left out).
void add_used_names(std::vector<UseEntry>& uses, NameTable& names, Diagnostics& diagnostics);

// The used plans' steps as drafts of this plan: ids namespaced, parameters replaced by the
// arguments (bound and checked here, in this plan's names), the entry's `needs` on the used
// plan's first steps. A database password bound inside a used plan binds the caller's
// database param when both are passed as plain params.
std::vector<StepDraft> link_used_steps(const std::vector<UseEntry>& uses, const NameTable& names,
                                       std::vector<ParamNode>& params, Diagnostics& diagnostics);

// `needs: [upgrade]` naming a use stands for the used plan's last steps (those no other step
// of it needs): every step of it is then done.
void expand_needs_on_uses(std::vector<StepDraft>& drafts, const std::vector<UseEntry>& uses);

}  // namespace planrun
