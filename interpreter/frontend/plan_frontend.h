#pragma once

#include <optional>
#include <string>

#include "interpreter/ast/node.h"
#include "interpreter/diagnostics/diagnostic.h"

namespace planrun {

// Reads a plan in the .plan text syntax (grammar/plan_grammar.h) into the same located document
// tree the YAML front end builds: `param` statements become the `params` map, `step` statements
// the `steps` list (with `id` and `type` entries), `KEY = VALUE` any other field. A syntax error
// becomes one diagnostic at its position and the result is empty; duplicate keys are reported
// like the YAML front end reports them.
std::optional<ast::Node> parse_plan_text(const std::string& path, const std::string& text, Diagnostics& diagnostics);

}  // namespace planrun
