#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "interpreter/ast/node.h"

namespace planrun {

// A `#` comment of a plan file, as `planrun fmt` keeps it. Neither front end puts comments in
// the document tree (yaml-cpp drops them); they are found in the text beside it.
struct SourceComment {
  int line = 0;           // 1-based
  std::string text;       // after the '#', trailing blanks removed
  bool own_line = false;  // nothing but blanks before it on its line
};

// The comments of .plan text, in order. Strings stay on one line and bare words hold no '#',
// so every '#' outside a string starts one.
std::vector<SourceComment> plan_text_comments(std::string_view text);

// The comments of YAML text, in order, given the document tree read from it: a '#' at the start
// of a line or after a blank starts one, unless it lies inside a quoted or block scalar, which the
// tree's scalars locate.
std::vector<SourceComment> yaml_text_comments(std::string_view text, const ast::Node& document);

}  // namespace planrun
