#pragma once

#include "interpreter/graph/action_graph.h"

namespace planrun {

// Removes from planrun's own environment every variable a secret parameter was read from
// (`{type: secret, env: CARBON_DB_PASSWORD}`), so that no command inherits it unasked: a step
// that needs the secret passes it in its `env`. Call after the parameters are resolved and
// before any thread starts (unsetenv is not thread-safe).
void remove_secret_variables(const ActionGraph& graph);

}  // namespace planrun
