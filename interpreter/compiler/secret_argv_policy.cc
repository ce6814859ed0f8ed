#include "interpreter/compiler/secret_argv_policy.h"

#include <set>

#include "interpreter/step_kit/schema_parts.h"
#include "interpreter/steps/step_catalog.h"

namespace planrun {
namespace {

// Warns once per secret per string of the command, at the string.
void check_command(const BoundValue& value, const StepNode& step, const std::set<std::string>& secrets,
                   Diagnostics& diagnostics) {
  for (const BoundValue& item : value.items) check_command(item, step, secrets, diagnostics);
  for (const auto& [key, entry] : value.entries) check_command(entry, step, secrets, diagnostics);
  if (value.kind != BoundValue::Kind::Template || !value.tmpl) return;
  std::set<std::string> warned;
  for (const expr::Reference& ref : expr::references(*value.tmpl)) {
    const std::string& name = ref.path.front();
    if (!secrets.count(name) || !warned.insert(name).second) continue;
    diagnostics.warning(value.location, "step '" + step.id + "': secret '" + name +
                                            "' is in the command line, which every local user can read in "
                                            "/proc; pass it in an environment variable ('env') or on the "
                                            "command's standard input instead");
  }
}

// Finds the command lines in `value`, which has the type `type` in the step's schema: a field
// of the step, of an object in a list (smoke-test's checks), of any depth.
void find_commands(const BoundValue& value, const TypeSpec& type, const StepNode& step,
                   const std::set<std::string>& secrets, Diagnostics& diagnostics) {
  if (is_command_line_type(type)) return check_command(value, step, secrets, diagnostics);
  switch (type.kind) {
    case TypeSpec::Kind::Object:
      for (const FieldSpec& field : type.fields) {
        auto entry = value.entries.find(field.name);
        if (entry != value.entries.end()) find_commands(entry->second, field.type, step, secrets, diagnostics);
      }
      return;
    case TypeSpec::Kind::List:
      if (!type.element.empty())
        for (const BoundValue& item : value.items) find_commands(item, type.element.front(), step, secrets, diagnostics);
      return;
    case TypeSpec::Kind::Map:
      if (!type.element.empty())
        for (const auto& [key, entry] : value.entries)
          find_commands(entry, type.element.front(), step, secrets, diagnostics);
      return;
    case TypeSpec::Kind::OneOf: {
      // A value fits one alternative; the first that holds a command line in the value's shape.
      bool is_list = value.kind == BoundValue::Kind::List, is_map = value.kind == BoundValue::Kind::Map;
      for (const TypeSpec& alternative : type.alternatives) {
        bool list = alternative.kind == TypeSpec::Kind::List;
        bool map = alternative.kind == TypeSpec::Kind::Object || alternative.kind == TypeSpec::Kind::Map;
        if ((is_list && list) || (is_map && map)) return find_commands(value, alternative, step, secrets, diagnostics);
      }
      return;
    }
    default:
      return;
  }
}

}  // namespace

void check_secrets_in_command_lines(const ActionGraph& graph, Diagnostics& diagnostics) {
  std::set<std::string> secrets;
  for (const ParamNode& param : graph.params)
    if (param.type == TypeSpec::Kind::Secret) secrets.insert(param.name);
  if (secrets.empty()) return;
  for (const StepNode& step : graph.steps) {
    const StepSchema* schema = find_step_schema(step.type);
    if (!schema) continue;
    for (const FieldSpec& field : schema->with.fields) {
      auto given = step.with.find(field.name);
      if (given != step.with.end()) find_commands(given->second, field.type, step, secrets, diagnostics);
    }
  }
}

}  // namespace planrun
