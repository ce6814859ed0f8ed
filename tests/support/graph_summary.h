#pragma once

// A compiled plan written out as text, field by field, without source locations: two plans
// that compile to the same graph have the same summary, whichever file and syntax they came from.
#include <string>

#include "interpreter/graph/action_graph.h"

namespace planrun::testing {

inline std::string bound_summary(const BoundValue& value) {
  switch (value.kind) {
    case BoundValue::Kind::Literal: return value.literal.canonical();
    case BoundValue::Kind::Template: return "template " + value.text;
    case BoundValue::Kind::List: {
      std::string out = "[";
      for (const BoundValue& item : value.items) out += bound_summary(item) + ",";
      return out + "]";
    }
    case BoundValue::Kind::Map: {
      std::string out = "{";
      for (const auto& [key, item] : value.entries) out += key + ":" + bound_summary(item) + ",";
      return out + "}";
    }
  }
  return "?";
}

inline std::string graph_summary(const ActionGraph& graph) {
  std::string out = "plan " + graph.name + " v" + std::to_string(graph.format_version) + ": " + graph.description + "\n";
  for (const ParamNode& param : graph.params) {
    out += "param " + param.name + " " + std::to_string(static_cast<int>(param.type)) + " default=" +
           (param.default_value ? param.default_value->canonical() : "-") + " doc=" + param.doc + " env=" +
           param.from_env + " file=" + param.from_file + " password=" + param.password_param + "\n";
  }
  for (const StepNode& step : graph.steps) {
    out += "step " + step.id + ": " + step.type + " (" + step.description + ") needs";
    for (size_t need : step.needs) out += " " + graph.steps[need].id;
    out += " when=" + (step.when ? bound_summary(*step.when) : "-") + " retry=" + std::to_string(step.retry.attempts) +
           "/" + std::to_string(step.retry.delay.count()) +
           " timeout=" + (step.timeout ? std::to_string(step.timeout->count()) : "-") +
           " continue=" + std::to_string(step.continue_on_error) + "\n";
    for (const auto& [field, value] : step.with) out += "  " + field + " = " + bound_summary(value) + "\n";
  }
  return out;
}

}  // namespace planrun::testing
