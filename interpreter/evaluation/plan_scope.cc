#include "interpreter/evaluation/plan_scope.h"

#include <cstdlib>

#include "interpreter/expressions/step_output_reference.h"

namespace planrun {

void PlanScope::set_run(std::string id, std::string dir) {
  run_id_ = std::move(id);
  run_dir_ = std::move(dir);
}

void PlanScope::set_outputs(const std::string& step_id, Value::Map outputs) { outputs_[step_id] = std::move(outputs); }

std::optional<Value> PlanScope::lookup(const std::vector<std::string>& path) const {
  const std::string& root = path.front();
  if (root == "env" && path.size() == 2) {
    const char* value = std::getenv(path[1].c_str());
    return value ? Value(std::string(value)) : Value();
  }
  if (root == "run" && path.size() == 2) {
    const std::optional<std::string>& value = path[1] == "id" ? run_id_ : run_dir_;
    return value ? std::optional<Value>(Value(*value)) : std::nullopt;
  }
  if (auto reference = expr::step_output_reference(path)) {
    auto step = outputs_.find(reference->step);
    if (step == outputs_.end()) return std::nullopt;
    auto output = step->second.find(reference->output);
    return output == step->second.end() ? Value() : output->second;
  }
  return lookup_param(path);
}

std::optional<Value> PlanScope::lookup_param(const std::vector<std::string>& path) const {
  auto param = params_.find(path.front());
  if (param == params_.end()) return std::nullopt;
  Value value = param->second;
  for (size_t i = 1; i < path.size(); ++i) {
    if (!value.is_map() || !value.as_map().count(path[i])) return Value();
    value = value.as_map().at(path[i]);
  }
  return value;
}

Value evaluate_bound(const BoundValue& bound, const expr::Scope& scope) {
  switch (bound.kind) {
    case BoundValue::Kind::Literal: return bound.literal;
    case BoundValue::Kind::Template: {
      Value value = expr::evaluate(*bound.tmpl, scope);
      std::string error;
      auto typed = conform(value, *bound.type, &error);
      if (!typed) throw expr::ExpressionError(0, error);
      return typed->mark_secret(value.contains_secret());
    }
    case BoundValue::Kind::List: {
      Value::List items;
      for (const BoundValue& item : bound.items) items.push_back(evaluate_bound(item, scope));
      return Value(std::move(items));
    }
    case BoundValue::Kind::Map: {
      Value::Map entries;
      for (const auto& [key, item] : bound.entries) entries[key] = evaluate_bound(item, scope);
      return Value(std::move(entries));
    }
  }
  return Value();
}

}  // namespace planrun
