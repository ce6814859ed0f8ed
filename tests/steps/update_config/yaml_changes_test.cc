#include <gtest/gtest.h>

#include "interpreter/steps/update_config/config_changes.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

std::string changed(std::string_view text, std::vector<ConfigAssignment> assignments) {
  return apply_edits(text, yaml_changes(text, assignments).edits);
}

std::string error_of(std::string_view text, std::vector<ConfigAssignment> assignments) {
  try {
    yaml_changes(text, assignments);
  } catch (const ConfigEditError& error) {
    return error.what();
  }
  return "no error";
}

const char* kDeployment = R"(# deployment.yaml: keep me
server:
  hostname: "localhost"   # quoted
  port: 9443              # the HTTPS port
  name: 'carbon'
  flags: [a, "b"]
servers:
  - host: one
  - host: two
)";

TEST(YamlChanges, ScalarsKeepTheirQuotingAndComments) {
  std::string after = changed(kDeployment, {{"server.hostname", Value("db.example.com")},
                                           {"server.port", Value(int64_t{9444})},
                                           {"server.name", Value("it's")}});
  EXPECT_EQ(after, R"(# deployment.yaml: keep me
server:
  hostname: "db.example.com"   # quoted
  port: 9444              # the HTTPS port
  name: 'it''s'
  flags: [a, "b"]
servers:
  - host: one
  - host: two
)");
}

TEST(YamlChanges, ListItemsByIndexAndFlowValuesAreReplaced) {
  std::string after = changed(kDeployment, {{"servers.1.host", Value("three")},
                                           {"server.flags", Value(Value::List{Value("x"), Value("true")})}});
  EXPECT_NE(after.find("  - host: three\n"), std::string::npos) << after;
  EXPECT_NE(after.find("  flags: [x, \"true\"]\n"), std::string::npos) << after;
}

TEST(YamlChanges, APlainStringThatWouldReadAsAnotherTypeIsQuoted) {
  EXPECT_EQ(changed("a: b\n", {{"a", Value("123")}}), "a: \"123\"\n");
  EXPECT_EQ(changed("a: b\n", {{"a", Value("x: y")}}), "a: \"x: y\"\n");
  EXPECT_EQ(changed("a: b\n", {{"a", Value(true)}}), "a: true\n");
}

TEST(YamlChanges, AMissingPathIsAnErrorUnlessOptional) {
  EXPECT_EQ(error_of(kDeployment, {{"server.missing", Value("x")}}), "'server.missing' is not in the file");
  EXPECT_EQ(yaml_changes(kDeployment, {{"server.missing", Value("x"), true}}).skipped,
            std::vector<std::string>{"server.missing"});
}

TEST(YamlChanges, ABlockCollectionIsRefusedAtItsPosition) {
  EXPECT_EQ(error_of(kDeployment, {{"servers", Value("x")}}),
            "'servers' (at 8:3) is a block list: planrun replaces scalars and flow ([...], {...}) values only");
}

TEST(YamlChanges, ABlockScalarIsRefused) {
  EXPECT_EQ(error_of("a: |\n  text\n", {{"a", Value("x")}}),
            "'a' (at 1:4) is a block scalar: planrun replaces one-line values only");
}

TEST(YamlChanges, InvalidYamlIsReportedAtItsPosition) {
  std::string error = error_of("a: [b\n", {{"a", Value("x")}});
  EXPECT_NE(error.find("not valid YAML"), std::string::npos) << error;
}

}  // namespace
}  // namespace planrun
