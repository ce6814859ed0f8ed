#pragma once

// Private to interpreter/expressions: what the language's operators mean on values, apart from
// the tree walk that finds them (expression_evaluator.cc) and the built-in functions.

#include <string>

#include "interpreter/expressions/expression.h"

namespace planrun::expr {

// `+`, `==`, `!=`, `<`, `<=`, `>`, `>=` on two evaluated operands (`&&` and `||` short-circuit,
// so the evaluator handles them). Throws ExpressionError at `offset`, the operator's, when the
// operand types do not fit the operator; the message names both types.
Value apply_binary(const std::string& sign, const Value& left, const Value& right, size_t offset);

// `==`: numbers compare by value whether int or number; everything else by type and value.
bool equal_values(const Value& left, const Value& right);

}  // namespace planrun::expr
