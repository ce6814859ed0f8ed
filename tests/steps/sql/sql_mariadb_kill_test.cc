// The sql step on MariaDB, where every statement commits on its own, killed with SIGKILL at
// random moments and run again until it finishes. The witness is the database itself: each
// INSERT adds its own number to a ledger without a key (a second run would add it twice) and
// each CREATE TABLE makes its own table (a second run would fail). When a kill left a statement
// in doubt, the test plays the operator: it looks at the database and answers with on_doubt.

#include <gtest/gtest.h>
#include <signal.h>
#include <soci/soci.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <random>
#include <thread>

#include "interpreter/databases/soci_databases.h"
#include "interpreter/state/state_store.h"
#include "tests/support/killed_runs.h"
#include "tests/support/step_fixture.h"
#include "tests/support/test_servers.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;

constexpr int statements = 600;

// Statement 1 makes the ledger; statement k then makes table t_k when k is a multiple of 3 and
// otherwise writes k into the ledger.
std::string long_script() {
  std::string text = "CREATE TABLE ledger (k INT);\n";
  for (int k = 2; k <= statements; ++k)
    text += k % 3 == 0 ? "CREATE TABLE t_" + std::to_string(k) + " (n INT);\n"
                       : "INSERT INTO ledger VALUES (" + std::to_string(k) + ");\n";
  return text;
}

class SqlMariadbKill : public ::testing::Test {
 protected:
  void SetUp() override {
    PLANRUN_REQUIRE_SERVER(server, "PLANRUN_TEST_MARIADB");
    credentials.add(server->dsn, server->password);
    target = server->dsn;
    target.database = "planrun_sql_kill_" + std::to_string(::getpid());
    credentials.add(target, server->password);
    admin = SociDatabases(credentials).open(server->dsn);
    std::ofstream(dir.path() / "long.sql") << long_script();
    std::ofstream(dir.path() / "sql.yaml")
        << "planrun: 1\nname: sql-kill\nparams:\n"
           "  db: {type: database, password: pw}\n"
           "  pw: {type: secret, env: PLANRUN_TEST_MARIADB_PASSWORD}\n"
           "  doubt: {type: string, default: stop}\n"
           "steps:\n  - id: apply\n    type: sql\n"
           "    with: {database: \"${db}\", script: \"" + (dir.path() / "long.sql").string() +
               "\", on_doubt: \"${doubt}\"}\n";
  }
  void TearDown() override {
    if (admin) admin->session() << "DROP DATABASE IF EXISTS " + target.database;
  }
  void fresh_database() {
    admin->session() << "DROP DATABASE IF EXISTS " + target.database;
    admin->session() << "CREATE DATABASE " + target.database;
    fs::remove_all(dir.path() / ".planrun");
  }
  pid_t start(const std::string& doubt = "stop") {
    return testing::start_planrun(dir.path(), "sql.yaml", {"--set", "db=" + target.to_string(), "--set", "doubt=" + doubt});
  }
  // Waits until no session of the killed planrun is still running a statement on the server,
  // so that what the test sees is final.
  void wait_for_orphaned_queries() {
    for (int i = 0; i < 200; ++i) {
      int running = 0;
      admin->session() << "SELECT COUNT(*) FROM information_schema.processlist WHERE db = :db AND id <> CONNECTION_ID()",
          soci::use(target.database), soci::into(running);
      if (running == 0) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    FAIL() << "a killed planrun's statement is still running on the server";
  }
  // The statement a killed run left in doubt (running, not recorded), or 0.
  int statement_in_doubt() {
    if (!fs::exists(dir.path() / ".planrun" / "state.db")) return 0;
    StateStore store(dir.path() / ".planrun", "sql.yaml", StateStore::Access::ReadOnly);
    std::optional<std::string> value = store.checkpoint("apply", "statement");
    if (!value || !value->starts_with("running ")) return 0;
    return std::stoi(value->substr(8));
  }
  // What the operator sees in the database: did statement k take effect?
  bool took_effect(int k) {
    auto db = SociDatabases(credentials).open(target);
    int found = 0;
    if (k == 1 || k % 3 == 0)
      db->session() << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = :t",
          soci::use(std::string(k == 1 ? "ledger" : "t_" + std::to_string(k))), soci::into(found);
    else
      db->session() << "SELECT COUNT(*) FROM ledger WHERE k = :k", soci::use(k), soci::into(found);
    return found > 0;
  }
  // Every statement took effect exactly once.
  void expect_each_statement_ran_once() {
    auto db = SociDatabases(credentials).open(target);
    int tables = 0, rows = 0, distinct = 0;
    db->session() << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()", soci::into(tables);
    db->session() << "SELECT COUNT(*), COUNT(DISTINCT k) FROM ledger", soci::into(rows), soci::into(distinct);
    int inserts = 0, creates = 1;
    for (int k = 2; k <= statements; ++k) (k % 3 == 0 ? creates : inserts) += 1;
    EXPECT_EQ(tables, creates);
    EXPECT_EQ(rows, inserts) << "a statement ran twice, or not at all";
    EXPECT_EQ(distinct, inserts);
  }

  std::optional<testing::TestServer> server;
  DatabaseCredentials credentials;
  std::unique_ptr<DatabaseConnection> admin;
  Dsn target;
  testing::TempDir dir;
};

TEST_F(SqlMariadbKill, KilledAtRandomMomentsEachStatementRunsExactlyOnce) {
  fresh_database();
  auto began = std::chrono::steady_clock::now();
  ASSERT_EQ(testing::wait_exit(start()), 0);
  int whole_ms = static_cast<int>(
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - began).count());
  expect_each_statement_ran_once();
  std::printf("[ figure ] %d statements, each committed and recorded by itself: %d ms\n", statements, whole_ms);
  std::fflush(stdout);  // before a fork, or the children repeat it

  fresh_database();
  std::mt19937 random(20261206);
  int kills = 0, doubts = 0, finished = 0;
  for (int round = 0; round < 40 && !finished; ++round) {
    std::string answer = "stop";
    if (int k = statement_in_doubt()) {
      wait_for_orphaned_queries();
      answer = took_effect(k) ? "skip" : "rerun";
      ++doubts;
    }
    pid_t pid = start(answer);
    std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution(50, whole_ms / 8 + 50)(random)));
    kill(pid, SIGKILL);
    int exit = testing::wait_exit(pid);
    if (exit == -SIGKILL) ++kills;
    else if (exit == 0) finished = 1;
    else ASSERT_EQ(exit, 3) << "round " << round << ": planrun failed (a statement run twice fails: table exists)";
  }
  EXPECT_GE(kills, 5);  // the check is not empty
  for (int tries = 0; tries < 3; ++tries) {
    std::string answer = "stop";
    if (int k = statement_in_doubt()) {
      wait_for_orphaned_queries();
      answer = took_effect(k) ? "skip" : "rerun";
      ++doubts;
    }
    if (testing::wait_exit(start(answer)) == 0) break;
  }
  EXPECT_TRUE(testing::done_steps(dir.path(), "sql.yaml").count("apply"));
  expect_each_statement_ran_once();
  std::printf("[ figure ] %d kills, %d statements left in doubt and settled by on_doubt\n", kills, doubts);
}

}  // namespace
}  // namespace planrun
