#include "interpreter/cli/secret_variables.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "tests/support/compile_text.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

TEST(SecretVariables, OnlyTheVariablesOfSecretsAreRemoved) {
  ::setenv("PLANRUN_TEST_SECRET_SOURCE", "s3cr3t", 1);
  ::setenv("PLANRUN_TEST_PLAIN_SOURCE", "plain", 1);
  auto compiled = testing::compile_text(
      "planrun: 1\nname: t\nparams:\n"
      "  pw: {type: secret, env: PLANRUN_TEST_SECRET_SOURCE}\n"
      "  name: {type: string, env: PLANRUN_TEST_PLAIN_SOURCE}\n"
      "steps:\n  - id: a\n    type: run\n    with: {command: [/bin/true]}\n");
  ASSERT_TRUE(compiled.graph) << compiled.diagnostics;
  remove_secret_variables(*compiled.graph);
  EXPECT_EQ(std::getenv("PLANRUN_TEST_SECRET_SOURCE"), nullptr);
  ASSERT_NE(std::getenv("PLANRUN_TEST_PLAIN_SOURCE"), nullptr);
  EXPECT_STREQ(std::getenv("PLANRUN_TEST_PLAIN_SOURCE"), "plain");
  ::unsetenv("PLANRUN_TEST_PLAIN_SOURCE");
}

}  // namespace
}  // namespace planrun
