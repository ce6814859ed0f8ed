#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interpreter/values/value.h"

namespace planrun {

struct FieldSpec;

// The type of a parameter or of a step field. Parameters use the scalar kinds and List/Map;
// step schemas also use Any, Object (named fields) and OneOf (alternatives).
struct TypeSpec {
  enum class Kind { String, Int, Bool, Path, Duration, Database, Secret, Any, List, Map, Object, OneOf };

  Kind kind = Kind::Any;
  std::vector<TypeSpec> element;               // List, Map: exactly one element type (empty: any)
  std::vector<FieldSpec> fields;               // Object
  std::vector<std::vector<std::string>> exactly_one_of;  // Object: groups needing exactly one field set
  std::vector<TypeSpec> alternatives;          // OneOf

  // "string", "list of path", "string or list of string", "map", "object".
  std::string describe() const;
};

// A named field of an Object type: its type, whether it must be given, its default, its doc.
struct FieldSpec {
  std::string name;
  TypeSpec type;
  bool required = false;
  std::optional<Value> default_value;
  std::string doc;
  // How the step does its work, not what it does (timeouts, intervals, parallelism, batch
  // sizes): not part of the fingerprint, so changing it never reruns a finished step.
  bool tuning = false;
  // A path (or list of paths) whose files' content is part of the fingerprint, not just their
  // names: a changed script is not "up to date" (steps that read what a file says, like `sql`).
  bool content_in_fingerprint = false;

  // Builder: this field, marked as tuning.
  FieldSpec as_tuning() && {
    tuning = true;
    return std::move(*this);
  }
};

// Builders that keep schema declarations one line per field.
namespace types {
TypeSpec string();
TypeSpec integer();
TypeSpec boolean();
TypeSpec path();
TypeSpec duration();
TypeSpec database();
TypeSpec secret();
TypeSpec any();
TypeSpec list_of(TypeSpec element);
TypeSpec map_of(TypeSpec element);
TypeSpec object(std::vector<FieldSpec> fields, std::vector<std::vector<std::string>> exactly_one_of = {});
TypeSpec one_of(std::vector<TypeSpec> alternatives);
}  // namespace types

// The kind named by a parameter's `type:` (string, int, bool, path, duration, list, map,
// database, secret); nullopt for anything else.
std::optional<TypeSpec::Kind> param_kind(std::string_view name);
// The names param_kind accepts, for "did you mean".
std::vector<std::string> param_kind_names();
// The type of a parameter of `kind`, which lives as long as the process (a BoundValue points at it).
const TypeSpec& param_type(TypeSpec::Kind kind);
std::string kind_name(TypeSpec::Kind kind);

// Checks that a value fits a type, converting where the plan's text form allows it (the string
// "5m" for a duration stays a string; "42" for an int becomes 42). Returns the value to use, or
// nullopt with `error` saying what was expected and what was found.
std::optional<Value> conform(const Value& value, const TypeSpec& type, std::string* error);

}  // namespace planrun
