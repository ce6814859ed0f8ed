#include "interpreter/render/graph_writer.h"

namespace planrun {

static std::string dot_quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '\n') {
      out += "\\n";  // a line break inside a Graphviz label
      continue;
    }
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string write_dot(const ActionGraph& graph) {
  std::string out = "digraph " + dot_quoted(graph.name.empty() ? "plan" : graph.name) + " {\n";
  out += "  rankdir=TB;\n  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n";
  for (const StepNode& step : graph.steps) {
    out += "  " + dot_quoted(step.id) + " [label=" + dot_quoted(step.id + "\n" + step.type);
    if (step.when) out += ", style=\"rounded,dashed\"";
    out += "];\n";
  }
  for (const StepNode& step : graph.steps)
    for (size_t need : step.needs) out += "  " + dot_quoted(graph.steps[need].id) + " -> " + dot_quoted(step.id) + ";\n";
  return out + "}\n";
}

// Mermaid ids cannot hold every character a step id can, so nodes are s0, s1, ... in graph order.
static std::string mermaid_label(const StepNode& step) {
  std::string label;
  for (char c : step.id) label += c == '"' ? '\'' : c;
  return "\"" + label + "<br/><i>" + step.type + "</i>\"";
}

std::string write_mermaid(const ActionGraph& graph) {
  std::string out = "flowchart TD\n";
  for (size_t i = 0; i < graph.steps.size(); ++i) {
    const StepNode& step = graph.steps[i];
    std::string id = "s" + std::to_string(i);
    out += "  " + id + (step.when ? "{{" + mermaid_label(step) + "}}" : "[" + mermaid_label(step) + "]") + "\n";
  }
  for (size_t i = 0; i < graph.steps.size(); ++i)
    for (size_t need : graph.steps[i].needs)
      out += "  s" + std::to_string(need) + " --> s" + std::to_string(i) + "\n";
  return out;
}

}  // namespace planrun
