#include "interpreter/compiler/template_substitution.h"

#include "interpreter/expressions/expression_text.h"
#include "interpreter/expressions/step_output_reference.h"

namespace planrun {
namespace {

using expr::Expr;

// The dotted path of a chain of members rooted at a name, as the evaluator reads references.
std::optional<std::vector<std::string>> chain_path(const Expr& node) {
  if (node.kind == Expr::Kind::Name) return std::vector<std::string>{node.name};
  if (node.kind != Expr::Kind::Member) return std::nullopt;
  auto path = chain_path(node.operands.front());
  if (path) path->push_back(node.name);
  return path;
}

Expr make(Expr::Kind kind, std::string name, std::vector<Expr> operands, size_t offset) {
  Expr node;
  node.kind = kind;
  node.name = std::move(name);
  node.operands = std::move(operands);
  node.offset = offset;
  node.operator_offset = offset;
  return node;
}

Expr literal(Value value, size_t offset) {
  Expr node = make(Expr::Kind::Literal, "", {}, offset);
  node.literal = std::move(value);
  return node;
}

// steps.ID.outputs.NAME with the id as one member, however many dots it holds.
Expr step_output(const std::string& step, const std::string& output, size_t offset) {
  Expr steps = make(Expr::Kind::Name, "steps", {}, offset);
  Expr id = make(Expr::Kind::Member, step, {std::move(steps)}, offset);
  Expr outputs = make(Expr::Kind::Member, "outputs", {std::move(id)}, offset);
  return make(Expr::Kind::Member, output, {std::move(outputs)}, offset);
}

Expr rewrite(const Expr& node, const Substitution& substitution) {
  if (auto path = chain_path(node)) {
    if (auto reference = expr::step_output_reference(*path))
      return step_output(substitution.prefix + reference->step, reference->output, node.offset);
    if (node.kind == Expr::Kind::Name) {
      auto param = substitution.params.find(node.name);
      return param == substitution.params.end() ? node : param->second;
    }
  }
  Expr copy = node;
  for (Expr& operand : copy.operands) operand = rewrite(operand, substitution);
  return copy;
}

std::shared_ptr<const expr::Template> rewrite(const expr::Template& tmpl, const Substitution& substitution) {
  auto result = std::make_shared<expr::Template>(tmpl);
  for (expr::Template::Part& part : result->parts)
    if (part.expression) part.expression = rewrite(*part.expression, substitution);
  return result;
}

void collect_output_reads(const Expr& node, std::set<std::string>& steps) {
  if (auto path = chain_path(node))
    if (auto reference = expr::step_output_reference(*path)) steps.insert(reference->step);
  for (const Expr& operand : node.operands) collect_output_reads(operand, steps);
}

}  // namespace

std::optional<Expr> argument_expression(const BoundValue& argument) {
  if (argument.kind == BoundValue::Kind::Literal) return literal(argument.literal, 0);
  if (argument.kind != BoundValue::Kind::Template) return std::nullopt;
  const expr::Template& tmpl = *argument.tmpl;
  if (tmpl.is_single_expression()) return *tmpl.parts.front().expression;
  Expr text = literal(Value(std::string()), 0);
  for (const expr::Template::Part& part : tmpl.parts) {
    Expr piece = part.expression ? *part.expression : literal(Value(part.text), part.offset);
    text = make(Expr::Kind::Binary, "+", {std::move(text), std::move(piece)}, part.offset);
  }
  return text;
}

BoundValue substitute(const BoundValue& value, const Substitution& substitution) {
  BoundValue result = value;
  switch (value.kind) {
    case BoundValue::Kind::Literal: break;
    case BoundValue::Kind::Template:
      result.tmpl = rewrite(*value.tmpl, substitution);
      result.text = expr::template_text(*result.tmpl);  // what `plan` shows while it waits for outputs
      break;
    case BoundValue::Kind::List:
      for (BoundValue& item : result.items) item = substitute(item, substitution);
      break;
    case BoundValue::Kind::Map:
      for (auto& [key, item] : result.entries) item = substitute(item, substitution);
      break;
  }
  return result;
}

void collect_output_reads(const BoundValue& value, std::set<std::string>& steps) {
  if (value.kind == BoundValue::Kind::Template)
    for (const expr::Template::Part& part : value.tmpl->parts)
      if (part.expression) collect_output_reads(*part.expression, steps);
  for (const BoundValue& item : value.items) collect_output_reads(item, steps);
  for (const auto& [key, item] : value.entries) collect_output_reads(item, steps);
}

}  // namespace planrun
