#pragma once

#include <map>
#include <optional>
#include <string>

#include "interpreter/evaluation/param_values.h"
#include "interpreter/expressions/expression.h"
#include "interpreter/graph/action_graph.h"

namespace planrun {

// The names a plan's expressions see while it is planned or run: parameters (and their members),
// env.NAME, run.id and run.dir, and the outputs of steps that have finished. What is not known
// yet (a step output before the step ran, run.id in a dry run) raises NotYetKnown.
class PlanScope : public expr::Scope {
 public:
  explicit PlanScope(ParamValues params) : params_(std::move(params)) {}

  void set_run(std::string id, std::string dir);
  void set_outputs(const std::string& step_id, Value::Map outputs);

  std::optional<Value> lookup(const std::vector<std::string>& path) const override;

 private:
  std::optional<Value> lookup_param(const std::vector<std::string>& path) const;

  ParamValues params_;
  std::map<std::string, Value::Map> outputs_;
  std::optional<std::string> run_id_;
  std::optional<std::string> run_dir_;
};

// Evaluates a compiled step input against a scope and checks it against its declared type.
// Throws expr::ExpressionError (type mismatch included, at offset 0) or expr::NotYetKnown.
Value evaluate_bound(const BoundValue& bound, const expr::Scope& scope);

}  // namespace planrun
