#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "interpreter/compiler/step_compiler.h"
#include "interpreter/diagnostics/diagnostic.h"

namespace planrun {

// Turns named dependencies (explicit `needs` and implicit output reads) into edges, reports
// unknown names, self-dependencies and cycles (as `a -> b -> a`), and orders the steps so that
// each comes after everything it needs, keeping file order where the graph leaves a choice.
// Returns nullopt when the dependencies are broken.
// Steps in `broken` were reported already; dependencies on them are not reported again.
std::optional<std::vector<StepNode>> resolve_dependencies(std::vector<StepDraft> drafts,
                                                          const std::set<std::string>& broken,
                                                          Diagnostics& diagnostics);

}  // namespace planrun
