// The built-in functions. Each is a plain function of its evaluated arguments; none writes
// anything (exists() only looks), so evaluating a plan's expressions has no effects.

#include "interpreter/expressions/expression_functions.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "interpreter/diagnostics/did_you_mean.h"
#include "interpreter/carbon/carbon_datasource.h"
#include "interpreter/carbon/carbon_database.h"
#include "interpreter/carbon/carbon_datasources.h"
#include "interpreter/carbon/carbon_ports.h"
#include "interpreter/expressions/expression_operators.h"
#include "interpreter/values/dsn.h"

namespace planrun::expr {
namespace {

using Body = Value (*)(const FunctionCall&);

struct Builtin {
  FunctionSignature signature;
  Body body;
};

// The argument at `index` if `is` holds for it; otherwise an error naming the wanted type.
const Value& argument(const FunctionCall& call, size_t index, bool (Value::*is)() const, const char* wanted) {
  const Value& value = call.arguments.at(index);
  if ((value.*is)()) return value;
  std::string which = call.arguments.size() > 1 ? " as argument " + std::to_string(index + 1) : "";
  throw ExpressionError(call.offset, call.function + "() expects " + wanted + which + ", not " + value.type_name());
}

const std::string& string_argument(const FunctionCall& call, size_t index) {
  return argument(call, index, &Value::is_string, "a string").as_string();
}

// Trailing slashes name the same directory: "/a/b/" is "/a/b". The root stays "/".
std::string_view without_trailing_slashes(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  return path;
}

Value basename(const FunctionCall& call) {
  std::string_view path = without_trailing_slashes(string_argument(call, 0));
  size_t slash = path.rfind('/');
  if (slash == std::string_view::npos || path == "/") return std::string(path);
  return std::string(path.substr(slash + 1));
}

Value dirname(const FunctionCall& call) {
  std::string_view path = without_trailing_slashes(string_argument(call, 0));
  size_t slash = path.rfind('/');
  if (slash == std::string_view::npos) return ".";
  return std::string(without_trailing_slashes(path.substr(0, std::max<size_t>(slash, 1))));
}

Value exists(const FunctionCall& call) {
  std::error_code ignored;  // unreadable counts as absent: the plan cannot use it either
  return std::filesystem::exists(string_argument(call, 0), ignored);
}

Value default_value(const FunctionCall& call) {
  const Value& value = call.arguments[0];
  bool missing = value.is_null() || (value.is_string() && value.as_string().empty());
  return missing ? call.arguments[1] : value;
}

std::string ascii_case(std::string text, int (*convert)(int)) {
  for (char& c : text) c = static_cast<char>(convert(static_cast<unsigned char>(c)));
  return text;
}

Value lower(const FunctionCall& call) { return ascii_case(string_argument(call, 0), [](int c) { return std::tolower(c); }); }
Value upper(const FunctionCall& call) { return ascii_case(string_argument(call, 0), [](int c) { return std::toupper(c); }); }

Value carbon_datasource(const FunctionCall& call) {
  try {
    return carbon_datasource_dsn(string_argument(call, 0), string_argument(call, 1));
  } catch (const CarbonConfigError& error) {
    throw ExpressionError(call.offset, std::string("carbon_datasource(): ") + error.what());
  }
}

Value carbon_database(const FunctionCall& call) {
  try {
    return carbon_database_dsn(string_argument(call, 0));
  } catch (const CarbonConfigError& error) {
    throw ExpressionError(call.offset, std::string("carbon_database(): ") + error.what());
  }
}

Value optional_text(const std::optional<std::string>& text) { return text ? Value(*text) : Value(); }

// A datasource as the expression language shows it: a map whose keys are the fields' names.
Value datasource_value(const CarbonDatasource& datasource) {
  Value::List used_by(datasource.used_by.begin(), datasource.used_by.end());
  return Value::Map{{"name", datasource.name},
                    {"jndi_name", datasource.jndi_name},
                    {"url", datasource.url},
                    {"username", datasource.username},
                    {"driver_class", datasource.driver_class},
                    {"password_alias", optional_text(datasource.password_alias)},
                    {"file", datasource.file.string()},
                    {"position", datasource.position},
                    {"in_use", datasource.in_use()},
                    {"used_by", std::move(used_by)}};
}

Value carbon_datasources_of(const FunctionCall& call) {
  try {
    Value::List list;
    for (const CarbonDatasource& datasource : carbon_datasources(string_argument(call, 0)))
      list.push_back(datasource_value(datasource));
    return list;
  } catch (const CarbonConfigError& error) {
    throw ExpressionError(call.offset, std::string("carbon_datasources(): ") + error.what());
  }
}

CarbonPorts carbon_ports_argument(const FunctionCall& call) {
  try {
    return carbon_ports_of(string_argument(call, 0));
  } catch (const CarbonConfigError& error) {
    throw ExpressionError(call.offset, call.function + "(): " + error.what());
  }
}

Value carbon_ports(const FunctionCall& call) {
  CarbonPorts ports = carbon_ports_argument(call);
  return Value::List{Value(ports.https), Value(ports.http)};
}

Value carbon_port(const FunctionCall& call) {
  const std::string& which = string_argument(call, 1);
  if (which != "https" && which != "http")
    throw ExpressionError(call.offset, "carbon_port() expects 'https' or 'http' as argument 2, not '" + which + "'");
  CarbonPorts ports = carbon_ports_argument(call);
  return Value(which == "https" ? ports.https : ports.http);
}

Value jdbc_url(const FunctionCall& call) {
  std::string error;
  auto dsn = parse_dsn(string_argument(call, 0), &error);
  if (!dsn) throw ExpressionError(call.offset, "jdbc_url(): " + error);
  return dsn->jdbc_url();
}

Value db_type(const FunctionCall& call) {
  std::string error;
  auto dsn = parse_dsn(string_argument(call, 0), &error);
  if (!dsn) throw ExpressionError(call.offset, "db_type(): " + error);
  return kind_name(dsn->kind);
}

// A map's entry by a key computed at run time (`.name` needs the key written in the plan).
Value get(const FunctionCall& call) {
  const Value::Map& map = argument(call, 0, &Value::is_map, "a map").as_map();
  auto found = map.find(string_argument(call, 1));
  return found == map.end() ? call.arguments[2] : found->second;
}

Value contains(const FunctionCall& call) {
  const Value& haystack = call.arguments[0];
  const Value& needle = call.arguments[1];
  if (haystack.is_string()) return haystack.as_string().find(string_argument(call, 1)) != std::string::npos;
  if (haystack.is_map()) return haystack.as_map().count(string_argument(call, 1)) > 0;
  const Value::List& items = argument(call, 0, &Value::is_list, "a list, map or string").as_list();
  return std::any_of(items.begin(), items.end(), [&](const Value& item) { return equal_values(item, needle); });
}

Value join(const FunctionCall& call) {
  const Value::List& items = argument(call, 0, &Value::is_list, "a list").as_list();
  const std::string& separator = string_argument(call, 1);
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? separator : "") + items[i].to_text();
  return out;
}

const std::vector<Builtin>& builtins() {
  static const std::vector<Builtin> table = {
      {{"exists", 1, 1, "exists(path): true when a file or directory is at path; only looks"}, exists},
      {{"basename", 1, 1, "basename(path): the last component, basename('/a/b.txt') is 'b.txt'"}, basename},
      {{"dirname", 1, 1, "dirname(path): all but the last component, dirname('/a/b.txt') is '/a'"}, dirname},
      {{"default", 2, 2, "default(value, fallback): value, or fallback when value is null or ''"}, default_value},
      {{"lower", 1, 1, "lower(text): text in lower case (ASCII letters)"}, lower},
      {{"upper", 1, 1, "upper(text): text in upper case (ASCII letters)"}, upper},
      {{"jdbc_url", 1, 1, "jdbc_url(dsn): the JDBC URL of a database DSN, as Carbon's datasources want it"}, jdbc_url},
      {{"carbon_datasource", 2, 2,
        "carbon_datasource(home, name): the DSN of a Carbon datasource in home's master-datasources.xml "
        "(url and username; the password stays a secret)"},
       carbon_datasource},
      {{"carbon_database", 1, 1,
        "carbon_database(home): the DSN of the one database every datasource home uses is on (url and "
        "username; the password stays a secret); an error when they are on several"},
       carbon_database},
      {{"carbon_datasources", 1, 1,
        "carbon_datasources(home): every datasource of home's repository/conf/datasources/*.xml, a list of maps "
        "(name, jndi_name, url, username, driver_class, password_alias, file, position, in_use, used_by)"},
       carbon_datasources_of},
      {{"carbon_ports", 1, 1,
        "carbon_ports(home): [HTTPS, HTTP] ports of a Carbon installation: 9443 and 9763 plus <Ports><Offset> "
        "of home's carbon.xml"},
       carbon_ports},
      {{"carbon_port", 2, 2, "carbon_port(home, 'https'|'http'): one of the ports carbon_ports(home) gives"},
       carbon_port},
      {{"db_type", 1, 1, "db_type(dsn): the database type of a DSN: 'postgresql', 'mysql', 'sqlite' or 'h2'"}, db_type},
      {{"get", 3, 3, "get(map, key, fallback): the map's value for key, or fallback when it has none"}, get},
      {{"contains", 2, 2, "contains(list|map|string, x): x is an element, a key, or a substring"}, contains},
      {{"join", 2, 2, "join(list, separator): the elements as text, separated by separator"}, join},
  };
  return table;
}

const Builtin* find_builtin(const std::string& name) {
  for (const Builtin& builtin : builtins())
    if (builtin.signature.name == name) return &builtin;
  return nullptr;
}

std::string arity(const FunctionSignature& signature) {
  std::string count = std::to_string(signature.min_arguments);
  if (signature.max_arguments != signature.min_arguments) count += " to " + std::to_string(signature.max_arguments);
  return count + (signature.max_arguments == 1 ? " argument" : " arguments");
}

}  // namespace

const std::vector<FunctionSignature>& functions() {
  static const std::vector<FunctionSignature> signatures = [] {
    std::vector<FunctionSignature> out;
    for (const Builtin& builtin : builtins()) out.push_back(builtin.signature);
    return out;
  }();
  return signatures;
}

void check_call(const std::string& function, size_t argument_count, size_t offset) {
  const Builtin* builtin = find_builtin(function);
  if (!builtin) {
    std::vector<std::string> names;
    for (const FunctionSignature& signature : functions()) names.push_back(signature.name);
    throw ExpressionError(offset, "unknown function '" + function + "'" + did_you_mean(function, names));
  }
  const FunctionSignature& signature = builtin->signature;
  if (argument_count < signature.min_arguments || argument_count > signature.max_arguments)
    throw ExpressionError(offset, function + "() takes " + arity(signature) + ", not " + std::to_string(argument_count));
}

Value run_function(const FunctionCall& call) {
  check_call(call.function, call.arguments.size(), call.offset);
  return find_builtin(call.function)->body(call);
}

}  // namespace planrun::expr
