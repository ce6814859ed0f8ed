#pragma once

#include <vector>

#include "interpreter/ast/node.h"
#include "interpreter/compiler/node_reader.h"
#include "interpreter/graph/action_graph.h"

namespace planrun {

// Reads the `params:` section: each parameter's type, default, doc and (for secrets) where the
// value lives. A secret may not have a default: its value must never be in the plan text.
// A database's `password:` must name a secret param.
std::vector<ParamNode> compile_params(const ast::Node& params, NodeReader& reader, Diagnostics& diagnostics);

}  // namespace planrun
