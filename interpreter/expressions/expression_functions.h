#pragma once

// Private to interpreter/expressions: running the built-in functions that functions() names.

#include <string>
#include <vector>

#include "interpreter/expressions/expression.h"

namespace planrun::expr {

// One call being run: its function, its evaluated arguments, and where it is written.
struct FunctionCall {
  const std::string& function;
  const std::vector<Value>& arguments;
  size_t offset;
};

// Throws ExpressionError at `offset` unless `function` exists and takes `argument_count` arguments.
void check_call(const std::string& function, size_t argument_count, size_t offset);

// Runs a checked call; throws ExpressionError at the call for arguments of the wrong type.
Value run_function(const FunctionCall& call);

}  // namespace planrun::expr
