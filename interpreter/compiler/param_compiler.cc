#include "interpreter/compiler/param_compiler.h"

#include <algorithm>
#include <set>

#include "interpreter/compiler/expression_checker.h"
#include "interpreter/compiler/name_table.h"
#include "interpreter/compiler/value_binder.h"
#include "interpreter/diagnostics/did_you_mean.h"
#include "interpreter/expressions/expression.h"

namespace planrun {

static const std::vector<std::string> kParamKeys{"type", "default", "doc", "env", "file", "password"};

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

// A default with `${...}` is worked out when the params are resolved, before any step runs: it
// may read the params declared before it, env.NAME and functions, not steps' outputs or run.*.
// `below`: the params declared after this one.
static std::optional<BoundValue> read_default_template(const ast::Node& node, const ParamNode& param,
                                                       const NameTable& earlier, const std::set<std::string>& below,
                                                       Diagnostics& diagnostics) {
  ExpressionChecker checker(earlier, diagnostics);
  auto tmpl = checker.parse(node);
  if (!tmpl) return std::nullopt;
  bool ok = true;
  for (const expr::Reference& ref : expr::references(*tmpl)) {
    const std::string& root = ref.path.front();
    std::string read;
    if (root == "steps" || root == "run") read = "'" + root + ".'";
    else if (!earlier.params.count(root) && below.count(root)) read = "'" + root + "', declared below it,";
    if (read.empty()) continue;
    diagnostics.error(node.location_of(ref.offset), "default of '" + param.name + "' reads " + read +
                                                        " but a default is worked out before any step runs, "
                                                        "from the params declared above it, env.NAME and functions");
    ok = false;
  }
  if (!ok) return std::nullopt;
  size_t errors = diagnostics.all().size();
  std::set<std::string> steps_used;
  checker.check(*tmpl, node, steps_used);
  if (diagnostics.all().size() != errors) return std::nullopt;
  BoundValue bound;
  bound.kind = BoundValue::Kind::Template;
  bound.location = node.location;
  bound.tmpl = tmpl;
  bound.text = node.scalar;
  bound.type = &param_type(param.type);
  return bound;
}

static void read_default(const ast::Node& spec, ParamNode& param, const NameTable& earlier,
                         const std::set<std::string>& below, Diagnostics& diagnostics) {
  const ast::Node* node = spec.find("default");
  if (!node) return;
  if (param.type == TypeSpec::Kind::Secret) {
    diagnostics.error(node->location, "secret '" + param.name +
                                          "' cannot have a default: its value must not be in the plan; "
                                          "use 'env: VAR' or 'file: PATH'");
    return;
  }
  if (node->is_scalar() && node->scalar.find("${") != std::string::npos) {
    param.default_template = read_default_template(*node, param, earlier, below, diagnostics);
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

// `password: NAME` on a database param; whether NAME is a secret is checked once all params are read.
static void read_password(const ast::Node& spec, ParamNode& param, NodeReader& reader, Diagnostics& diagnostics) {
  const ast::Node* password = spec.find("password");
  if (!password) return;
  if (param.type != TypeSpec::Kind::Database) {
    diagnostics.error(password->location, "only a database param takes a 'password' (the name of a secret param)");
    return;
  }
  param.password_param = reader.string(*password, "'password'").value_or("");
  param.password_location = password->location;
}

static std::vector<std::string> secret_names(const std::vector<ParamNode>& params) {
  std::vector<std::string> names;
  for (const ParamNode& param : params)
    if (param.type == TypeSpec::Kind::Secret) names.push_back(param.name);
  return names;
}

// A password comes from a secret param only, so that it never sits in the plan, a vars file or
// the command line.
static void check_password_bindings(const std::vector<ParamNode>& params, Diagnostics& diagnostics) {
  for (const ParamNode& param : params) {
    if (param.password_param.empty()) continue;
    const std::string& name = param.password_param;
    auto named = std::find_if(params.begin(), params.end(), [&](const ParamNode& p) { return p.name == name; });
    if (named == params.end())
      diagnostics.error(param.password_location, "password of '" + param.name + "' names '" + name +
                                                     "', which is not a parameter" + did_you_mean(name, secret_names(params)));
    else if (named->type != TypeSpec::Kind::Secret)
      diagnostics.error(param.password_location, "password of '" + param.name + "' names '" + name + "', a " +
                                                     kind_name(named->type) + " param; it must name a secret param");
  }
}

static std::optional<ParamNode> compile_param(const ast::Node& key, const ast::Node& spec, NodeReader& reader,
                                              const NameTable& earlier, const std::set<std::string>& below,
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
  read_default(spec, param, earlier, below, diagnostics);
  read_source(spec, param, reader, diagnostics);
  read_password(spec, param, reader, diagnostics);
  return param;
}

std::vector<ParamNode> compile_params(const ast::Node& params, NodeReader& reader, Diagnostics& diagnostics) {
  std::vector<ParamNode> result;
  if (params.is_null() || !reader.expect_mapping(params, "'params'")) return result;
  NameTable earlier;  // the params declared so far, which a default's `${...}` may read
  std::set<std::string> below;
  for (const auto& [key, spec] : params.entries) below.insert(key.scalar);
  for (const auto& [key, spec] : params.entries) {
    below.erase(key.scalar);
    auto param = compile_param(key, spec, reader, earlier, below, diagnostics);
    if (!param) continue;
    earlier.params[param->name] = param->type;
    if (param->type == TypeSpec::Kind::Secret && !param->from_env.empty())
      earlier.secret_variables[param->from_env] = param->name;
    result.push_back(std::move(*param));
  }
  check_password_bindings(result, diagnostics);
  return result;
}

}  // namespace planrun
