#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "interpreter/evaluation/param_values.h"
#include "interpreter/loader/plan_loader.h"
#include "tests/support/compile_text.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

const char* kPlan = R"(planrun: 1
params:
  home: {type: path}
  port: {type: int, default: 9443}
  ports: {type: list, default: []}
  wait: {type: duration, default: 5m}
  password: {type: secret, env: PLANRUN_TEST_PASSWORD}
steps:
  - id: a
    type: run
    with: {command: [/bin/true]}
)";

struct Resolved {
  std::optional<ParamValues> values;
  std::string diagnostics;
};

Resolved resolve(const ParamInputs& inputs, const std::string& plan = kPlan) {
  auto compiled = testing::compile_text(plan);
  EXPECT_TRUE(compiled.graph) << compiled.diagnostics;
  if (!compiled.graph) return {};
  SourceFiles sources;
  sources.add("plan.yaml", plan);
  Diagnostics diagnostics;
  Resolved result;
  result.values = resolve_params(*compiled.graph, inputs, sources, diagnostics);
  for (const Diagnostic& d : diagnostics.sorted()) result.diagnostics += render(d, sources);
  return result;
}

class ParamValuesTest : public ::testing::Test {
 protected:
  void SetUp() override { setenv("PLANRUN_TEST_PASSWORD", "hunter2", 1); }
  void TearDown() override { unsetenv("PLANRUN_TEST_PASSWORD"); }
};

TEST_F(ParamValuesTest, SetOverridesDefaultAndIsTyped) {
  auto resolved = resolve({{"home=/opt/wso2", "port=9444", "ports=[1, 2]"}, ""});
  ASSERT_TRUE(resolved.values) << resolved.diagnostics;
  EXPECT_EQ(resolved.values->at("home"), Value("/opt/wso2"));
  EXPECT_EQ(resolved.values->at("port"), Value(int64_t{9444}));
  EXPECT_EQ(resolved.values->at("ports"), Value(Value::List{Value(int64_t{1}), Value(int64_t{2})}));
  EXPECT_EQ(resolved.values->at("wait"), Value("5m"));
}

TEST_F(ParamValuesTest, SecretComesFromEnvironmentAndDisplaysMasked) {
  auto resolved = resolve({{"home=/x"}, ""});
  ASSERT_TRUE(resolved.values) << resolved.diagnostics;
  const Value& password = resolved.values->at("password");
  EXPECT_TRUE(password.secret());
  EXPECT_EQ(password.to_text(), "hunter2");
  EXPECT_EQ(password.display(), "***");
}

TEST_F(ParamValuesTest, MissingRequiredNamesHowToSetIt) {
  auto resolved = resolve({});
  EXPECT_FALSE(resolved.values);
  EXPECT_EQ(resolved.diagnostics,
            "plan.yaml:3:3: error: parameter 'home' has no value: set it with --set home=VALUE or in a --vars file\n"
            "  home: {type: path}\n"
            "  ^\n");
}

TEST_F(ParamValuesTest, RejectsUnknownNamesWrongTypesAndSecretsOnCommandLine) {
  auto resolved = resolve({{"home=/x", "prot=1", "port=many", "password=oops"}, ""});
  EXPECT_FALSE(resolved.values);
  EXPECT_NE(resolved.diagnostics.find("--set prot=1: error: unknown parameter 'prot' (did you mean 'port'?)"),
            std::string::npos)
      << resolved.diagnostics;
  EXPECT_NE(resolved.diagnostics.find("--set port=many: error: parameter 'port': expected int"), std::string::npos)
      << resolved.diagnostics;
  EXPECT_NE(resolved.diagnostics.find("--set password=oops: error: secret 'password' cannot be set on the command line"),
            std::string::npos)
      << resolved.diagnostics;
  EXPECT_EQ(resolved.diagnostics.find("oops\n"), std::string::npos);
}

TEST_F(ParamValuesTest, MissingSecretNamesItsVariable) {
  unsetenv("PLANRUN_TEST_PASSWORD");
  auto resolved = resolve({{"home=/x"}, ""});
  EXPECT_FALSE(resolved.values);
  EXPECT_NE(resolved.diagnostics.find(
                "error: secret 'password' has no value: set the environment variable PLANRUN_TEST_PASSWORD"),
            std::string::npos)
      << resolved.diagnostics;
}

TEST_F(ParamValuesTest, VarsFileGivesValuesBelowSet) {
  auto path = std::filesystem::temp_directory_path() / "planrun-vars-test.yaml";
  std::ofstream(path) << "home: /from/vars\nport: 1000\n";
  auto resolved = resolve({{"port=2000"}, path.string()});
  std::filesystem::remove(path);
  ASSERT_TRUE(resolved.values) << resolved.diagnostics;
  EXPECT_EQ(resolved.values->at("home"), Value("/from/vars"));
  EXPECT_EQ(resolved.values->at("port"), Value(int64_t{2000}));
}

// A plan with `params` (YAML lines under `params:`) and one step that reads none of them.
std::string plan_with_params(const std::string& params) {
  return "planrun: 1\nparams:\n" + params + "steps:\n  - id: a\n    type: run\n    with: {command: [/bin/true]}\n";
}

// A default worked out from the params above it, as the Carbon plans take the old database
// from the old home.
const std::string kDerivedPlan = plan_with_params(
    "  home: {type: path}\n"
    "  port: {type: int, default: 9443}\n"
    "  url: {type: string, default: \"https://${basename(home)}:${port + 1}/\"}\n");

TEST_F(ParamValuesTest, ADefaultWithAnExpressionIsWorkedOutFromTheParamsAboveIt) {
  auto resolved = resolve({{"home=/opt/wso2"}, ""}, kDerivedPlan);
  ASSERT_TRUE(resolved.values) << resolved.diagnostics;
  EXPECT_EQ(resolved.values->at("url"), Value("https://wso2:9444/"));
  resolved = resolve({{"home=/opt/wso2", "port=1"}, ""}, kDerivedPlan);
  ASSERT_TRUE(resolved.values) << resolved.diagnostics;
  EXPECT_EQ(resolved.values->at("url"), Value("https://wso2:2/"));
}

TEST_F(ParamValuesTest, AValueGivenForADerivedParamIsUsedAsItIs) {
  auto resolved = resolve({{"home=/opt/wso2", "url=http://given/"}, ""}, kDerivedPlan);
  ASSERT_TRUE(resolved.values) << resolved.diagnostics;
  EXPECT_EQ(resolved.values->at("url"), Value("http://given/"));
}

TEST_F(ParamValuesTest, ADefaultThatFailsIsAnErrorAtTheDefaultSayingHowToGiveTheValue) {
  std::string plan = plan_with_params("  home: {type: path}\n"
                                      "  db: {type: database, default: \"${carbon_database(home)}\"}\n");
  auto resolved = resolve({{"home=/nowhere"}, ""}, plan);
  EXPECT_FALSE(resolved.values);
  EXPECT_NE(resolved.diagnostics.find("plan.yaml:4:"), std::string::npos) << resolved.diagnostics;
  EXPECT_NE(resolved.diagnostics.find("error: default of 'db': carbon_database(): "), std::string::npos)
      << resolved.diagnostics;
  EXPECT_NE(resolved.diagnostics.find("; or give it: --set db=VALUE"), std::string::npos) << resolved.diagnostics;
}

TEST_F(ParamValuesTest, ADefaultOfTheWrongTypeIsAnError) {
  std::string plan = plan_with_params("  home: {type: path}\n  port: {type: int, default: \"${home}\"}\n");
  auto resolved = resolve({{"home=/x"}, ""}, plan);
  EXPECT_FALSE(resolved.values);
  EXPECT_NE(resolved.diagnostics.find("error: default of 'port': expected int"), std::string::npos)
      << resolved.diagnostics;
}

}  // namespace
}  // namespace planrun
