#include "interpreter/compiler/param_compiler.h"

#include "interpreter/compiler/name_table.h"
#include "interpreter/compiler/value_binder.h"
#include "interpreter/diagnostics/did_you_mean.h"

namespace planrun {

static const std::vector<std::string> kParamKeys{"type", "default", "doc", "env", "file"};

static std::optional<TypeSpec::Kind> read_type(const ast::Node& spec, NodeReader& reader, Diagnostics& diagnostics) {
  const ast::Node* type = spec.find("type");
  if (!type) {
    diagnostics.error(spec.location, "parameter needs a 'type' (one of " + [] {
      std::string names;
      for (const std::string& name : param_kind_names()) names += (names.empty() ? "" : ", ") + name;
      return names;
    }() + ")");
    return std::nullopt;
  }
  auto name = reader.string(*type, "'type'");
  if (!name) return std::nullopt;
  auto kind = param_kind(*name);
  if (!kind) diagnostics.error(type->location, "unknown parameter type '" + *name + "'" +
                                                   did_you_mean(*name, param_kind_names()));
  return kind;
}

static void read_default(const ast::Node& spec, ParamNode& param, Diagnostics& diagnostics) {
  const ast::Node* node = spec.find("default");
  if (!node) return;
  if (param.type == TypeSpec::Kind::Secret) {
    diagnostics.error(node->location, "secret '" + param.name +
                                          "' cannot have a default: its value must not be in the plan; "
                                          "use 'env: VAR' or 'file: PATH'");
    return;
  }
  std::string error;
  TypeSpec type;
  type.kind = param.type;
  auto value = conform(node_value(*node), type, &error);
  if (!value) {
    diagnostics.error(node->location, "default of '" + param.name + "': " + error);
    return;
  }
  param.default_value = *value;
}

static void read_source(const ast::Node& spec, ParamNode& param, NodeReader& reader, Diagnostics& diagnostics) {
  const ast::Node* env = spec.find("env");
  const ast::Node* file = spec.find("file");
  if (env) param.from_env = reader.string(*env, "'env'").value_or("");
  if (file) {
    if (param.type != TypeSpec::Kind::Secret)
      diagnostics.error(file->location, "only a secret reads its value from a 'file'");
    param.from_file = reader.string(*file, "'file'").value_or("");
  }
  if (env && file) diagnostics.error(file->location, "secret '" + param.name + "' takes 'env' or 'file', not both");
  if (param.type == TypeSpec::Kind::Secret && !env && !file)
    diagnostics.error(spec.location, "secret '" + param.name + "' needs 'env: VAR' or 'file: PATH' to say where its value lives");
}

static std::optional<ParamNode> compile_param(const ast::Node& key, const ast::Node& spec, NodeReader& reader,
                                              Diagnostics& diagnostics) {
  if (!reader.valid_identifier(key, "parameter name")) return std::nullopt;
  if (reserved_roots().count(key.scalar)) {
    diagnostics.error(key.location, "'" + key.scalar + "' is reserved for expressions and cannot name a parameter");
    return std::nullopt;
  }
  if (!reader.expect_mapping(spec, "parameter '" + key.scalar + "'")) return std::nullopt;
  reader.reject_unknown_keys(spec, kParamKeys, "parameter field");
  ParamNode param;
  param.name = key.scalar;
  param.location = key.location;
  auto kind = read_type(spec, reader, diagnostics);
  if (!kind) return std::nullopt;
  param.type = *kind;
  if (const ast::Node* doc = spec.find("doc")) param.doc = reader.string(*doc, "'doc'").value_or("");
  read_default(spec, param, diagnostics);
  read_source(spec, param, reader, diagnostics);
  return param;
}

std::vector<ParamNode> compile_params(const ast::Node& params, NodeReader& reader, Diagnostics& diagnostics) {
  std::vector<ParamNode> result;
  if (params.is_null() || !reader.expect_mapping(params, "'params'")) return result;
  for (const auto& [key, spec] : params.entries)
    if (auto param = compile_param(key, spec, reader, diagnostics)) result.push_back(std::move(*param));
  return result;
}

}  // namespace planrun
