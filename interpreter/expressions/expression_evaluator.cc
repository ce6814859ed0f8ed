// evaluate(): walks an Expr tree against a Scope. Names are always resolved by their full
// dotted path, so a Scope never has to hand out whole maps of outputs. Anything computed from
// a secret is itself secret, so that taint cannot be washed out by an operator or a call.

#include <stdexcept>

#include "interpreter/diagnostics/did_you_mean.h"
#include "interpreter/expressions/expression.h"
#include "interpreter/expressions/expression_functions.h"
#include "interpreter/expressions/expression_operators.h"
#include "interpreter/expressions/expression_walk.h"

namespace planrun::expr {
namespace {

Value marked(Value value, bool secret) {
  if (secret) value.mark_secret();
  return value;
}

// Adds to `parts` the texts of the secrets `value` holds, for a string that joins it with
// other text; a list or map is left to the masker, which looks inside it.
void add_secret_parts(const Value& value, std::vector<std::string>& parts) {
  if (!value.contains_secret() || value.is_list() || value.is_map()) return;
  if (value.secret_parts().empty()) return parts.push_back(value.to_text());
  parts.insert(parts.end(), value.secret_parts().begin(), value.secret_parts().end());
}

// A string joined from pieces keeps the texts of its secret pieces.
Value joined(Value result, const std::vector<const Value*>& pieces) {
  bool secret = false;
  std::vector<std::string> parts;
  for (const Value* piece : pieces) {
    secret = secret || piece->contains_secret();
    add_secret_parts(*piece, parts);
  }
  if (!secret) return result;
  result.mark_secret();
  if (result.is_string()) result.set_secret_parts(std::move(parts));
  return result;
}

class Evaluator {
 public:
  explicit Evaluator(const Scope& scope) : scope_(scope) {}

  Value eval(const Expr& node) const {
    switch (node.kind) {
      case Expr::Kind::Literal: return node.literal;
      case Expr::Kind::Name:
      case Expr::Kind::Member: return reference(node);
      case Expr::Kind::Unary: return negation(node);
      case Expr::Kind::Binary: return binary(node);
      case Expr::Kind::Call: return call(node);
    }
    throw std::logic_error("unknown expression kind");
  }

 private:
  Value reference(const Expr& node) const {
    if (auto path = reference_path(node)) return lookup(*path);
    return member_of(eval(node.operands.front()), node);
  }

  Value lookup(const std::vector<std::string>& path) const {
    std::optional<Value> value = scope_.lookup(path);
    if (!value) throw NotYetKnown(dotted(path));
    return std::move(*value);
  }

  // A member of a computed value, e.g. of a call's result; names go through lookup() instead.
  Value member_of(const Value& object, const Expr& member) const {
    if (!object.is_map())
      throw ExpressionError(member.operator_offset, "cannot read member '" + member.name + "' of " + object.type_name());
    auto found = object.as_map().find(member.name);
    if (found == object.as_map().end()) {
      std::vector<std::string> keys;
      for (const auto& [key, value] : object.as_map()) keys.push_back(key);
      throw ExpressionError(member.operator_offset, "no member '" + member.name + "' in map" + did_you_mean(member.name, keys));
    }
    return marked(found->second, object.secret());
  }

  Value negation(const Expr& node) const {
    Value operand = eval(node.operands.front());
    return marked(!truthy(operand), operand.contains_secret());
  }

  Value binary(const Expr& node) const {
    if (node.name == "&&" || node.name == "||") return logical(node);
    Value left = eval(node.operands[0]);
    Value right = eval(node.operands[1]);
    return joined(apply_binary(node.name, left, right, node.operator_offset), {&left, &right});
  }

  // `&&` and `||` yield bools and skip the right side once the left decides, so that
  // `ready && steps.x.outputs.y` does not wait for a step that will not matter.
  Value logical(const Expr& node) const {
    Value left = eval(node.operands[0]);
    bool left_true = truthy(left);
    if (left_true == (node.name == "||")) return marked(left_true, left.contains_secret());
    Value right = eval(node.operands[1]);
    return marked(truthy(right), left.contains_secret() || right.contains_secret());
  }

  Value call(const Expr& node) const {
    check_call(node.name, node.operands.size(), node.offset);
    std::vector<Value> arguments;
    bool secret = false;
    for (const Expr& operand : node.operands) {
      arguments.push_back(eval(operand));
      secret = secret || arguments.back().contains_secret();
    }
    return marked(run_function({node.name, arguments, node.offset}), secret);
  }

  const Scope& scope_;
};

}  // namespace

Value evaluate(const Expr& expression, const Scope& scope) { return Evaluator(scope).eval(expression); }

Value evaluate(const Template& tmpl, const Scope& scope) {
  if (tmpl.is_single_expression()) return evaluate(*tmpl.parts.front().expression, scope);
  std::string text;
  std::vector<Value> values;
  for (const Template::Part& part : tmpl.parts) {
    if (!part.expression) {
      text += part.text;
      continue;
    }
    values.push_back(evaluate(*part.expression, scope));
    text += values.back().to_text();
  }
  std::vector<const Value*> pieces;
  for (const Value& value : values) pieces.push_back(&value);
  return joined(Value(std::move(text)), pieces);
}

}  // namespace planrun::expr
