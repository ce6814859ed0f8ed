#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "interpreter/databases/dialect/mysql_dialect.h"
#include "interpreter/databases/soci_databases.h"
#include "interpreter/parallel/cancellation_token.h"
#include "interpreter/steps/copy_db/database_copier.h"
#include "interpreter/steps/copy_db/mysql_session.h"
#include "tests/steps/copy_db/mysql_carbon_fixture.h"
#include "tests/support/test_servers.h"

namespace planrun::testing {

// A source and a target database of their own on the MariaDB server of scripts/test-servers.sh,
// dropped afterwards, and what the copy tests do with them.
class MysqlCopyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    PLANRUN_REQUIRE_SERVER(server, "PLANRUN_TEST_MARIADB");
    credentials.add(server->dsn, server->password);
    static std::atomic<int> counter{0};
    std::string stem = "planrun_copy_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    from = database(stem + "_src");
    to = database(stem + "_dst");
    admin = session(server->dsn);
    for (const Dsn* dsn : {&from, &to})
      admin->execute("CREATE DATABASE " + MysqlDialect::quote_identifier(dsn->database), "set up");
  }

  void TearDown() override {
    if (!admin) return;
    for (const Dsn* dsn : {&from, &to})
      admin->execute("DROP DATABASE IF EXISTS " + MysqlDialect::quote_identifier(dsn->database), "clean up");
    for (const std::string& user : users) admin->execute("DROP USER IF EXISTS '" + user + "'@'127.0.0.1'", "clean up");
  }

  // The test login's DSN for database `name` (a password is bound per database).
  Dsn database(const std::string& name) {
    Dsn dsn = server->dsn;
    dsn.database = name;
    credentials.add(dsn, server->password);
    return dsn;
  }

  // A session on `dsn` with the test's own settings (not the copier's).
  std::unique_ptr<MysqlSession> session(const Dsn& dsn) {
    auto opened = std::make_unique<MysqlSession>(SociDatabases(credentials).open(dsn));
    opened->execute("SET NAMES utf8mb4", "set up");
    opened->execute("SET SESSION sql_mode = 'NO_AUTO_VALUE_ON_ZERO', time_zone = '+00:00'", "set up");
    return opened;
  }

  void load_fixture() {
    auto source = session(from);
    for (const std::string& statement : mysql_carbon_fixture()) source->execute(statement, "load the fixture");
  }

  // `rows` more rows in a table of its own, for copies that take long enough to be killed.
  void load_bulk(int rows) {
    auto source = session(from);
    source->execute("SET SESSION max_recursive_iterations = 100000000", "load");
    source->execute("CREATE TABLE REG_RESOURCE (REG_VERSION BIGINT NOT NULL AUTO_INCREMENT, REG_PATH_ID INTEGER, "
                    "REG_NAME VARCHAR(256), REG_DATA LONGBLOB, REG_TENANT_ID INTEGER NOT NULL DEFAULT 0, "
                    "PRIMARY KEY (REG_VERSION, REG_TENANT_ID), KEY REG_RESOURCE_NAME_IND (REG_NAME, REG_TENANT_ID)) "
                    "ENGINE=InnoDB", "load");
    source->execute("INSERT INTO REG_RESOURCE WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < " +
                    std::to_string(rows) + ") SELECT g, g % 1000, CONCAT('resource\\t', g), RANDOM_BYTES(200), "
                    "g % 51 - 1234 FROM s", "load");
  }

  // A login `user` with `grants` (each a GRANT's privileges and object), for `dsn`'s database.
  Dsn restricted_login(const std::string& user, const std::vector<std::string>& grants, const Dsn& dsn) {
    users.push_back(user);
    admin->execute("CREATE USER '" + user + "'@'127.0.0.1' IDENTIFIED BY 'secret pw'", "set up");
    for (const std::string& grant : grants) admin->execute("GRANT " + grant + " TO '" + user + "'@'127.0.0.1'", "set up");
    Dsn login = dsn;
    login.user = user;
    credentials.add(login, "secret pw");
    return login;
  }

  std::unique_ptr<DatabaseCopier> copier(CopyOptions options = {}) {
    databases = std::make_unique<SociDatabases>(credentials);
    return make_database_copier(*databases, from, to, options);
  }

  // Everything of `dsn` an exact copy must reproduce, read by the server's own means and not
  // the copier's: SHOW CREATE of every table (with its AUTO_INCREMENT) and view, each
  // trigger, and every table's rows, sorted, each value as the hex of its bytes.
  std::string dump(const Dsn& dsn) {
    auto reader = session(dsn);
    std::string out;
    for (const MysqlRow& object : reader->rows("SHOW FULL TABLES", "dump")) {
      std::string name = *object[0];
      bool view = object[1] == "VIEW";
      auto create = reader->rows(
          std::string(view ? "SHOW CREATE VIEW " : "SHOW CREATE TABLE ") + MysqlDialect::quote_identifier(name), "dump");
      out += *create[0][1] + "\n";
      if (!view) out += rows_of(*reader, name);
    }
    for (const MysqlRow& trigger : reader->rows("SHOW TRIGGERS", "dump")) {
      auto create = reader->rows("SHOW CREATE TRIGGER " + MysqlDialect::quote_identifier(*trigger[0]), "dump");
      out += *create[0][1] + " " + *create[0][2] + "\n";
    }
    return out;
  }

  std::string rows_of(MysqlSession& reader, const std::string& table) {
    std::string values;
    for (const MysqlRow& column : reader.rows("SELECT COLUMN_NAME, DATA_TYPE FROM information_schema.COLUMNS WHERE "
                                              "TABLE_SCHEMA = DATABASE() AND TABLE_NAME = " + reader.dialect().literal(table) +
                                              " ORDER BY ORDINAL_POSITION", "dump")) {
      std::string name = MysqlDialect::quote_identifier(*column[0]);
      std::string hex = *column[1] == "float" ? "HEX(CAST(CAST(" + name + " AS DOUBLE) AS CHAR))"
                        : *column[1] == "bit" ? "HEX(" + name + ")"
                                              : "HEX(CAST(" + name + " AS BINARY))";
      values += (values.empty() ? "" : ", '|', ") + std::string("IFNULL(") + hex + ", 'NULL')";
    }
    std::string out;
    for (const MysqlRow& row :
         reader.rows("SELECT CONCAT(" + values + ") AS r FROM " + MysqlDialect::quote_identifier(table) + " ORDER BY r", "dump"))
      out += "  " + *row[0] + "\n";
    return out;
  }

  std::optional<TestServer> server;
  DatabaseCredentials credentials;
  Dsn from, to;
  std::unique_ptr<MysqlSession> admin;
  std::unique_ptr<SociDatabases> databases;
  std::vector<std::string> users;
};

// What copy-db does with a copier, in its order, with `jobs` threads for the tables; returns
// the source summaries, and checks each against the target's.
inline std::map<std::string, TableSummary> copy_like_copy_db(DatabaseCopier& copier, int jobs = 2) {
  std::vector<std::string> tables = copier.source_tables();
  copier.create_tables(tables);
  std::map<std::string, TableSummary> summaries;
  std::mutex mutex;
  std::atomic<size_t> next{0};
  CancellationToken never;
  std::vector<std::thread> workers;
  std::exception_ptr failure;
  for (int i = 0; i < jobs; ++i)
    workers.emplace_back([&] {
      try {
        for (size_t at; (at = next++) < tables.size();) {
          TableSummary summary = copier.copy_table(tables[at], nullptr, never);
          std::lock_guard lock(mutex);
          summaries[tables[at]] = summary;
        }
      } catch (...) {
        std::lock_guard lock(mutex);
        failure = std::current_exception();
      }
    });
  for (std::thread& worker : workers) worker.join();
  if (failure) std::rethrow_exception(failure);
  copier.finish_schema(tables);
  for (const std::string& table : tables) EXPECT_EQ(copier.target_summary(table), summaries[table]) << table;
  return summaries;
}

}  // namespace planrun::testing
