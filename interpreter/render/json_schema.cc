#include "interpreter/render/json_schema.h"

#include <string>

#include "interpreter/values/type_spec.h"

namespace planrun {

using json = nlohmann::json;
using Kind = TypeSpec::Kind;

namespace {

// A `${...}` anywhere in a string: a template, checked by planrun, not by the editor.
constexpr const char* kTemplate = "\\$\\{";
// The names planrun accepts for params and step ids (NodeReader::valid_identifier).
constexpr const char* kIdentifier = "^[A-Za-z_][A-Za-z0-9_-]*$";

// A text that is exactly one `${...}`: the only template that can stand for a list or a map.
json single_expression() { return {{"type", "string"}, {"pattern", "^\\$\\{.*\\}$"}}; }

// A scalar written as `types` (a JSON type name or several), whose string form must match
// `pattern` or be a template.
json scalar(json types, const std::string& pattern) {
  return {{"type", std::move(types)}, {"pattern", "^(?:" + pattern + ")$|" + kTemplate}};
}

// Plain YAML scalars reach planrun typed (8080, true); the kinds that take text take those too,
// as conform() does.
json scalar_schema(Kind kind) {
  switch (kind) {
    case Kind::String:
    case Kind::Path: return {{"type", {"string", "number", "boolean"}}};
    case Kind::Secret: return {{"type", "string"}};
    case Kind::Int: return scalar({"integer", "string"}, "[-+]?[0-9]+");
    case Kind::Bool: return scalar({"boolean", "string"}, "[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]|[Yy][Ee][Ss]|[Nn][Oo]");
    case Kind::Duration: {
      json schema = scalar({"integer", "string"}, "[0-9]+|(?=[0-9])([0-9]+d)?([0-9]+h)?([0-9]+m)?([0-9]+s)?([0-9]+ms)?");
      schema["minimum"] = 0;
      return schema;
    }
    case Kind::Database:
      return scalar("string", "(?:jdbc:)?(?:sqlite:|postgresql://|postgres://|mysql://|mariadb://).*");
    default: return json::object();  // Any
  }
}

json value_json(const Value& value) {
  if (value.is_null()) return nullptr;
  if (value.is_bool()) return value.as_bool();
  if (value.is_int()) return value.as_int();
  if (value.is_double()) return value.as_double();
  if (value.is_string()) return value.as_string();
  json out = value.is_list() ? json::array() : json::object();
  if (value.is_list())
    for (const Value& item : value.as_list()) out.push_back(value_json(item));
  else
    for (const auto& [key, item] : value.as_map()) out[key] = value_json(item);
  return out;
}

json element_schema(const TypeSpec& type) { return type.element.empty() ? json::object() : json_schema_of(type.element[0]); }

json field_schema(const FieldSpec& field) {
  json schema = json_schema_of(field.type);
  if (!field.doc.empty()) schema["description"] = field.doc;
  if (field.default_value) schema["default"] = value_json(*field.default_value);
  return schema;
}

json object_schema(const TypeSpec& type) {
  json schema{{"type", "object"}, {"additionalProperties", false}, {"properties", json::object()}};
  json required = json::array();
  for (const FieldSpec& field : type.fields) {
    schema["properties"][field.name] = field_schema(field);
    if (field.required) required.push_back(field.name);
  }
  if (!required.empty()) schema["required"] = required;
  // "Exactly one of": exactly one branch, each requiring one of the fields, may hold.
  json groups = json::array();
  for (const std::vector<std::string>& group : type.exactly_one_of) {
    json branches = json::array();
    for (const std::string& name : group) branches.push_back({{"required", {name}}});
    groups.push_back({{"oneOf", branches}});
  }
  if (!groups.empty()) schema["allOf"] = groups;
  return schema;
}

json param_schema() {
  return {{"type", "object"},
          {"description", "a typed input, set by --set NAME=VALUE, a vars file or the environment"},
          {"required", {"type"}},
          {"additionalProperties", false},
          {"properties",
           {{"type", {{"enum", param_kind_names()}, {"description", "the parameter's type"}}},
            {"default", {{"description", "the value when none is given; a secret has none"}}},
            {"doc", {{"type", "string"}, {"description", "what the parameter is, for people"}}},
            {"env", {{"type", "string"}, {"description", "secret: the environment variable holding it"}}},
            {"file", {{"type", "string"}, {"description", "secret: the file holding it"}}},
            {"password", {{"type", "string"}, {"description", "database: the secret param holding its password"}}}}}};
}

// Binds `with` to the schema of the step's type.
json with_by_type(const StepSchema& schema) {
  json then{{"properties", {{"with", json_schema_of(schema.with)}}}};
  bool needs_with = !schema.with.exactly_one_of.empty();
  for (const FieldSpec& field : schema.with.fields) needs_with = needs_with || field.required;
  if (needs_with) then["required"] = {"with"};
  return {{"if", {{"properties", {{"type", {{"const", schema.type}}}}}, {"required", {"type"}}}}, {"then", then}};
}

json step_options() {
  json duration = json_schema_of(types::duration());
  json retry{{"anyOf",
              {json_schema_of(types::integer()),
               {{"type", "object"},
                {"additionalProperties", false},
                {"properties", {{"attempts", json_schema_of(types::integer())}, {"delay", duration}}}}}},
             {"description", "tries in all (retry: 3), or {attempts, delay}"}};
  return {
      {"id", {{"type", "string"}, {"pattern", kIdentifier}, {"description", "the step's name, unique in the plan"}}},
      {"description", {{"type", "string"}, {"description", "what the step is for, for people"}}},
      {"with", {{"type", "object"}, {"description", "the fields of the step type"}}},
      {"needs",
       {{"anyOf", {{{"type", "string"}}, {{"type", "array"}, {"items", {{"type", "string"}}}}}},
        {"description", "ids of steps that must be done first"}}},
      {"when", {{"type", {"string", "boolean"}}, {"description", "a condition: the step runs only when it is true"}}},
      {"retry", retry},
      {"timeout", duration},
      {"continue_on_error", json_schema_of(types::boolean())},
  };
}

json step_schema(const std::vector<StepSchema>& schemas) {
  json names = json::array();
  json by_type = json::array();
  for (const StepSchema& schema : schemas) {
    names.push_back(schema.type);
    by_type.push_back(with_by_type(schema));
  }
  json properties = step_options();
  properties["type"] = {{"enum", names}, {"description", "the step type (planrun explain TYPE)"}};
  return {{"type", "object"},
          {"required", {"id", "type"}},
          {"additionalProperties", false},
          {"properties", properties},
          {"allOf", by_type}};
}

// An entry of `steps` that takes in another plan (compiler/used_plan_linker.h).
json use_schema() {
  json needs = step_options()["needs"];
  return {{"type", "object"},
          {"required", {"id", "use"}},
          {"additionalProperties", false},
          {"properties",
           {{"id", {{"type", "string"}, {"pattern", kIdentifier}, {"description", "the name its steps are known under (ID.STEP)"}}},
            {"use", {{"type", "string"}, {"description", "the plan to use: stdlib-plans/, the plan's folder or PLANRUN_PATH"}}},
            {"with", {{"type", "object"}, {"description", "values of the used plan's params"}}},
            {"needs", needs},
            {"description", {{"type", "string"}, {"description", "what it is for, for people"}}}}}};
}

json include_schema() {
  json name{{"type", "string"}};
  return {{"anyOf", {name, {{"type", "array"}, {"items", name}}}},
          {"description", "fragments whose params and steps join this plan's"}};
}

}  // namespace

json json_schema_of(const TypeSpec& type) {
  switch (type.kind) {
    case Kind::List:
      return {{"anyOf", {{{"type", "array"}, {"items", element_schema(type)}}, single_expression()}}};
    case Kind::Map:
      return {{"anyOf", {{{"type", "object"}, {"additionalProperties", element_schema(type)}}, single_expression()}}};
    case Kind::Object: return object_schema(type);
    case Kind::OneOf: {
      json alternatives = json::array();
      for (const TypeSpec& alternative : type.alternatives) alternatives.push_back(json_schema_of(alternative));
      return {{"anyOf", alternatives}};
    }
    default: return scalar_schema(type.kind);
  }
}

json plan_json_schema(const std::vector<StepSchema>& schemas) {
  return {
      {"$schema", "https://json-schema.org/draft/2020-12/schema"},
      {"title", "planrun plan"},
      {"description", "A product upgrade procedure that planrun compiles into a graph of typed steps."},
      {"type", "object"},
      {"required", {"planrun", "steps"}},
      {"additionalProperties", false},
      {"properties",
       {{"planrun", {{"const", 1}, {"description", "the plan format version"}}},
        {"name", {{"type", "string"}, {"description", "the plan's name"}}},
        {"description", {{"type", "string"}, {"description", "what the plan does"}}},
        {"params",
         {{"type", "object"},
          {"propertyNames", {{"pattern", kIdentifier}}},
          {"additionalProperties", param_schema()}}},
        {"include", include_schema()},
        {"steps", {{"type", "array"}, {"items", {{"anyOf", {step_schema(schemas), use_schema()}}}}}}}},
  };
}

}  // namespace planrun
