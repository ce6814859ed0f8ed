#include "interpreter/databases/database_credentials.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "interpreter/loader/plan_loader.h"
#include "tests/support/parsed_dsn.h"
#include "tests/support/compile_text.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

Dsn dsn(const std::string& text) { return testing::parsed_dsn(text); }

TEST(DatabaseCredentials, FindsThePasswordOfTheSameAccount) {
  DatabaseCredentials credentials;
  credentials.add(dsn("postgresql://carbon@db:5432/wso2"), "s3cret");
  auto found = credentials.find(dsn("postgresql://carbon@DB/wso2"));
  ASSERT_TRUE(found);
  EXPECT_EQ(found->user, "carbon");
  EXPECT_EQ(found->password, "s3cret");
  EXPECT_FALSE(credentials.find(dsn("postgresql://other@db/wso2")));
  EXPECT_FALSE(credentials.find(dsn("postgresql://carbon@db/other")));
}

TEST(DatabaseCredentials, JdbcUrlWithoutUserFindsTheOneAccountBoundForItsDatabase) {
  DatabaseCredentials credentials;
  credentials.add(dsn("mysql://carbon@db/wso2"), "s3cret");
  auto found = credentials.find(dsn(dsn("mysql://carbon@db/wso2").jdbc_url()));
  ASSERT_TRUE(found);
  EXPECT_EQ(found->user, "carbon");
  EXPECT_EQ(found->password, "s3cret");
}

TEST(DatabaseCredentials, JdbcUrlWithoutUserFindsNothingWhenTwoAccountsCouldBeMeant) {
  DatabaseCredentials credentials;
  credentials.add(dsn("mysql://carbon@db/wso2"), "one");
  credentials.add(dsn("mysql://admin@db/wso2"), "two");
  EXPECT_FALSE(credentials.find(dsn("jdbc:mysql://db/wso2")));
}

TEST(DatabaseCredentials, FromParamsBindsTheNamedSecret) {
  setenv("PLANRUN_TEST_STAGING_PASSWORD", "pass word'", 1);
  auto compiled = testing::compile_text(R"(planrun: 1
params:
  staging_db: {type: database, default: "postgresql://carbon@db/staging", password: staging_password}
  old_db: {type: database, default: "postgresql://carbon@db/old"}
  staging_password: {type: secret, env: PLANRUN_TEST_STAGING_PASSWORD}
steps:
  - id: a
    type: run
    with: {command: [/bin/true]}
)");
  ASSERT_TRUE(compiled.graph) << compiled.diagnostics;
  SourceFiles sources;
  Diagnostics diagnostics;
  auto values = resolve_params(*compiled.graph, {}, sources, diagnostics);
  unsetenv("PLANRUN_TEST_STAGING_PASSWORD");
  ASSERT_TRUE(values);
  DatabaseCredentials credentials = DatabaseCredentials::from_params(*compiled.graph, *values);
  auto found = credentials.find(dsn("jdbc:postgresql://db:5432/staging"));
  ASSERT_TRUE(found);
  EXPECT_EQ(found->password, "pass word'");
  EXPECT_FALSE(credentials.find(dsn("postgresql://carbon@db/old")));
}

}  // namespace
}  // namespace planrun
