#pragma once

#include <optional>
#include <string>

#include "interpreter/compiler/plan_compiler.h"
#include "interpreter/frontend/yaml_frontend.h"

namespace planrun::testing {

// A plan compiled from text, with its diagnostics rendered as `planrun check` prints them.
struct Compiled {
  std::optional<ActionGraph> graph;
  std::string diagnostics;
  Diagnostics raw;
};

inline Compiled compile_text(const std::string& text, const std::string& path = "plan.yaml") {
  Compiled result;
  SourceFiles sources;
  sources.add(path, text);
  auto document = parse_yaml(path, text, result.raw);
  if (document) result.graph = compile_plan(*document, result.raw);
  for (const Diagnostic& diagnostic : result.raw.sorted()) result.diagnostics += render(diagnostic, sources);
  return result;
}

// The ids of a graph's steps in graph order, joined by spaces.
inline std::string step_order(const ActionGraph& graph) {
  std::string out;
  for (const StepNode& step : graph.steps) out += (out.empty() ? "" : " ") + step.id;
  return out;
}

}  // namespace planrun::testing
