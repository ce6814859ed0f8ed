// SociDatabases against real SQLite files.

#include <gtest/gtest.h>
#include <soci/soci.h>
#include <sqlite3.h>

#include "interpreter/databases/database_error.h"
#include "interpreter/databases/soci_databases.h"
#include "tests/state/scratch_dir.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

class SqliteDatabases : public ::testing::Test {
 protected:
  Dsn file_dsn(const std::string& name) {
    Dsn dsn;
    dsn.kind = Dsn::Kind::Sqlite;
    dsn.path = (scratch.path / name).string();
    return dsn;
  }

  testing::ScratchDir scratch;
  SociDatabases databases;
};

TEST_F(SqliteDatabases, OpensAFileAndRunsAQuery) {
  auto connection = databases.open(file_dsn("with space.db"));
  connection->session() << "CREATE TABLE t (n INTEGER)";
  connection->session() << "INSERT INTO t VALUES (41), (1)";
  int sum = 0;
  connection->session() << "SELECT SUM(n) FROM t", soci::into(sum);
  EXPECT_EQ(sum, 42);
  EXPECT_TRUE(std::filesystem::exists(scratch.path / "with space.db"));
}

TEST_F(SqliteDatabases, ReadOnlyOpenOfAWalDatabaseCreatesNoFileBesideIt) {
  databases.open(file_dsn("source.db"))->session() << "PRAGMA journal_mode = WAL";
  databases.open(file_dsn("source.db"))->session() << "CREATE TABLE t (n INTEGER)";
  ASSERT_FALSE(std::filesystem::exists(scratch.path / "source.db-wal"));
  {
    auto connection = databases.open(file_dsn("source.db"), {.read_only = true});
    int count = -1;
    connection->session() << "SELECT COUNT(*) FROM t", soci::into(count);
    EXPECT_EQ(count, 0);
  }
  EXPECT_FALSE(std::filesystem::exists(scratch.path / "source.db-wal"));
  EXPECT_FALSE(std::filesystem::exists(scratch.path / "source.db-shm"));
}

TEST_F(SqliteDatabases, ReadOnlyOpenRefusesAWrite) {
  databases.open(file_dsn("source.db"))->session() << "CREATE TABLE t (n INTEGER)";
  auto connection = databases.open(file_dsn("source.db"), {.read_only = true});
  int count = -1;
  connection->session() << "SELECT COUNT(*) FROM t", soci::into(count);
  EXPECT_EQ(count, 0);
  EXPECT_THROW(connection->session() << "INSERT INTO t VALUES (1)", soci::soci_error);
  EXPECT_THROW(connection->session() << "CREATE TABLE u (n INTEGER)", soci::soci_error);
}

TEST_F(SqliteDatabases, ReadOnlyOpenOfAMissingFileFailsNamingTheDsnAndCreatesNothing) {
  Dsn dsn = file_dsn("missing.db");
  try {
    databases.open(dsn, {.read_only = true});
    FAIL() << "opened a missing file";
  } catch (const DatabaseError& error) {
    EXPECT_EQ(std::string(error.what()), "cannot connect to " + dsn.to_string() + ": unable to open database file");
  }
  EXPECT_FALSE(std::filesystem::exists(dsn.path));
}

TEST_F(SqliteDatabases, NativeHandleIsTheOpenDatabase) {
  auto connection = databases.open(file_dsn("native.db"));
  sqlite3* handle = connection->sqlite_handle();
  ASSERT_NE(handle, nullptr);
  EXPECT_EQ(connection->postgresql_handle(), nullptr);
  EXPECT_EQ(connection->mysql_handle(), nullptr);
  EXPECT_EQ(std::filesystem::path(sqlite3_db_filename(handle, "main")), scratch.path / "native.db");
  EXPECT_GE(sqlite3_libversion_number(), 3000000);
  EXPECT_EQ(sqlite3_exec(handle, "CREATE TABLE native (n INTEGER)", nullptr, nullptr, nullptr), SQLITE_OK);
}

}  // namespace
}  // namespace planrun
