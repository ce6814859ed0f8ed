#include "tests/support/fake_databases.h"

#include <gtest/gtest.h>

#include "tests/support/parsed_dsn.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

Dsn dsn(const std::string& text) { return testing::parsed_dsn(text); }

TEST(FakeDatabases, ConnectionsToOneDsnShareTheirTables) {
  testing::FakeDatabases databases;
  databases.open(dsn("postgresql://u@h/a"))->session() << "CREATE TABLE t (n INTEGER)";
  databases.open(dsn("jdbc:postgresql://u@h:5432/a"))->session() << "INSERT INTO t VALUES (7)";
  int n = 0;
  databases.inspect(dsn("postgresql://u@h/a")) << "SELECT n FROM t", soci::into(n);
  EXPECT_EQ(n, 7);
  EXPECT_THROW(databases.open(dsn("postgresql://u@h/b"))->session() << "SELECT n FROM t", soci::soci_error);
}

TEST(FakeDatabases, RecordsRequestsAndEnforcesReadOnly) {
  testing::FakeDatabases databases;
  auto connection = databases.open(dsn("mysql://u@h/a"), {.read_only = true});
  EXPECT_THROW(connection->session() << "CREATE TABLE t (n INTEGER)", soci::soci_error);
  ASSERT_EQ(databases.requests.size(), 1u);
  EXPECT_EQ(databases.requests[0].dsn, "mysql://u@h/a");
  EXPECT_TRUE(databases.requests[0].read_only);
}

TEST(FakeDatabases, RefusedDsnThrowsDatabaseError) {
  testing::FakeDatabases databases;
  databases.refuse("mysql://u@h/a", "server down");
  try {
    databases.open(dsn("mysql://u@h/a"));
    FAIL() << "opened a refused DSN";
  } catch (const DatabaseError& error) {
    EXPECT_STREQ(error.what(), "cannot connect to mysql://u@h/a: server down");
  }
}

}  // namespace
}  // namespace planrun
