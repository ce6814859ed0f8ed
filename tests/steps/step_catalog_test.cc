#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <set>

#include "interpreter/frontend/yaml_frontend.h"
#include "interpreter/step_kit/schema_parts.h"
#include "interpreter/steps/step_catalog.h"
#include "tests/support/reference_plan.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

using Effect = StepSchema::Effect;
using Kind = TypeSpec::Kind;


const FieldSpec* field(const TypeSpec& object, const std::string& name) {
  for (const FieldSpec& f : object.fields)
    if (f.name == name) return &f;
  return nullptr;
}

// The described type of a step field, or "(none)".
std::string type_of(const std::string& step, const std::string& name) {
  const StepSchema* schema = find_step_schema(step);
  if (!schema) return "(no step " + step + ")";
  const FieldSpec* f = field(schema->with, name);
  return f ? f->type.describe() : "(none)";
}

// The Object types a type holds directly or through lists, maps and alternatives.
void for_each_object(const TypeSpec& type, const std::function<void(const TypeSpec&)>& visit) {
  if (type.kind == Kind::Object) {
    visit(type);
    for (const FieldSpec& f : type.fields) for_each_object(f.type, visit);
  }
  for (const TypeSpec& element : type.element) for_each_object(element, visit);
  for (const TypeSpec& alternative : type.alternatives) for_each_object(alternative, visit);
}

// Every key written in `node` is a field of `type`, and every required field is written.
void expect_fits(const ast::Node& node, const TypeSpec& type, const std::string& where) {
  if (type.kind == Kind::List && node.is_sequence()) {
    for (const ast::Node& item : node.items) expect_fits(item, type.element.at(0), where + "[]");
    return;
  }
  if (type.kind == Kind::OneOf) {
    for (const TypeSpec& alternative : type.alternatives)
      if ((alternative.kind == Kind::List) == node.is_sequence()) expect_fits(node, alternative, where);
    return;
  }
  if (type.kind != Kind::Object) return;
  ASSERT_TRUE(node.is_mapping()) << where;
  for (const auto& [key, value] : node.entries) {
    const FieldSpec* f = field(type, key.scalar);
    ASSERT_NE(f, nullptr) << where << "." << key.scalar << " is not a field";
    expect_fits(value, f->type, where + "." + key.scalar);
  }
  for (const FieldSpec& f : type.fields) {
    if (f.required) {
      EXPECT_NE(node.find(f.name), nullptr) << where << " lacks required " << f.name;
    }
  }
}

// A step type is a folder of interpreter/steps/ holding <folder>_fields.h; the type's name is the
// folder's with dashes. So a new folder that is not in step_catalog.cc fails here, and so does a
// catalogue line without its folder.
TEST(StepCatalog, HoldsTheTypeOfEveryStepFolderAndNoOther) {
  std::set<std::string> folders;
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(PLANRUN_SOURCE_DIR) / "interpreter/steps")) {
    std::string folder = entry.path().filename().string();
    if (!entry.is_directory() || !std::filesystem::exists(entry.path() / (folder + "_fields.h"))) continue;
    std::replace(folder.begin(), folder.end(), '_', '-');
    folders.insert(folder);
  }
  std::vector<std::string> names = step_type_names();
  EXPECT_EQ(std::set<std::string>(names.begin(), names.end()), folders);
  EXPECT_EQ(std::set<std::string>(names.begin(), names.end()).size(), names.size()) << "a type listed twice";
}

TEST(StepCatalog, FindsByNameAndNothingElse) {
  ASSERT_NE(find_step_schema("copy-db"), nullptr);
  EXPECT_EQ(find_step_schema("copy-db")->type, "copy-db");
  EXPECT_EQ(find_step_schema("copy-dirr"), nullptr);
  EXPECT_EQ(find_step_schema(""), nullptr);
  EXPECT_EQ(find_step_schema("COPY-DB"), nullptr);
}

TEST(StepCatalog, ReferencePlanFitsTheSchemas) {
  Diagnostics diagnostics;
  auto plan = parse_yaml("reference.yaml", testing::kReferencePlan, diagnostics);
  ASSERT_TRUE(plan) << (diagnostics.all().empty() ? "" : diagnostics.all()[0].message);
  const ast::Node* steps = plan->find("steps");
  ASSERT_NE(steps, nullptr);
  ASSERT_EQ(steps->items.size(), 12u);  // every step of the whole reference plan is checked
  for (const ast::Node& step : steps->items) {
    const StepSchema* schema = find_step_schema(step.find("type")->scalar);
    ASSERT_NE(schema, nullptr) << step.find("type")->scalar;
    expect_fits(*step.find("with"), schema->with, step.find("id")->scalar);
  }
}

TEST(StepCatalog, ReferenceFieldsHaveTheirTypes) {
  EXPECT_EQ(type_of("assert-servers-stopped", "pid_files"), "list of path");
  EXPECT_EQ(type_of("assert-servers-stopped", "ports"), "list of int or string");  // 9443 or node2:9443
  EXPECT_EQ(type_of("assert-servers-stopped", "carbon_home"), "path");
  EXPECT_EQ(type_of("assert-same-dbtype", "source"), "database");
  EXPECT_EQ(type_of("assert-same-dbtype", "target"), "database");
  EXPECT_EQ(type_of("assert-db-empty", "database"), "database");
  EXPECT_EQ(type_of("backup", "database"), "database");
  EXPECT_EQ(type_of("backup", "dir"), "path");
  EXPECT_EQ(type_of("backup", "to"), "path");
  EXPECT_EQ(type_of("copy-db", "from"), "database");
  EXPECT_EQ(type_of("copy-db", "to"), "database");
  EXPECT_EQ(type_of("copy-db", "verify"), "bool");
  EXPECT_EQ(type_of("copy-dir", "from"), "path");
  EXPECT_EQ(type_of("copy-dir", "exclude"), "list of string");
  EXPECT_EQ(type_of("unpack", "archive"), "path");
  EXPECT_EQ(type_of("unpack", "strip_components"), "int");
  EXPECT_EQ(type_of("update-config", "file"), "path");
  EXPECT_EQ(type_of("update-config", "xml"), "list of object");
  EXPECT_EQ(type_of("run", "command"), "string or list of string");
  EXPECT_EQ(type_of("run", "timeout"), "duration");
  EXPECT_EQ(type_of("run", "expect_exit"), "list of int");
  EXPECT_EQ(type_of("wait-for", "timeout"), "duration");
  EXPECT_EQ(type_of("smoke-test", "checks"), "list of object");
  EXPECT_EQ(type_of("confirm", "message"), "string");
}

TEST(StepCatalog, RequiredFieldsAndDefaultsAreAsDocumented) {
  EXPECT_TRUE(field(find_step_schema("backup")->with, "to")->required);
  EXPECT_FALSE(field(find_step_schema("backup")->with, "database")->required);
  EXPECT_EQ(field(find_step_schema("backup")->with, "verify")->default_value, Value(true));
  EXPECT_EQ(field(find_step_schema("copy-db")->with, "verify")->default_value, Value(true));
  EXPECT_EQ(field(find_step_schema("copy-dir")->with, "verify")->default_value, Value(true));
  EXPECT_EQ(field(find_step_schema("unpack")->with, "strip_components")->default_value, Value(0));
  EXPECT_EQ(field(find_step_schema("run")->with, "expect_exit")->default_value, Value(Value::List{0}));
  EXPECT_EQ(field(find_step_schema("assert-servers-stopped")->with, "host")->default_value, Value("127.0.0.1"));
  EXPECT_EQ(field(find_step_schema("wait-for")->with, "timeout")->default_value, Value("5m"));
  EXPECT_TRUE(field(find_step_schema("run")->with, "command")->required);
  EXPECT_TRUE(field(find_step_schema("confirm")->with, "message")->required);
  const TypeSpec& http = field(find_step_schema("wait-for")->with, "http")->type;
  EXPECT_EQ(field(http, "status")->default_value, Value(200));
  EXPECT_EQ(field(http, "insecure")->default_value, Value(false));
}

TEST(StepCatalog, AlternativesAreExactlyOneOf) {
  using Groups = std::vector<std::vector<std::string>>;
  EXPECT_EQ(find_step_schema("backup")->with.exactly_one_of, (Groups{{"database", "dir"}}));
  EXPECT_EQ(find_step_schema("restore")->with.exactly_one_of, (Groups{{"database", "dir"}}));
  EXPECT_EQ(find_step_schema("wait-for")->with.exactly_one_of,
            (Groups{{"tcp", "http", "file", "log", "process_gone", "tcp_closed"}}));
  EXPECT_EQ(find_step_schema("update-config")->with.exactly_one_of, (Groups{{"xml", "properties", "yaml"}}));
  EXPECT_EQ(find_step_schema("carbon-connect")->with.exactly_one_of, (Groups{{"database", "databases"}}));
  const TypeSpec& check = field(find_step_schema("smoke-test")->with, "checks")->type.element.at(0);
  EXPECT_EQ(check.exactly_one_of, (Groups{{"sql", "http", "command", "file", "schema"}}));
  EXPECT_EQ(field(check, "schema")->type.exactly_one_of, (Groups{{"equals_database", "equals_script"}}));
  EXPECT_EQ(find_step_schema("compare-schema")->with.exactly_one_of, (Groups{{"equals_database", "equals_script"}}));
  EXPECT_EQ(field(check, "sql")->type.exactly_one_of, (Groups{{"equals", "equals_query_on", "rows"}}));
}

TEST(StepCatalog, EffectsFollowWhatStepsDoToData) {
  std::map<std::string, Effect> expected{
      {"assert-same-dbtype", Effect::Check}, {"assert-db-empty", Effect::Check}, {"assert-servers-stopped", Effect::Check},
      {"wait-for", Effect::Check},           {"smoke-test", Effect::Check},      {"backup", Effect::Backup},
      {"copy-db", Effect::Write},            {"copy-dir", Effect::Write},        {"restore", Effect::Write},
      {"sql", Effect::Write},                {"query", Effect::Check},
      {"unpack", Effect::Create},            {"update-config", Effect::Create},  {"carbon-connect", Effect::Create},
      {"carbon-keystores", Effect::Create},  {"config-review", Effect::Check}, {"run", Effect::External},
      {"confirm", Effect::External},         {"compare-schema", Effect::Check}};
  for (const StepSchema& schema : step_schemas()) {
    ASSERT_TRUE(expected.count(schema.type)) << schema.type;
    EXPECT_EQ(schema.effect, expected[schema.type]) << schema.type;
  }
}

TEST(StepCatalog, OutputsThatPlansUse) {
  EXPECT_EQ(find_step_schema("run")->outputs, (std::vector<std::string>{"exit_code", "stdout", "log_offset"}));
  EXPECT_EQ(find_step_schema("copy-db")->outputs, (std::vector<std::string>{"tables", "rows"}));
  EXPECT_EQ(find_step_schema("backup")->outputs, (std::vector<std::string>{"path", "sha256", "bytes"}));
  EXPECT_EQ(find_step_schema("copy-dir")->outputs, (std::vector<std::string>{"files", "bytes", "replaced"}));
  EXPECT_EQ(find_step_schema("config-review")->outputs, (std::vector<std::string>{"changes", "report"}));
  EXPECT_EQ(find_step_schema("compare-schema")->outputs, (std::vector<std::string>{"differences", "allowed", "report"}));
  EXPECT_EQ(find_step_schema("query")->outputs, (std::vector<std::string>{"value", "row", "rows"}));
  EXPECT_TRUE(find_step_schema("confirm")->outputs.empty());
}

TEST(StepCatalog, EverySchemaIsWellFormed) {
  std::set<std::string> types;
  for (const StepSchema& schema : step_schemas()) {
    SCOPED_TRACE(schema.type);
    EXPECT_TRUE(types.insert(schema.type).second) << "duplicate type";
    EXPECT_FALSE(schema.summary.empty());
    EXPECT_GE(schema.version, 1);
    EXPECT_EQ(schema.with.kind, Kind::Object);
    std::set<std::string> outputs(schema.outputs.begin(), schema.outputs.end());
    EXPECT_EQ(outputs.size(), schema.outputs.size()) << "duplicate output";
    for_each_object(schema.with, [&](const TypeSpec& object) {
      std::set<std::string> names;
      for (const FieldSpec& f : object.fields) {
        EXPECT_TRUE(names.insert(f.name).second) << "duplicate field " << f.name;
        EXPECT_FALSE(f.doc.empty()) << f.name << " has no doc";
        EXPECT_FALSE(f.required && f.default_value) << f.name << " is required and has a default";
        if (f.default_value) {
          std::string error;
          EXPECT_TRUE(conform(*f.default_value, f.type, &error)) << f.name << ": " << error;
        }
      }
      for (const auto& group : object.exactly_one_of) {
        EXPECT_GE(group.size(), 2u);
        for (const std::string& name : group) {
          ASSERT_NE(field(object, name), nullptr) << "exactly_one_of names unknown field " << name;
          EXPECT_FALSE(field(object, name)->required) << name << " is in a group and required";
        }
      }
    });
  }
}

TEST(StepCatalog, ConformAcceptsAndRejectsRealisticSteps) {
  std::string error;
  Value::Map copy{{"from", "sqlite:old.db"}, {"to", "sqlite:new.db"}, {"jobs", "4"}};
  auto conformed = conform(Value(copy), find_step_schema("copy-db")->with, &error);
  ASSERT_TRUE(conformed) << error;
  EXPECT_EQ(conformed->as_map().at("jobs"), Value(4));
  EXPECT_EQ(conformed->as_map().at("batch_rows"), Value(10000));
  Value::Map wrong{{"from", "sqlite:old.db"}, {"to", "sqlite:new.db"}, {"tablez", Value::List{}}};
  EXPECT_FALSE(conform(Value(wrong), find_step_schema("copy-db")->with, &error));
  EXPECT_EQ(error, "unknown field 'tablez' (did you mean 'tables'?)");
}

// `check` knows a command line by its type's shape (is_command_line_type), so no other field
// may have that shape: this lists every field that has it.
void collect_command_lines(const TypeSpec& type, const std::string& at, std::vector<std::string>& found) {
  if (is_command_line_type(type)) return found.push_back(at);
  for (const FieldSpec& f : type.fields) collect_command_lines(f.type, at + "." + f.name, found);
  for (const TypeSpec& element : type.element) collect_command_lines(element, at + "[]", found);
  for (const TypeSpec& alternative : type.alternatives) collect_command_lines(alternative, at, found);
}

TEST(StepCatalog, TheOnlyFieldsShapedLikeACommandLineAreCommandLines) {
  std::vector<std::string> found;
  for (const StepSchema& schema : step_schemas()) collect_command_lines(schema.with, schema.type, found);
  EXPECT_EQ(found, (std::vector<std::string>{"run.command", "smoke-test.checks[].command.command"}));
}

}  // namespace
}  // namespace planrun
