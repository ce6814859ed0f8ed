#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "interpreter/ast/node.h"
#include "interpreter/compiler/name_table.h"
#include "interpreter/diagnostics/diagnostic.h"
#include "interpreter/expressions/expression.h"

namespace planrun {

// Checks the names and function calls of templates against a plan's names, reporting each
// mistake at its column inside the string, and collects the steps a template reads outputs of
// (the implicit dependency edges).
class ExpressionChecker {
 public:
  ExpressionChecker(const NameTable& names, Diagnostics& diagnostics)
      : names_(names), diagnostics_(diagnostics) {}

  // Parses a scalar's text as a template and checks it; nullptr after a syntax error.
  std::shared_ptr<const expr::Template> parse(const ast::Node& scalar);
  // Checks a parsed template found in `scalar`; adds the step ids it reads to `steps_used`.
  void check(const expr::Template& tmpl, const ast::Node& scalar, std::set<std::string>& steps_used);

 private:
  void check_reference(const expr::Reference& ref, const ast::Node& scalar, std::set<std::string>& steps_used);
  void check_variable(const expr::Reference& ref, const SourceLocation& where);
  void check_step_output(const expr::Reference& ref, const ast::Node& scalar, std::set<std::string>& steps_used);
  void check_param_member(const expr::Reference& ref, const ast::Node& scalar);
  void check_call(const expr::Call& call, const ast::Node& scalar);
  const std::vector<std::string>& root_candidates();
  const std::vector<std::string>& step_candidates();

  const NameTable& names_;
  Diagnostics& diagnostics_;
  // Names for "did you mean", gathered once, at the first mistake that needs them.
  std::vector<std::string> root_candidates_;
  std::vector<std::string> step_candidates_;
};

}  // namespace planrun
