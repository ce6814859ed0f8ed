#pragma once

#include <optional>
#include <string>

#include "interpreter/ast/node.h"
#include "interpreter/frontend/comment_map.h"

namespace planrun {

// Writes a document tree as canonical .plan text, with its comments where the map puts them:
// fields in canonical order (document_layout.h), `KEY = VALUE` for the plan's own fields, then
// one `param` line per parameter, then one `step` block per step, blocks separated by a blank
// line, two spaces a level. A collection goes on one line ({ a = 1 }, [x, y]) when it fits and
// holds no comment, else one entry a line. Nothing when the document is not a map, which the
// syntax cannot hold (it is no plan either).
std::optional<std::string> write_plan_text(const ast::Node& document, const CommentMap& comments);

}  // namespace planrun
