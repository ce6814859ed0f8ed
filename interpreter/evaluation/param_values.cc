#include "interpreter/evaluation/param_values.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "interpreter/ast/node_value.h"
#include "interpreter/diagnostics/did_you_mean.h"
#include "interpreter/evaluation/absolute_paths.h"
#include "interpreter/evaluation/plan_scope.h"

namespace planrun {

namespace {

// A value given for a parameter, with where it was given for messages.
struct Given {
  Value value;
  SourceLocation where;
};

std::vector<std::string> param_names(const ActionGraph& graph) {
  std::vector<std::string> names;
  for (const ParamNode& param : graph.params) names.push_back(param.name);
  return names;
}

// Text from the command line: a list or map is written as YAML flow (`[9443, 9763]`).
// Malformed flow text stays a string, which the type check then rejects with the text shown.
Value value_from_text(const std::string& text, TypeSpec::Kind kind, const DocumentReader& reader) {
  if (kind != TypeSpec::Kind::List && kind != TypeSpec::Kind::Map && kind != TypeSpec::Kind::Any) return Value(text);
  Diagnostics ignored;
  auto node = reader.parse_text("--set", text, ignored);
  return node ? node_value(*node) : Value(text);
}

void read_sets(const ActionGraph& graph, const ParamInputs& inputs, const DocumentReader& reader,
               std::map<std::string, Given>& given, Diagnostics& diagnostics) {
  for (const std::string& set : inputs.sets) {
    SourceLocation where{"--set " + set, 0, 0};
    size_t equals = set.find('=');
    if (equals == std::string::npos || equals == 0) {
      diagnostics.error(where, "expected NAME=VALUE");
      continue;
    }
    std::string name = set.substr(0, equals);
    const ParamNode* param = graph.find_param(name);
    if (!param) {
      diagnostics.error(where, "unknown parameter '" + name + "'" + did_you_mean(name, param_names(graph)));
    } else if (param->type == TypeSpec::Kind::Secret) {
      diagnostics.error(where, "secret '" + name + "' cannot be set on the command line (it would show in the "
                               "process list and shell history); it is read from its 'env' or 'file'");
    } else {
      given[name] = {value_from_text(set.substr(equals + 1), param->type, reader), where};
    }
  }
}

void read_vars_file(const ActionGraph& graph, const ParamInputs& inputs, const DocumentReader& reader,
                    SourceFiles& sources, std::map<std::string, Given>& given, Diagnostics& diagnostics) {
  if (inputs.vars_file.empty()) return;
  auto document = reader.read_file(inputs.vars_file, sources, diagnostics);
  if (!document || document->is_null()) return;
  if (!document->is_mapping()) {
    diagnostics.error(document->location, "a vars file is a map of parameter names to values");
    return;
  }
  for (const auto& [key, value] : document->entries) {
    const ParamNode* param = graph.find_param(key.scalar);
    if (!param)
      diagnostics.error(key.location, "unknown parameter '" + key.scalar + "'" + did_you_mean(key.scalar, param_names(graph)));
    else if (param->type == TypeSpec::Kind::Secret)
      diagnostics.error(key.location, "secret '" + key.scalar + "' cannot be given in a vars file; it is read from its 'env' or 'file'");
    else if (!given.count(key.scalar))
      given[key.scalar] = {node_value(value), value.location};
  }
}

std::optional<std::string> read_secret_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  std::string secret = text.str();
  while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r')) secret.pop_back();
  return secret;
}

std::optional<Value> read_secret(const ParamNode& param, Diagnostics& diagnostics) {
  if (!param.from_env.empty()) {
    const char* value = std::getenv(param.from_env.c_str());
    if (value) return Value(std::string(value)).mark_secret();
    diagnostics.error(param.location, "secret '" + param.name + "' has no value: set the environment variable " +
                                          param.from_env);
    return std::nullopt;
  }
  auto value = read_secret_file(param.from_file);
  if (value) return Value(*value).mark_secret();
  diagnostics.error(param.location, "secret '" + param.name + "' has no value: cannot read " + param.from_file);
  return std::nullopt;
}

// A `${...}` default, over the params resolved before it. Skipped once a param has failed: the
// default may read it, and its own error says what to fix.
std::optional<Value> default_from_template(const ParamNode& param, const ParamValues& earlier,
                                           Diagnostics& diagnostics) {
  if (diagnostics.has_errors()) return std::nullopt;
  try {
    return evaluate_bound(*param.default_template, PlanScope(earlier));
  } catch (const expr::ExpressionError& error) {
    diagnostics.error(param.default_template->location, "default of '" + param.name + "': " + error.what() +
                                                            "; or give it: --set " + param.name + "=VALUE");
  } catch (const expr::NotYetKnown& unknown) {
    diagnostics.error(param.default_template->location, "default of '" + param.name + "': " + unknown.what() +
                                                            " has no value yet");
  }
  return std::nullopt;
}

std::optional<Value> value_of(const ParamNode& param, const std::map<std::string, Given>& given,
                              const ParamValues& earlier, Diagnostics& diagnostics) {
  if (param.type == TypeSpec::Kind::Secret) return read_secret(param, diagnostics);
  std::optional<Given> chosen;
  if (auto found = given.find(param.name); found != given.end()) chosen = found->second;
  const char* env = param.from_env.empty() ? nullptr : std::getenv(param.from_env.c_str());
  if (!chosen && env) chosen = Given{Value(std::string(env)), {"environment " + param.from_env, 0, 0}};
  if (!chosen && param.default_value) return param.default_value;
  if (!chosen && param.default_template) return default_from_template(param, earlier, diagnostics);
  if (!chosen) {
    diagnostics.error(param.location, "parameter '" + param.name + "' has no value: set it with --set " + param.name +
                                          "=VALUE or in a --vars file");
    return std::nullopt;
  }
  std::string error;
  TypeSpec type;
  type.kind = param.type;
  auto value = conform(chosen->value, type, &error);
  if (!value) diagnostics.error(chosen->where, "parameter '" + param.name + "': " + error);
  return value;
}

}  // namespace

std::optional<ParamValues> resolve_params(const ActionGraph& graph, const ParamInputs& inputs,
                                          const DocumentReader& reader, SourceFiles& sources,
                                          Diagnostics& diagnostics) {
  std::map<std::string, Given> given;
  read_sets(graph, inputs, reader, given, diagnostics);
  read_vars_file(graph, inputs, reader, sources, given, diagnostics);
  ParamValues values;
  for (const ParamNode& param : graph.params) {
    TypeSpec type;
    type.kind = param.type;
    if (auto value = value_of(param, given, values, diagnostics)) values[param.name] = with_absolute_paths(*value, type);
  }
  if (diagnostics.has_errors()) return std::nullopt;
  return values;
}

}  // namespace planrun
