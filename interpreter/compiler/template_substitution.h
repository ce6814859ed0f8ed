#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>

#include "interpreter/expressions/expression.h"
#include "interpreter/graph/action_graph.h"

namespace planrun {

// How a used plan's compiled values are carried into the plan that uses it: each of its
// parameters becomes the expression the `use` passes for it, and each step it names gets the
// use's namespace (`steps.copy-db.outputs.rows` -> `steps.upgrade.copy-db.outputs.rows`).
// Substituting into the compiled expressions, rather than into the text, keeps every location
// pointing at the file the author wrote it in.
struct Substitution {
  std::string prefix;                        // "upgrade." for the use `upgrade`
  std::map<std::string, expr::Expr> params;  // the used plan's param -> the expression passed
};

// The expression a use's argument stands for: a literal, the one `${...}`, or text joined from
// the parts of a template (`"" + part + ...`, which is what a template's text is). nullopt for
// a list or map holding templates.
std::optional<expr::Expr> argument_expression(const BoundValue& argument);

// `value` with the substitution applied to every template in it.
BoundValue substitute(const BoundValue& value, const Substitution& substitution);

// The steps whose outputs the templates in `value` read.
void collect_output_reads(const BoundValue& value, std::set<std::string>& steps);

}  // namespace planrun
