#pragma once

#include <string_view>
#include <vector>

namespace planrun {

// Where a YAML plan may be cut so that its parts parse on their own, in parallel: at the start
// of items of the top-level `steps:` list. The first part is the plan up to the first cut (a
// mapping ending in a shorter `steps:` list); each later part is a run of items, itself a
// valid YAML sequence. Returns the byte offsets of the cuts, each at the start of a line,
// about evenly spaced, at most `parts - 1` of them.
//
// Cuts are only proposed where the text's shape makes them safe to judge from lines alone:
// `steps:` written at the start of a line, as the last top-level key, items in block style,
// no directives or document markers. Otherwise the result is empty and the plan is parsed
// whole. A cut that still lands inside something (a quoted string spanning lines, a flow
// list left open) leaves the part before it unfinished, which is a parse error there, and the
// caller then parses the plan whole, so a cut never changes what the plan means.
std::vector<size_t> step_list_cuts(std::string_view text, size_t parts);

}  // namespace planrun
