#pragma once

#include "interpreter/diagnostics/diagnostic.h"
#include "interpreter/graph/action_graph.h"

namespace planrun {

// Warns about each step that writes data irreversibly (a Write effect: copy-db, copy-dir,
// restore) without a backup step among the steps it needs, directly or through others.
// Everything a step needs has finished before it starts, so an ancestor backup has run
// before the write on every execution order.
void check_backups(const ActionGraph& graph, Diagnostics& diagnostics);

}  // namespace planrun
