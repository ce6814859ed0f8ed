#pragma once

#include <optional>
#include <string>

#include "interpreter/graph/action_graph.h"
#include "interpreter/state/lock_owner.h"
#include "interpreter/state/state_store.h"

namespace planrun {

// `planrun status`: the lock, the runs, and every step's state with attempts, duration and the
// reason it failed or was skipped. With a graph, the plan's runs and steps, in the plan's order,
// steps never run shown as pending; without, every run with its plan, and the steps of each
// plan the state holds records for, by id.
std::string status_report(const StateStore& store, const ActionGraph* graph, const std::optional<LockOwner>& owner,
                          bool locked);

// Rows of text cells as columns aligned on the widest cell, two spaces apart.
std::string aligned_table(const std::vector<std::vector<std::string>>& rows, const std::string& indent = "  ");

}  // namespace planrun
