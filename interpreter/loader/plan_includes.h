#pragma once

#include <map>
#include <string>

#include "interpreter/ast/node.h"
#include "interpreter/diagnostics/diagnostic.h"

namespace planrun {

// Expands a plan's `include:` (a file name or a list of them, looked up like a used plan:
// plan_search_path.h) in its document tree. A fragment is a plan file whose `params` and
// `steps` join the including plan's as if written there: its steps come first, in include
// order; a param the plan declares itself is kept as the plan declares it (so a plan can give
// a fragment's param a default), and a param declared by two fragments comes from the first.
// Fragments may include fragments; a fragment reached twice is taken in once (two fragments may
// both include the preflight checks), and one that includes itself is an error naming the chain.
// Every node keeps its own file's location, so diagnostics point into the fragment. Returns
// where each fragment file was included (first), to say so under diagnostics inside it.
std::map<std::string, SourceLocation> expand_includes(ast::Node& document, SourceFiles& sources,
                                                      Diagnostics& diagnostics);

}  // namespace planrun
