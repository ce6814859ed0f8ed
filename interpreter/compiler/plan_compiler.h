#pragma once

#include <optional>

#include "interpreter/ast/node.h"
#include "interpreter/compiler/plan_library.h"
#include "interpreter/diagnostics/diagnostic.h"
#include "interpreter/graph/action_graph.h"

namespace planrun {

// Compiles a plan document into a checked ActionGraph. Reports every problem it finds, not
// only the first; returns nullopt when any is an error (warnings still give a graph).
// `library` compiles the plans its steps `use`; without one a `use` is an error.
std::optional<ActionGraph> compile_plan(const ast::Node& document, Diagnostics& diagnostics,
                                        PlanLibrary* library = nullptr);

// The plan format versions this planrun understands (`planrun: 1`).
constexpr int kPlanFormatVersion = 1;

}  // namespace planrun
