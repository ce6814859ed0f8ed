#include "interpreter/values/type_spec.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>

#include "interpreter/diagnostics/did_you_mean.h"
#include "interpreter/values/dsn.h"
#include "interpreter/values/duration.h"

namespace planrun {

using Kind = TypeSpec::Kind;

namespace {

struct KindName {
  Kind kind;
  const char* name;
  bool parameter;  // usable as a parameter's `type:`
};

constexpr KindName kKindNames[] = {
    {Kind::String, "string", true},     {Kind::Int, "int", true},           {Kind::Bool, "bool", true},
    {Kind::Path, "path", true},         {Kind::Duration, "duration", true}, {Kind::List, "list", true},
    {Kind::Map, "map", true},           {Kind::Database, "database", true}, {Kind::Secret, "secret", true},
    {Kind::Any, "any", false},          {Kind::Object, "object", false},    {Kind::OneOf, "one of", false},
};

TypeSpec of_kind(Kind kind) {
  TypeSpec type;
  type.kind = kind;
  return type;
}

}  // namespace

std::string kind_name(Kind kind) {
  for (const KindName& entry : kKindNames)
    if (entry.kind == kind) return entry.name;
  return "?";
}

std::optional<Kind> param_kind(std::string_view name) {
  for (const KindName& entry : kKindNames)
    if (entry.parameter && name == entry.name) return entry.kind;
  return std::nullopt;
}

std::vector<std::string> param_kind_names() {
  std::vector<std::string> names;
  for (const KindName& entry : kKindNames)
    if (entry.parameter) names.emplace_back(entry.name);
  return names;
}

const TypeSpec& param_type(TypeSpec::Kind kind) {
  static const std::map<TypeSpec::Kind, TypeSpec> types = [] {
    std::map<TypeSpec::Kind, TypeSpec> made;
    for (const std::string& name : param_kind_names()) {
      TypeSpec type;
      type.kind = *param_kind(name);
      made[type.kind] = type;
    }
    return made;
  }();
  return types.at(kind);
}

std::string TypeSpec::describe() const {
  if ((kind == Kind::List || kind == Kind::Map) && !element.empty())
    return kind_name(kind) + " of " + element.front().describe();
  if (kind == Kind::OneOf) {
    std::string out;
    for (const TypeSpec& alternative : alternatives) out += (out.empty() ? "" : " or ") + alternative.describe();
    return out;
  }
  return kind_name(kind);
}

namespace types {
TypeSpec string() { return of_kind(Kind::String); }
TypeSpec integer() { return of_kind(Kind::Int); }
TypeSpec boolean() { return of_kind(Kind::Bool); }
TypeSpec path() { return of_kind(Kind::Path); }
TypeSpec duration() { return of_kind(Kind::Duration); }
TypeSpec database() { return of_kind(Kind::Database); }
TypeSpec secret() { return of_kind(Kind::Secret); }
TypeSpec any() { return of_kind(Kind::Any); }

TypeSpec list_of(TypeSpec element) {
  TypeSpec type = of_kind(Kind::List);
  type.element.push_back(std::move(element));
  return type;
}

TypeSpec map_of(TypeSpec element) {
  TypeSpec type = of_kind(Kind::Map);
  type.element.push_back(std::move(element));
  return type;
}

TypeSpec object(std::vector<FieldSpec> fields, std::vector<std::vector<std::string>> exactly_one_of) {
  TypeSpec type = of_kind(Kind::Object);
  type.fields = std::move(fields);
  type.exactly_one_of = std::move(exactly_one_of);
  return type;
}

TypeSpec one_of(std::vector<TypeSpec> alternatives) {
  TypeSpec type = of_kind(Kind::OneOf);
  type.alternatives = std::move(alternatives);
  return type;
}
}  // namespace types

namespace {

// Checks one value against one type. `path` names the value inside the one conform() was
// given ("checks[1].sql"), so that a nested mistake says where it is.
class Conformer {
 public:
  explicit Conformer(std::string* error) : error_(error) {}

  std::optional<Value> conform(const Value& value, const TypeSpec& type, const std::string& path) {
    switch (type.kind) {
      case Kind::Any: return value;
      case Kind::List: return list(value, type, path);
      case Kind::Map: return map(value, type, path);
      case Kind::Object: return object(value, type, path);
      case Kind::OneOf: return one_of(value, type, path);
      default: return scalar(value, type, path);
    }
  }

 private:
  std::nullopt_t fail(const std::string& path, const std::string& message) {
    if (error_) *error_ = path.empty() ? message : path + ": " + message;
    return std::nullopt;
  }

  // "string 'abc'", "list": what a value is, as an error message shows it (secrets as ***).
  static std::string found(const Value& value) {
    if (value.is_null() || value.is_list() || value.is_map()) return value.type_name();
    std::string text = value.display();
    if (text.size() > 40) text = text.substr(0, 37) + "...";
    return value.type_name() + " '" + text + "'";
  }

  std::nullopt_t mismatch(const Value& value, const TypeSpec& type, const std::string& path) {
    std::string expected = type.describe();
    if (type.kind == Kind::Duration) expected += " (like 30s, 5m or 1h30m)";
    return fail(path, "expected " + expected + ", got " + found(value));
  }

  std::optional<Value> scalar(const Value& value, const TypeSpec& type, const std::string& path) {
    std::optional<Value> result;
    switch (type.kind) {
      case Kind::String:
      case Kind::Path: result = as_text(value); break;
      case Kind::Int: result = as_int(value); break;
      case Kind::Bool: result = as_bool(value); break;
      case Kind::Duration: result = as_duration(value); break;
      case Kind::Secret:
        if (value.is_string()) result = Value(value).mark_secret();
        break;
      case Kind::Database: return database(value, type, path);
      default: break;
    }
    if (!result) return mismatch(value, type, path);
    if (value.secret()) result->mark_secret();
    return result;
  }

  // Plain YAML scalars such as 8080 or true reach a string field as numbers and booleans.
  static std::optional<Value> as_text(const Value& value) {
    if (value.is_string()) return value;
    if (value.is_bool() || value.is_int()) return Value(value.to_text());
    if (value.is_double()) {
      char buffer[32];  // shortest text that reads back as the same number: 1.1, not 1.1000000000000001
      auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value.as_double());
      return ec == std::errc() ? std::optional<Value>(Value(std::string(buffer, end))) : std::nullopt;
    }
    return std::nullopt;
  }

  static std::optional<Value> as_int(const Value& value) {
    if (value.is_int()) return value;
    if (!value.is_string()) return std::nullopt;
    const std::string& text = value.as_string();
    int64_t number = 0;
    const char* begin = text.data() + (text.starts_with('+') ? 1 : 0);
    auto [end, ec] = std::from_chars(begin, text.data() + text.size(), number);
    if (ec != std::errc() || end != text.data() + text.size() || begin == end) return std::nullopt;
    return Value(number);
  }

  static std::optional<Value> as_bool(const Value& value) {
    if (value.is_bool()) return value;
    if (!value.is_string()) return std::nullopt;
    std::string text = value.as_string();
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    if (text == "true" || text == "yes") return Value(true);
    if (text == "false" || text == "no") return Value(false);
    return std::nullopt;
  }

  // A duration stays the text parse_duration() reads; a whole number of seconds becomes that
  // text too, so that whoever uses the value has one form to read.
  static std::optional<Value> as_duration(const Value& value) {
    if (value.is_int() && value.as_int() >= 0) return Value(std::to_string(value.as_int()));
    if (value.is_string() && parse_duration(value.as_string())) return value;
    return std::nullopt;
  }

  std::optional<Value> database(const Value& value, const TypeSpec& type, const std::string& path) {
    if (!value.is_string()) return mismatch(value, type, path);
    std::string dsn_error;
    if (!parse_dsn(value.as_string(), &dsn_error))
      return fail(path, value.secret() ? "invalid database DSN (from a secret, not shown)" : "invalid " + dsn_error);
    return value;
  }

  static TypeSpec element_of(const TypeSpec& type) { return type.element.empty() ? types::any() : type.element.front(); }

  std::optional<Value> list(const Value& value, const TypeSpec& type, const std::string& path) {
    if (!value.is_list()) return mismatch(value, type, path);
    TypeSpec element = element_of(type);
    Value::List items;
    for (size_t i = 0; i < value.as_list().size(); ++i) {
      auto item = conform(value.as_list()[i], element, path + "[" + std::to_string(i) + "]");
      if (!item) return std::nullopt;
      items.push_back(std::move(*item));
    }
    return Value(std::move(items)).mark_secret(value.secret());
  }

  static std::string member(const std::string& path, const std::string& name) {
    return path.empty() ? name : path + "." + name;
  }

  std::optional<Value> map(const Value& value, const TypeSpec& type, const std::string& path) {
    if (!value.is_map()) return mismatch(value, type, path);
    TypeSpec element = element_of(type);
    Value::Map entries;
    for (const auto& [key, item] : value.as_map()) {
      auto conformed = conform(item, element, member(path, key));
      if (!conformed) return std::nullopt;
      entries[key] = std::move(*conformed);
    }
    return Value(std::move(entries)).mark_secret(value.secret());
  }

  std::optional<Value> object(const Value& value, const TypeSpec& type, const std::string& path);
  bool exactly_one_of_holds(const Value::Map& given, const TypeSpec& type, const std::string& path);
  std::optional<Value> one_of(const Value& value, const TypeSpec& type, const std::string& path);

  std::string* error_;
};

const FieldSpec* find_field(const TypeSpec& object, const std::string& name) {
  for (const FieldSpec& field : object.fields)
    if (field.name == name) return &field;
  return nullptr;
}

std::vector<std::string> field_names(const TypeSpec& object) {
  std::vector<std::string> names;
  for (const FieldSpec& field : object.fields) names.push_back(field.name);
  return names;
}

// A field written as null (`to:` with nothing after it) counts as not given, as in the compiler.
bool given(const Value::Map& fields, const std::string& name) {
  auto found = fields.find(name);
  return found != fields.end() && !found->second.is_null();
}

std::optional<Value> Conformer::object(const Value& value, const TypeSpec& type, const std::string& path) {
  if (!value.is_map()) return mismatch(value, type, path);
  const Value::Map& fields = value.as_map();
  for (const auto& [name, item] : fields)
    if (!find_field(type, name))
      return fail(path, "unknown field '" + name + "'" + did_you_mean(name, field_names(type)));
  Value::Map result;
  for (const FieldSpec& field : type.fields) {
    if (given(fields, field.name)) {
      auto conformed = conform(fields.at(field.name), field.type, member(path, field.name));
      if (!conformed) return std::nullopt;
      result[field.name] = std::move(*conformed);
    } else if (field.required) {
      return fail(path, "missing required field '" + field.name + "' (" + field.type.describe() + ")");
    } else if (field.default_value) {
      result[field.name] = *field.default_value;
    }
  }
  if (!exactly_one_of_holds(fields, type, path)) return std::nullopt;
  return Value(std::move(result)).mark_secret(value.secret());
}

// Worded as the compiler words the same rule, so that users meet one message for it.
bool Conformer::exactly_one_of_holds(const Value::Map& fields, const TypeSpec& type, const std::string& path) {
  for (const std::vector<std::string>& group : type.exactly_one_of) {
    size_t count = std::count_if(group.begin(), group.end(), [&](const std::string& name) { return given(fields, name); });
    if (count == 1) continue;
    std::string names;
    for (const std::string& name : group) names += (names.empty() ? "'" : ", '") + name + "'";
    fail(path, (count == 0 ? "needs one of " : "takes only one of ") + names);
    return false;
  }
  return true;
}

// Which alternatives a value could be meant as, judged by its shape alone.
bool shape_fits(const Value& value, const TypeSpec& type) {
  switch (type.kind) {
    case Kind::Any: return true;
    case Kind::List: return value.is_list();
    case Kind::Map:
    case Kind::Object: return value.is_map();
    case Kind::OneOf:
      return std::any_of(type.alternatives.begin(), type.alternatives.end(),
                         [&](const TypeSpec& alternative) { return shape_fits(value, alternative); });
    default: return !value.is_list() && !value.is_map() && !value.is_null();
  }
}

// The first alternative that fits wins. When none does, the error of the one alternative the
// value's shape points to says more ("[1]: expected string, got map") than the list of types.
std::optional<Value> Conformer::one_of(const Value& value, const TypeSpec& type, const std::string& path) {
  std::string ignored;
  for (const TypeSpec& alternative : type.alternatives)
    if (auto conformed = Conformer(&ignored).conform(value, alternative, path)) return conformed;
  auto fits = [&](const TypeSpec& alternative) { return shape_fits(value, alternative); };
  if (std::count_if(type.alternatives.begin(), type.alternatives.end(), fits) == 1)
    return conform(value, *std::find_if(type.alternatives.begin(), type.alternatives.end(), fits), path);
  return mismatch(value, type, path);
}

}  // namespace

std::optional<Value> conform(const Value& value, const TypeSpec& type, std::string* error) {
  return Conformer(error).conform(value, type, "");
}

}  // namespace planrun
