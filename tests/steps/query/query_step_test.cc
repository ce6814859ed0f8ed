// query on the kit's fakes (SQLite in memory): it publishes the first row a query found, so a
// later step can use data the database holds, and fails when it found too few rows.

#include "interpreter/steps/query/query_step.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "interpreter/step_kit/step_failure.h"
#include "tests/support/fake_databases.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

class Query : public ::testing::Test {
 protected:
  void SetUp() override {
    Dsn dsn;
    dsn.kind = Dsn::Kind::Sqlite;
    dsn.path = "/data/old.db";
    soci::session& db = databases.inspect(dsn);
    db << "CREATE TABLE UM_USER (UM_ID INTEGER, UM_USER_NAME VARCHAR(255), UM_TENANT_ID INTEGER)";
    db << "INSERT INTO UM_USER VALUES (1, 'admin', -1234), (2, 'alice', -1234), (3, 'bob', 1)";
  }
  StepContext context_for(const std::string& query, std::optional<int64_t> min_rows = std::nullopt) {
    Value::Map fields{{"database", Value("sqlite:/data/old.db")}, {"query", Value(query)}};
    if (min_rows) fields.emplace("min_rows", Value(*min_rows));
    StepContext context = fixture.context(std::move(fields));
    context.services.databases = &databases;
    return context;
  }

  testing::StepFixture fixture{"query", "a-user"};
  testing::FakeDatabases databases;
};

TEST_F(Query, PublishesTheFirstRowItsFirstCellAndTheRowCountReadingOnly) {
  StepContext context = context_for("SELECT UM_USER_NAME, UM_ID FROM UM_USER WHERE UM_TENANT_ID = -1234 AND UM_USER_NAME <> 'admin' ORDER BY UM_ID");
  QueryStep().run(context);
  EXPECT_EQ(context.outputs.at("value"), Value("alice"));
  EXPECT_EQ(context.outputs.at("row"), Value(Value::List{Value("alice"), Value(2)}));
  EXPECT_EQ(context.outputs.at("rows"), Value(1));
  ASSERT_EQ(databases.requests.size(), 1u);
  EXPECT_TRUE(databases.requests[0].read_only);
}

TEST_F(Query, FailsAsAPreconditionWhenItFindsFewerRowsThanItNeeds) {
  StepContext context = context_for("SELECT UM_USER_NAME FROM UM_USER WHERE UM_TENANT_ID = 99");
  try {
    QueryStep().run(context);
    FAIL() << "no failure";
  } catch (const StepFailure& failure) {
    EXPECT_EQ(failure.kind, StepFailure::Kind::Precondition);
    EXPECT_EQ(std::string(failure.what()),
              "the query found 0 rows, at least 1 expected: SELECT UM_USER_NAME FROM UM_USER WHERE UM_TENANT_ID = 99 on sqlite:/data/old.db");
  }
  StepContext allowed = context_for("SELECT UM_USER_NAME FROM UM_USER WHERE UM_TENANT_ID = 99", 0);
  QueryStep().run(allowed);
  EXPECT_TRUE(allowed.outputs.at("value").is_null());
  EXPECT_EQ(allowed.outputs.at("rows"), Value(0));
}

}  // namespace
}  // namespace planrun
