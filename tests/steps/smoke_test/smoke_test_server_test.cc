// smoke-test's SQL checks against the real PostgreSQL and MariaDB servers that
// scripts/test-servers.sh starts: column types differ per server (COUNT(*) is a bigint, a
// decimal may come as text), the comparison must not care, also against an SQLite file.

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "interpreter/databases/soci_databases.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/steps/smoke_test/smoke_test_step.h"
#include "tests/support/step_fixture.h"
#include "tests/support/test_servers.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

struct ServerCase {
  const char* name;
  const char* env_prefix;
};

void PrintTo(const ServerCase& server, std::ostream* out) { *out << server.name; }

const ServerCase kServers[] = {{"postgresql", "PLANRUN_TEST_POSTGRES"}, {"mariadb", "PLANRUN_TEST_MARIADB"}};

Value sql(const std::string& database, const std::string& query, const std::string& key, Value expected) {
  return Value(Value::Map{{"sql", Value(Value::Map{{"database", Value(database)}, {"query", Value(query)}, {key, expected}})}});
}

class ServerSmoke : public ::testing::TestWithParam<ServerCase> {
 protected:
  void SetUp() override {
    PLANRUN_REQUIRE_SERVER(server, GetParam().env_prefix);
    credentials.add(server->dsn, server->password);
    databases.emplace(credentials);
  }
  std::string run(Value::List checks) {
    StepContext context = fixture.context({{"checks", Value(std::move(checks))}});
    context.services.databases = &*databases;
    try {
      SmokeTestStep().run(context);
    } catch (const StepFailure& failure) {
      return failure.what();
    }
    return "passed";
  }

  std::optional<testing::TestServer> server;
  DatabaseCredentials credentials;
  std::optional<SociDatabases> databases;
  testing::StepFixture fixture{"smoke-test", "smoke"};
};

TEST_P(ServerSmoke, ResultsCompareWhateverTheColumnTypesAlsoAgainstSqlite) {
  std::string count = "SELECT COUNT(*) FROM (SELECT 1 AS n UNION ALL SELECT 2) t";
  std::string sqlite = "sqlite:" + (fixture.dir.path() / "source.db").string();
  SociDatabases().open(*parse_dsn(sqlite, nullptr))->session() << "CREATE TABLE t (n INTEGER)";  // the file must exist
  std::string target = server->dsn.to_string();
  EXPECT_EQ(run({
                sql(target, count, "equals", Value(2)),
                sql(target, count, "equals_query_on", Value(sqlite)),  // a bigint against SQLite's integer
                sql(target, "SELECT 'a.com', CAST(2.50 AS DECIMAL(5,2)), CAST(NULL AS CHAR(1))", "equals",
                    Value(Value::List{Value("a.com"), Value(2.5), Value()})),
                sql(target, "SELECT 1 UNION ALL SELECT 2", "rows", Value(2)),
            }),
            "passed");
  EXPECT_EQ(run({sql(target, count, "equals", Value(3))}), "1 of 1 checks failed\n  check 1 (sql): expected 3, got 2");
}

INSTANTIATE_TEST_SUITE_P(Servers, ServerSmoke, ::testing::ValuesIn(kServers),
                         [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace planrun
