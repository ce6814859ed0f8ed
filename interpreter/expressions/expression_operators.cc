// The operators' semantics. No implicit conversions except that `+` with a string on either
// side concatenates text, and ints and numbers mix in arithmetic and comparison.

#include "interpreter/expressions/expression_operators.h"

#include <stdexcept>

namespace planrun::expr {
namespace {

ExpressionError type_error(const std::string& sign, const Value& left, const Value& right, size_t offset) {
  return ExpressionError(offset, "cannot apply '" + sign + "' to " + left.type_name() + " and " + right.type_name());
}

Value add(const Value& left, const Value& right, size_t offset) {
  if (left.is_string() || right.is_string()) return left.to_text() + right.to_text();
  if (left.is_int() && right.is_int()) {
    int64_t sum = 0;
    if (__builtin_add_overflow(left.as_int(), right.as_int(), &sum)) throw ExpressionError(offset, "integer overflow in '+'");
    return sum;
  }
  if (left.is_number() && right.is_number()) return left.as_double() + right.as_double();
  throw type_error("+", left, right, offset);
}

template <typename T>
int three_way(const T& left, const T& right) {
  return (left > right) - (left < right);
}

// -1, 0 or 1; ints compare exactly, so that large ids are not rounded through double.
int order(const Value& left, const Value& right, const std::string& sign, size_t offset) {
  if (left.is_int() && right.is_int()) return three_way(left.as_int(), right.as_int());
  if (left.is_number() && right.is_number()) return three_way(left.as_double(), right.as_double());
  if (left.is_string() && right.is_string()) return three_way(left.as_string(), right.as_string());
  throw type_error(sign, left, right, offset);
}

}  // namespace

bool equal_values(const Value& left, const Value& right) {
  if (left.is_number() && right.is_number() && !(left.is_int() && right.is_int()))
    return left.as_double() == right.as_double();
  return left == right;
}

Value apply_binary(const std::string& sign, const Value& left, const Value& right, size_t offset) {
  if (sign == "+") return add(left, right, offset);
  if (sign == "==") return equal_values(left, right);
  if (sign == "!=") return !equal_values(left, right);
  int comparison = order(left, right, sign, offset);
  if (sign == "<") return comparison < 0;
  if (sign == "<=") return comparison <= 0;
  if (sign == ">") return comparison > 0;
  if (sign == ">=") return comparison >= 0;
  throw std::logic_error("the grammar produced an unknown operator '" + sign + "'");
}

bool truthy(const Value& value) {
  if (value.is_null()) return false;
  if (value.is_bool()) return value.as_bool();
  if (value.is_int()) return value.as_int() != 0;
  if (value.is_double()) return value.as_double() != 0.0;
  if (value.is_string()) return !value.as_string().empty() && value.as_string() != "false";
  if (value.is_list()) return !value.as_list().empty();
  return !value.as_map().empty();
}

}  // namespace planrun::expr
