#pragma once

#include <string>

#include "interpreter/ast/node.h"
#include "interpreter/frontend/comment_map.h"

namespace planrun {

// Writes a document tree as canonical YAML, with its comments where the map puts them: two
// spaces a level, fields in canonical order (document_layout.h), the document, params, steps
// and each step one entry a line, a map that is an item of a block list as `- key: value` lines,
// any other collection in flow style ({a: 1}, [x, y]) when it fits the line and holds no
// comment. Scalars written plain stay plain where YAML reads them back the same; anything else is
// double-quoted.
std::string write_yaml_text(const ast::Node& document, const CommentMap& comments);

}  // namespace planrun
