#include "interpreter/render/step_explainer.h"

#include <gtest/gtest.h>

namespace planrun {
namespace PLANRUN_UNITY_ID {

using Effect = StepSchema::Effect;

FieldSpec field(std::string name, TypeSpec type, bool required, std::optional<Value> default_value,
                std::string doc) {
  return FieldSpec{std::move(name), std::move(type), required, std::move(default_value), std::move(doc)};
}

// A small catalogue whose rendering can be asserted whole.
std::vector<StepSchema> toy_schemas() {
  TypeSpec probe = types::object({field("url", types::string(), true, {}, "where to ask"),
                                  field("status", types::integer(), false, 200, "expected status")});
  TypeSpec with = types::object(
      {field("tcp", types::string(), false, {}, "host:port"), field("http", probe, false, {}, "a URL"),
       field("timeout", types::duration(), false, "5m", "give up after"),
       field("tries", types::list_of(types::integer()), false, Value::List{1, 2}, "")},
      {{"tcp", "http"}});
  return {
      {"wait", 1, "waits for something", Effect::Check, with, {"waited"}},
      {"gate", 1, "asks a human", Effect::External, types::object({}), {}},
  };
}

TEST(StepExplainer, ExplainsOneTypeInFull) {
  std::vector<StepSchema> schemas = toy_schemas();
  std::string error;
  auto text = StepExplainer(schemas).explain("wait", &error);
  ASSERT_TRUE(text) << error;
  EXPECT_EQ(*text,
            "wait: waits for something\n"
            "effect: check (reads only)\n"
            "\n"
            "fields (with:):\n"
            "  tcp       string       optional        host:port\n"
            "  http      object       optional        a URL\n"
            "    url     string       required        where to ask\n"
            "    status  int          default 200     expected status\n"
            "  timeout   duration     default 5m      give up after\n"
            "  tries     list of int  default [1, 2]\n"
            "  exactly one of: tcp, http\n"
            "\n"
            "outputs: waited  (use as ${steps.ID.outputs.NAME})\n");
}

TEST(StepExplainer, TuningFieldsSaySoAndTheLegendSaysWhatItMeans) {
  std::vector<StepSchema> schemas = {{"pause", 1, "waits", Effect::Check,
                                      types::object({field("for", types::duration(), true, {}, "how long"),
                                                     field("interval", types::duration(), false, "1s", "tick")
                                                         .as_tuning()}),
                                      {}}};
  EXPECT_EQ(*StepExplainer(schemas).explain("pause", nullptr),
            "pause: waits\n"
            "effect: check (reads only)\n"
            "\n"
            "fields (with:):\n"
            "  for       duration  required            how long\n"
            "  interval  duration  default 1s, tuning  tick\n"
            "(tuning: not part of the fingerprint; changing it never makes a done step run again)\n"
            "\n"
            "outputs: none\n");
}

TEST(StepExplainer, TypeWithoutFieldsOrOutputsSaysSo) {
  std::vector<StepSchema> schemas = toy_schemas();
  std::string error;
  EXPECT_EQ(StepExplainer(schemas).explain("gate", &error),
            "gate: asks a human\n"
            "effect: external (does something planrun cannot see into)\n"
            "\n"
            "fields (with:): none\n"
            "\n"
            "outputs: none\n");
}

TEST(StepExplainer, OverviewIsATableOfTypes) {
  std::vector<StepSchema> schemas = toy_schemas();
  EXPECT_EQ(StepExplainer(schemas).overview(),
            "Step types (`planrun explain TYPE` shows the fields of one):\n"
            "\n"
            "  wait  check     waits for something\n"
            "  gate  external  asks a human\n");
}

TEST(StepExplainer, UnknownTypeSuggestsTheNearest) {
  std::string error;
  EXPECT_FALSE(StepExplainer().explain("copy-dirr", &error));
  EXPECT_EQ(error, "unknown step type 'copy-dirr' (did you mean 'copy-dir'?)");
  EXPECT_FALSE(StepExplainer().explain("frobnicate", &error));
  EXPECT_EQ(error, "unknown step type 'frobnicate'");
}

TEST(StepExplainer, OverviewOfTheCatalogueNamesEveryType) {
  std::string overview = StepExplainer().overview();
  for (const StepSchema& schema : step_schemas()) {
    EXPECT_NE(overview.find("  " + schema.type + " "), std::string::npos) << schema.type;
    EXPECT_NE(overview.find(schema.summary + "\n"), std::string::npos) << schema.type;
  }
  EXPECT_NE(overview.find("\n  copy-db                 write     copies schema"), std::string::npos) << overview;
}

TEST(StepExplainer, CatalogueTypesShowNestedFieldsAndGroups) {
  std::string error;
  auto backup = StepExplainer().explain("backup", &error);
  ASSERT_TRUE(backup) << error;
  EXPECT_NE(backup->find("effect: backup (saves data"), std::string::npos) << *backup;
  EXPECT_NE(backup->find("\n  to           path      required      the directory that receives"), std::string::npos)
      << *backup;
  EXPECT_NE(backup->find("\n  verify       bool      default true  "), std::string::npos) << *backup;
  EXPECT_NE(backup->find("\n  exactly one of: database, dir\n"), std::string::npos) << *backup;
  EXPECT_NE(backup->find("outputs: path, sha256, bytes"), std::string::npos) << *backup;

  auto smoke = StepExplainer().explain("smoke-test", &error);
  ASSERT_TRUE(smoke) << error;
  EXPECT_NE(smoke->find("\n      equals_query_on   database "), std::string::npos) << *smoke;
  EXPECT_NE(smoke->find("\n      exactly one of: equals, equals_query_on, rows\n"), std::string::npos) << *smoke;
  EXPECT_NE(smoke->find("\n    exactly one of: sql, http, command, file, schema\n"), std::string::npos) << *smoke;
}

}  // namespace
}  // namespace planrun
