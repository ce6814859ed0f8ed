#include "interpreter/render/graph_writer.h"

#include <map>
#include <vector>

namespace planrun {

// Steps taken in by a `use` (ids `upgrade.copy-db`) are drawn in a box named after the use, so
// a chain of used plans reads as its stages. Steps of the plan itself come first, outside any box.
struct UseGroups {
  std::vector<size_t> own;                             // steps without a use
  std::vector<std::pair<std::string, std::vector<size_t>>> uses;  // use id -> its steps, in first-seen order
};

static UseGroups use_groups(const ActionGraph& graph) {
  UseGroups groups;
  std::map<std::string, size_t> position;
  for (size_t i = 0; i < graph.steps.size(); ++i) {
    const std::string& id = graph.steps[i].id;
    size_t dot = id.find('.');
    if (dot == std::string::npos) {
      groups.own.push_back(i);
      continue;
    }
    auto [found, added] = position.emplace(id.substr(0, dot), groups.uses.size());
    if (added) groups.uses.push_back({found->first, {}});
    groups.uses[found->second].second.push_back(i);
  }
  return groups;
}

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
  auto node = [&](size_t index, const std::string& indent) {
    const StepNode& step = graph.steps[index];
    out += indent + dot_quoted(step.id) + " [label=" + dot_quoted(step.id + "\n" + step.type);
    if (step.when) out += ", style=\"rounded,dashed\"";
    out += "];\n";
  };
  UseGroups groups = use_groups(graph);
  for (size_t index : groups.own) node(index, "  ");
  for (const auto& [use, steps] : groups.uses) {
    out += "  subgraph " + dot_quoted("cluster_" + use) + " {\n    label=" + dot_quoted(use) + ";\n";
    for (size_t index : steps) node(index, "    ");
    out += "  }\n";
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
  auto node = [&](size_t index, const std::string& indent) {
    const StepNode& step = graph.steps[index];
    std::string id = "s" + std::to_string(index);
    out += indent + id + (step.when ? "{{" + mermaid_label(step) + "}}" : "[" + mermaid_label(step) + "]") + "\n";
  };
  UseGroups groups = use_groups(graph);
  for (size_t index : groups.own) node(index, "  ");
  for (size_t u = 0; u < groups.uses.size(); ++u) {  // subgraph ids u0, u1, ... for the same reason as s0
    out += "  subgraph u" + std::to_string(u) + "[\"" + groups.uses[u].first + "\"]\n";
    for (size_t index : groups.uses[u].second) node(index, "    ");
    out += "  end\n";
  }
  for (size_t i = 0; i < graph.steps.size(); ++i)
    for (size_t need : graph.steps[i].needs)
      out += "  s" + std::to_string(need) + " --> s" + std::to_string(i) + "\n";
  return out;
}

}  // namespace planrun
