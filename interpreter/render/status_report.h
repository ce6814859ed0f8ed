#pragma once

#include <optional>
#include <string>

#include "interpreter/graph/action_graph.h"
#include "interpreter/state/lock_owner.h"
#include "interpreter/state/state_store.h"

namespace planrun {

// `planrun status`: the lock, the runs, and every step's state with attempts, duration and the
// reason it failed or was skipped. With a graph, steps follow the plan's order and steps never
// run show as pending; without, the store's steps are listed by id.
std::string status_report(const StateStore& store, const ActionGraph* graph, const std::optional<LockOwner>& owner,
                          bool locked);

// Rows of text cells as columns aligned on the widest cell, two spaces apart.
std::string aligned_table(const std::vector<std::vector<std::string>>& rows, const std::string& indent = "  ");

}  // namespace planrun
