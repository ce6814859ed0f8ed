#pragma once

#include "interpreter/ast/node.h"
#include "interpreter/values/value.h"

namespace planrun {

// The value a plain (unquoted) YAML scalar stands for: int, number, bool, or the string itself;
// quoted scalars are always strings.
Value scalar_value(const ast::Node& scalar);

// A literal document node as a Value (for defaults and vars files), scalars typed as above.
Value node_value(const ast::Node& node);

}  // namespace planrun
