#pragma once

#include <string>

#include "interpreter/graph/action_graph.h"

namespace planrun {

// Draws the graph for people: Graphviz dot, or Mermaid for pull requests (GitHub renders it).
// Arrows run in execution order, from a step to those that need it; steps with a `when`
// condition are dashed in dot and hexagons in Mermaid. Output depends only on the graph, so diffs of drawings stay small.
std::string write_dot(const ActionGraph& graph);
std::string write_mermaid(const ActionGraph& graph);

}  // namespace planrun
