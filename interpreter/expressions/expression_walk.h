#pragma once

// Private to interpreter/expressions: how a Name/Member chain reads as a dotted path, shared by
// references() and the evaluator so that both agree on what a reference is.

#include <optional>
#include <string>
#include <vector>

#include "interpreter/expressions/expression.h"

namespace planrun::expr {

// {"steps", "copy-db", "outputs", "rows"} for a chain of members rooted at a name; nullopt
// for anything else (a member of a call's result, a literal, ...).
std::optional<std::vector<std::string>> reference_path(const Expr& expression);

// "steps.copy-db.outputs.rows", how messages write a path.
std::string dotted(const std::vector<std::string>& path);

}  // namespace planrun::expr
