#pragma once

#include <string>

#include "interpreter/expressions/expression.h"

namespace planrun::expr {

// A template written back out from its parsed form: `${...}` around each expression, binary
// operations in parentheses, string literals in single quotes. Two templates that mean the same
// give the same text whatever their spacing, and a used plan's template shows the arguments
// substituted into it, which its text as written does not (for `planrun diff`).
std::string template_text(const Template& tmpl);
std::string expression_text(const Expr& expression);

}  // namespace planrun::expr
