// references() and calls(): what a template depends on, read without evaluating it.

#include "interpreter/expressions/expression_walk.h"

#include <functional>

namespace planrun::expr {
namespace {

// Calls `visit` on every node of every expression in the template, parents before children.
// `visit` returns false to skip a node's children.
void walk(const Template& tmpl, const std::function<bool(const Expr&)>& visit) {
  std::function<void(const Expr&)> descend = [&](const Expr& node) {
    if (!visit(node)) return;
    for (const Expr& operand : node.operands) descend(operand);
  };
  for (const Template::Part& part : tmpl.parts)
    if (part.expression) descend(*part.expression);
}

}  // namespace

std::optional<std::vector<std::string>> reference_path(const Expr& expression) {
  if (expression.kind == Expr::Kind::Name) return std::vector<std::string>{expression.name};
  if (expression.kind != Expr::Kind::Member) return std::nullopt;
  auto path = reference_path(expression.operands.front());
  if (path) path->push_back(expression.name);
  return path;
}

std::string dotted(const std::vector<std::string>& path) {
  std::string out;
  for (const std::string& segment : path) out += (out.empty() ? "" : ".") + segment;
  return out;
}

std::vector<Reference> references(const Template& tmpl) {
  std::vector<Reference> found;
  walk(tmpl, [&](const Expr& node) {
    auto path = reference_path(node);
    if (!path) return true;
    // A chain's offset is its root name's, which is also the chain's own first character.
    found.push_back({std::move(*path), node.offset});
    return false;
  });
  return found;
}

std::vector<Call> calls(const Template& tmpl) {
  std::vector<Call> found;
  walk(tmpl, [&](const Expr& node) {
    if (node.kind == Expr::Kind::Call) found.push_back({node.name, node.operands.size(), node.offset});
    return true;
  });
  return found;
}

}  // namespace planrun::expr
