#pragma once

#include <string>
#include <utility>
#include <vector>

#include "interpreter/ast/node.h"
#include "interpreter/frontend/comment_map.h"

namespace planrun {

// How `planrun fmt` lays a plan out, whichever syntax it writes: the order of fields, which
// collections may share a line, and where comments go on a line.

// Lines are kept to this many columns where a collection can be broken over lines.
inline constexpr size_t kFormatWidth = 100;

// What a node is in a plan, which decides its fields' order and whether it may be written on one
// line: the document, its params map and steps list, and each step, always take several lines.
enum class NodeRole { Document, Params, Param, Steps, Step, Data };

using Entry = std::pair<ast::Node, ast::Node>;

// A map's entries in the canonical order of its role. Document: planrun, name, description,
// other fields as written, params, steps. Step: id, type, description, needs, when, retry,
// timeout, continue_on_error, other fields as written, with. Param: type first, the rest as
// written. Any other map keeps its order.
std::vector<const Entry*> canonical_entries(const ast::Node& map, NodeRole role);
// The role of what a map entry or list item of a node of `role` holds.
NodeRole child_role(NodeRole role, const std::string& key);
bool takes_several_lines(NodeRole role);

// Whether the params map, or the steps list, can be written as .plan statements: each param a map
// with a scalar `type`, each step a map with a scalar `id` and `type`, and at least one of them.
bool params_fit_statements(const ast::Node& params);
bool steps_fit_statements(const ast::Node& steps);

// The comments written on the line of several units (a `- id: x` line holds the item and its
// first entry; a `step x: run {` line the item, its id and its type): those of the line's end,
// the first of them at its end, and the rest on lines before it.
struct LineComments {
  std::vector<std::string> before;
  std::string end;  // without '#'; has_end says whether there is one
  bool has_end = false;
};
LineComments line_comments(const CommentMap& comments, const std::vector<const ast::Node*>& units);

// The text a writer builds line by line, and the comment lines in it: what the YAML and the .plan
// writers share.
class LaidOutText {
 protected:
  // "#TEXT" lines at `indent`.
  void comment_lines(const std::vector<std::string>& lines, size_t indent);
  // The end of a line: its comment, if any, then the line break.
  void end_line(const LineComments& line);
  // The column the next character goes to, from 0.
  size_t column() const;

  std::string out_;
};

}  // namespace planrun
