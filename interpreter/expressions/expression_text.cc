#include "interpreter/expressions/expression_text.h"

namespace planrun::expr {

static std::string literal_text(const Value& value) {
  if (!value.is_string()) return value.display();
  std::string out = "'";
  for (char c : value.as_string()) out += c == '\'' ? std::string("\\'") : std::string(1, c);
  return out + "'";
}

std::string expression_text(const Expr& node) {
  switch (node.kind) {
    case Expr::Kind::Literal: return literal_text(node.literal);
    case Expr::Kind::Name: return node.name;
    case Expr::Kind::Member: return expression_text(node.operands.front()) + "." + node.name;
    case Expr::Kind::Unary: return node.name + expression_text(node.operands.front());
    case Expr::Kind::Binary:
      return "(" + expression_text(node.operands[0]) + " " + node.name + " " + expression_text(node.operands[1]) + ")";
    case Expr::Kind::Call: {
      std::string out = node.name + "(";
      for (size_t i = 0; i < node.operands.size(); ++i) out += (i ? ", " : "") + expression_text(node.operands[i]);
      return out + ")";
    }
  }
  return "";
}

// Text as a template writes it: `${` escaped as `$${`.
static std::string escaped_text(const std::string& text) {
  std::string out;
  for (size_t at = 0; at < text.size(); ++at) out += text.compare(at, 2, "${") == 0 ? "$$" : std::string(1, text[at]);
  return out;
}

std::string template_text(const Template& tmpl) {
  std::string out;
  for (const Template::Part& part : tmpl.parts) {
    if (!part.expression) {
      out += escaped_text(part.text);
    } else if (part.expression->kind == Expr::Kind::Literal && tmpl.parts.size() > 1) {
      out += escaped_text(part.expression->literal.to_text());  // a used plan's argument, as the text it makes
    } else {
      out += "${" + expression_text(*part.expression) + "}";
    }
  }
  return out;
}

}  // namespace planrun::expr
