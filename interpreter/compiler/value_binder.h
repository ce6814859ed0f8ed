#pragma once

#include <optional>
#include <set>
#include <string>

#include "interpreter/ast/node.h"
#include "interpreter/ast/node_value.h"
#include "interpreter/compiler/expression_checker.h"
#include "interpreter/graph/action_graph.h"
#include "interpreter/values/type_spec.h"

namespace planrun {

// Turns what a plan wrote for a step field into a BoundValue of the field's declared type:
// literals are checked now, `${...}` templates are parsed and their names checked now and
// evaluated when the step runs. Every mistake is reported at the node it is about.
class ValueBinder {
 public:
  ValueBinder(ExpressionChecker& checker, Diagnostics& diagnostics)
      : checker_(checker), diagnostics_(diagnostics) {}

  // `type` must live as long as the bound value (the step catalogue's types do).
  // `what` is the value's path in messages ("ports[1]", "checks[0].sql"); `steps_used` collects
  // the steps whose outputs templates read (implicit edges).
  std::optional<BoundValue> bind(const ast::Node& node, const TypeSpec& type, const std::string& what,
                                 std::set<std::string>& steps_used);
  // Binds the fields of an Object type from a mapping node, adding defaults for absent fields.
  std::map<std::string, BoundValue> bind_fields(const ast::Node& mapping, const TypeSpec& object,
                                                const std::string& what, std::set<std::string>& steps_used);

 private:
  std::optional<BoundValue> bind_scalar(const ast::Node& node, const TypeSpec& type, const std::string& what,
                                        std::set<std::string>& steps_used);
  std::optional<BoundValue> bind_sequence(const ast::Node& node, const TypeSpec& type, const std::string& what,
                                          std::set<std::string>& steps_used);
  std::optional<BoundValue> bind_mapping(const ast::Node& node, const TypeSpec& type, const std::string& what,
                                         std::set<std::string>& steps_used);
  void check_exactly_one_of(const ast::Node& mapping, const TypeSpec& object, const std::string& what);
  std::nullopt_t mismatch(const ast::Node& node, const TypeSpec& type, const std::string& what);

  ExpressionChecker& checker_;
  Diagnostics& diagnostics_;
};

}  // namespace planrun
