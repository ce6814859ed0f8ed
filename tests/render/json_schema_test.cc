#include "interpreter/render/json_schema.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "interpreter/frontend/yaml_frontend.h"
#include "tests/support/reference_plan.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

using json = nlohmann::json;

// Just enough of JSON Schema to run what plan_json_schema() generates, so that the tests check
// what an editor would accept rather than the shape of the schema text.
bool valid(const json& value, const json& schema);

bool has_type(const json& value, const std::string& type) {
  if (type == "object") return value.is_object();
  if (type == "array") return value.is_array();
  if (type == "string") return value.is_string();
  if (type == "integer") return value.is_number_integer();
  if (type == "number") return value.is_number();
  if (type == "boolean") return value.is_boolean();
  return type == "null" && value.is_null();
}

bool valid_type(const json& value, const json& type) {
  if (type.is_string()) return has_type(value, type.get<std::string>());
  for (const json& one : type)
    if (has_type(value, one.get<std::string>())) return true;
  return false;
}

bool valid_object(const json& value, const json& schema) {
  for (const json& name : schema.value("required", json::array()))
    if (!value.contains(name.get<std::string>())) return false;
  for (const auto& [key, item] : value.items()) {
    if (schema.contains("propertyNames") && !valid(key, schema["propertyNames"])) return false;
    if (schema.contains("properties") && schema["properties"].contains(key)) {
      if (!valid(item, schema["properties"][key])) return false;
    } else if (schema.contains("additionalProperties")) {
      const json& additional = schema["additionalProperties"];
      if (additional.is_boolean() ? !additional.get<bool>() : !valid(item, additional)) return false;
    }
  }
  return true;
}

size_t count_valid(const json& value, const json& schemas) {
  size_t count = 0;
  for (const json& schema : schemas) count += valid(value, schema);
  return count;
}

bool valid(const json& value, const json& schema) {
  if (schema.contains("type") && !valid_type(value, schema["type"])) return false;
  if (schema.contains("const") && value != schema["const"]) return false;
  if (schema.contains("enum") && std::find(schema["enum"].begin(), schema["enum"].end(), value) == schema["enum"].end())
    return false;
  if (schema.contains("pattern") && value.is_string() &&
      !std::regex_search(value.get<std::string>(), std::regex(schema["pattern"].get<std::string>())))
    return false;
  if (schema.contains("minimum") && value.is_number() && value.get<double>() < schema["minimum"].get<double>())
    return false;
  if (value.is_object() && !valid_object(value, schema)) return false;
  if (value.is_array() && schema.contains("items"))
    for (const json& item : value)
      if (!valid(item, schema["items"])) return false;
  if (schema.contains("anyOf") && count_valid(value, schema["anyOf"]) == 0) return false;
  if (schema.contains("oneOf") && count_valid(value, schema["oneOf"]) != 1) return false;
  if (schema.contains("allOf") && count_valid(value, schema["allOf"]) != schema["allOf"].size()) return false;
  if (schema.contains("if") && valid(value, schema["if"]) && !valid(value, schema.value("then", json::object())))
    return false;
  return true;
}

// YAML as an editor's language server sees it: plain scalars typed, quoted ones strings.
json to_json(const ast::Node& node) {
  switch (node.kind) {
    case ast::Node::Kind::Null: return nullptr;
    case ast::Node::Kind::Scalar: {
      if (node.quoted) return node.scalar;
      if (node.scalar == "true" || node.scalar == "false") return node.scalar == "true";
      if (std::regex_match(node.scalar, std::regex("-?[0-9]+"))) return std::stoll(node.scalar);
      return node.scalar;
    }
    case ast::Node::Kind::Sequence: {
      json out = json::array();
      for (const ast::Node& item : node.items) out.push_back(to_json(item));
      return out;
    }
    case ast::Node::Kind::Mapping: {
      json out = json::object();
      for (const auto& [key, value] : node.entries) out[key.scalar] = to_json(value);
      return out;
    }
  }
  return nullptr;
}

json yaml(const std::string& text) {
  Diagnostics diagnostics;
  auto node = parse_yaml("plan.yaml", text, diagnostics);
  EXPECT_TRUE(node) << text;
  return node ? to_json(*node) : json();
}

// The reference plan with one piece of text replaced, which must be there to replace.
std::string changed(const std::string& from, const std::string& to) {
  std::string plan = testing::kReferencePlan;
  size_t at = plan.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return at == std::string::npos ? plan : plan.replace(at, from.size(), to);
}

// One step of type `type` with `with` given as flow YAML.
std::string one_step(const std::string& type, const std::string& with) {
  return "planrun: 1\nsteps:\n  - id: s\n    type: " + type + "\n    with: " + with + "\n";
}

TEST(JsonSchema, DeclaresDraft2020AndThePlanShape) {
  json schema = plan_json_schema();
  EXPECT_EQ(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
  EXPECT_EQ(schema["required"], json({"planrun", "steps"}));
  std::set<std::string> top;
  for (const auto& [key, value] : schema["properties"].items()) top.insert(key);
  EXPECT_EQ(top, (std::set<std::string>{"planrun", "name", "description", "params", "steps", "include"}));
  EXPECT_EQ(schema["properties"]["params"]["additionalProperties"]["properties"]["type"]["enum"],
            json(param_kind_names()));
}

TEST(JsonSchema, ChoosesWithByStepType) {
  json steps = plan_json_schema()["properties"]["steps"]["items"]["anyOf"][0];  // [1] is a use
  ASSERT_EQ(steps["allOf"].size(), step_schemas().size());
  for (size_t i = 0; i < step_schemas().size(); ++i) {
    const StepSchema& schema = step_schemas()[i];
    const json& rule = steps["allOf"][i];
    EXPECT_EQ(rule["if"]["properties"]["type"]["const"], schema.type);
    std::set<std::string> fields;
    for (const auto& [key, value] : rule["then"]["properties"]["with"]["properties"].items()) fields.insert(key);
    std::set<std::string> expected;
    for (const FieldSpec& field : schema.with.fields) expected.insert(field.name);
    EXPECT_EQ(fields, expected) << schema.type;
  }
}

TEST(JsonSchema, CarriesDocsAndDefaults) {
  json backup = json_schema_of(find_step_schema("backup")->with);
  EXPECT_EQ(backup["properties"]["verify"]["default"], true);
  EXPECT_EQ(backup["properties"]["verify"]["description"],
            "read the backup back and check it against its manifest before the step is done");
  EXPECT_EQ(backup["required"], json({"to"}));
  EXPECT_EQ(backup["additionalProperties"], false);
  json run = json_schema_of(find_step_schema("run")->with);
  EXPECT_EQ(run["properties"]["expect_exit"]["default"], json({0}));
}

TEST(JsonSchema, AcceptsTheReferencePlan) {
  EXPECT_TRUE(valid(yaml(testing::kReferencePlan), plan_json_schema()));
}

TEST(JsonSchema, RejectsWhatPlanrunCheckRejects) {
  json schema = plan_json_schema();
  std::vector<std::pair<std::string, std::string>> mistakes{
      {"unknown with field", changed("verify: true", "verfy: true")},
      {"both database and dir", changed("{dir: \"${old_home}\",", "{dir: \"${old_home}\", database: \"sqlite:x\",")},
      {"neither database nor dir", changed("{dir: \"${old_home}\",", "{")},
      {"missing required field", changed(", to: \"${backup_dir}/db\"", "")},
      {"a map in a list of ports (int or host:port)", changed("9763]", "{host: a}]")},
      {"text where an int is expected", changed("strip_components: 1", "strip_components: one")},
      {"unknown step type", changed("type: unpack", "type: unpak")},
      {"bad duration", changed("timeout: 5m", "timeout: 5 minutes")},
      {"bad database", changed("{database: \"${staging_db}\"}", "{database: \"oracle:x\"}")},
      {"nested exactly one of", changed("equals_query_on: \"${old_db}\"", "equals_query_on: \"${old_db}\", equals: 3")},
      {"nested unknown field", changed("insecure: true", "insecure: true, contain: x")},
      {"unknown top-level field", testing::kReferencePlan + "foo: 1\n"},
      {"unknown param type", changed("{type: path}", "{type: pth}")},
      {"unknown step option", changed("needs: [unpack]", "neeeds: [unpack]")},
      {"bad step id", changed("id: smoke", "id: 'smoke test'")},
      {"wrong format version", changed("planrun: 1", "planrun: 2")},
      {"missing with", "planrun: 1\nsteps:\n  - id: gate\n    type: confirm\n"},
  };
  for (const auto& [what, text] : mistakes) EXPECT_FALSE(valid(yaml(text), schema)) << what;
}

TEST(JsonSchema, TemplatesStandInForTypedValues) {
  json schema = plan_json_schema();
  EXPECT_TRUE(valid(yaml(one_step("copy-db", "{from: \"${a}\", to: \"${b}\", verify: \"${v}\", jobs: \"${n}\"}")), schema));
  EXPECT_TRUE(valid(yaml(one_step("copy-db", "{from: \"${a}\", to: \"${b}\", tables: \"${names}\"}")), schema));
  EXPECT_TRUE(valid(yaml(one_step("assert-servers-stopped", "{ports: [\"${port}\", 9443]}")), schema));
  EXPECT_TRUE(valid(yaml(one_step("wait-for", "{tcp: \"localhost:${port}\", timeout: 90}")), schema));
  // Text around a template can only make text, not a list.
  EXPECT_FALSE(valid(yaml(one_step("copy-db", "{from: \"${a}\", to: \"${b}\", tables: \"x ${names}\"}")), schema));
}

TEST(JsonSchema, AcceptsPlainScalarsWhereTextIsExpected) {
  json schema = plan_json_schema();
  std::string config = "{file: a.xml, xml: [{set: //Ports/Offset, value: 1}]}";
  EXPECT_TRUE(valid(yaml(one_step("update-config", config)), schema));
  EXPECT_TRUE(valid(yaml(one_step("update-config", "{file: a.properties, properties: {port: 9443}}")), schema));
  EXPECT_TRUE(valid(yaml(one_step("run", "{command: echo hi, expect_exit: [0, 1]}")), schema));
  EXPECT_FALSE(valid(yaml(one_step("run", "{command: [echo, {x: 1}]}")), schema));
}

}  // namespace
}  // namespace planrun

namespace planrun {
namespace PLANRUN_UNITY_ID {

// The editors' schema takes the reuse forms: `include:` and steps that `use` another plan.
TEST(JsonSchema, AcceptsIncludeAndUseEntries) {
  json schema = plan_json_schema();
  std::string plan = "planrun: 1\ninclude: [fragments/preflight]\nsteps:\n"
                     "  - id: upgrade\n    use: carbon/upgrade-same-db\n    needs: [x]\n    with: {old_home: /opt}\n";
  EXPECT_TRUE(valid(yaml(plan), schema));
  EXPECT_FALSE(valid(yaml("planrun: 1\nsteps:\n  - id: u\n    use: p\n    when: \"${x}\"\n"), schema))
      << "a use takes no when";
  EXPECT_FALSE(valid(yaml("planrun: 1\ninclude: {a: b}\nsteps: []\n"), schema));
}

}  // namespace
}  // namespace planrun
