// The whole Carbon upgrade, examples/446-to-447.yaml, run by the real binary against the strict
// fake Carbon (scripts/make-carbon-home.sh) on real databases: SQLite, PostgreSQL and MariaDB
// with password logins. It succeeds; each real-world mistake makes it fail naming the mistake
// before the new server takes the staging database; planrun killed at random moments and run
// again ends with the same result, the old database and the old home untouched.

#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include "tests/support/killed_runs.h"
#include "tests/support/planrun_binary.h"
#include "tests/support/test_servers.h"
#include "tests/support/tree_snapshot.h"
#include "tests/tools/fake_carbon_home.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;
using testing::Outcome;

const std::string kSource = PLANRUN_SOURCE_DIR;

std::string read(const fs::path& file) { return testing::file_text(file); }

// Single quotes for sh.
std::string sh_quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

Outcome shell(const std::string& command) {
  Outcome outcome;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  char buffer[4096];
  while (size_t got = fread(buffer, 1, sizeof buffer, pipe)) outcome.output.append(buffer, got);
  int status = pclose(pipe);
  outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return outcome;
}

// One database type: the old database loaded with tests/fixtures/carbon-446, an empty staging
// database with a login of its own, and how to read both apart from planrun.
struct Databases {
  std::string type;             // sqlite, postgresql, mysql
  std::string old_jdbc_url;     // what the old home's datasource says
  std::string old_dsn;          // the same database as the operator gives it planrun (with its user)
  std::string old_user, old_password;
  std::string staging_dsn;      // what the operator gives planrun
  std::string staging_user, staging_password;
  std::string dump_old, dump_staging;  // shell commands printing each database's rows, in order
};

class CarbonUpgrade : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::replace(test.begin(), test.end(), '/', '-');  // a parameterized test's name has one
    dir = fs::temp_directory_path() / ("planrun-upgrade-" + std::to_string(getpid()) + "-" + test);
    fs::remove_all(dir);
    fs::create_directories(dir);
    if (GetParam() == "sqlite") make_sqlite();
    if (GetParam() == "postgresql") make_postgresql();
    if (GetParam() == "mysql") make_mysql();
    if (HasFatalFailure() || IsSkipped()) return;
    offset = testing::free_carbon_offset();
    make_homes("");
  }
  void TearDown() override {
    shell((dir / "wso2carbon-4.4.7/bin/wso2server.sh").string() + " stop");
    shell((dir / "wso2carbon-4.4.6/bin/wso2server.sh").string() + " stop");
    for (const std::string& command : cleanup) shell(command);
    fs::remove_all(dir);
  }
  void load(const std::string& client) {
    for (const char* part : {"ddl", "rows"}) {
      Outcome loaded = shell(client + " < " + kSource + "/tests/fixtures/carbon-446/" + db.type + "-" + part + ".sql");
      ASSERT_EQ(loaded.exit_code, 0) << loaded.output;
    }
  }

  void make_sqlite() {
    db.type = "sqlite";
    db.old_jdbc_url = "jdbc:sqlite:" + (dir / "carbon-446.db").string();
    db.old_user = db.staging_user = "wso2carbon";
    db.old_password = db.staging_password = "unused-by-sqlite";
    db.old_dsn = "sqlite:" + (dir / "carbon-446.db").string();
    db.staging_dsn = "sqlite:" + (dir / "carbon-447.db").string();
    load("sqlite3 " + (dir / "carbon-446.db").string());
    db.dump_old = "sqlite3 " + (dir / "carbon-446.db").string() + " .dump";
    db.dump_staging = "sqlite3 " + (dir / "carbon-447.db").string() + " .dump";
  }

  void make_postgresql() {
    PLANRUN_REQUIRE_SERVER(server, "PLANRUN_TEST_POSTGRES");
    db.type = "postgresql";
    std::string suffix = std::to_string(getpid()) + "_" + std::to_string(++counter);
    std::string old_name = "c446_" + suffix, staging_name = "c447_" + suffix;
    const Dsn& s = server->dsn;
    std::string admin = "PGPASSWORD=" + sh_quoted(server->password) + " psql -q -v ON_ERROR_STOP=1 -h " + s.host +
                        " -p " + std::to_string(s.port) + " -U " + s.user;
    // The test server's login is not allowed to create roles: both databases use it (its name is
    // not the pack's `wso2carbon`, so the username must still be written).
    db.old_user = db.staging_user = s.user;
    db.old_password = db.staging_password = server->password;
    for (const std::string& name : {old_name, staging_name}) {
      Outcome made = shell(admin + " -d postgres -c " + sh_quoted("CREATE DATABASE " + name));
      ASSERT_EQ(made.exit_code, 0) << made.output;
      cleanup.push_back(admin + " -d postgres -c " + sh_quoted("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }
    load(admin + " -d " + old_name);
    std::string host_port = s.host + ":" + std::to_string(s.port);
    db.old_jdbc_url = "jdbc:postgresql://" + host_port + "/" + old_name;
    db.old_dsn = "postgresql://" + db.old_user + "@" + host_port + "/" + old_name;
    db.staging_dsn = "postgresql://" + db.staging_user + "@" + host_port + "/" + staging_name;
    std::string rows = " -At -c \"SELECT string_agg(t::text, E'\\n' ORDER BY t::text) FROM (SELECT * FROM um_user) t\"";
    db.dump_old = admin + " -d " + old_name + rows;
    db.dump_staging = admin + " -d " + staging_name + rows;
  }

  void make_mysql() {
    PLANRUN_REQUIRE_SERVER(server, "PLANRUN_TEST_MARIADB");
    db.type = "mysql";
    std::string suffix = std::to_string(getpid()) + "_" + std::to_string(++counter);
    std::string old_name = "c446_" + suffix, staging_name = "c447_" + suffix;
    const Dsn& s = server->dsn;
    std::string admin = "MYSQL_PWD=" + sh_quoted(server->password) + " mariadb --protocol=tcp -h " + s.host + " -P " +
                        std::to_string(s.port) + " -u " + s.user;
    db.old_user = "u446_" + suffix, db.old_password = "old-pw-" + suffix;
    db.staging_user = "u447_" + suffix, db.staging_password = "staging-pw-" + suffix;
    std::string sql = "CREATE DATABASE " + old_name + "; CREATE DATABASE " + staging_name + "; CREATE USER '" +
                      db.old_user + "'@'%' IDENTIFIED BY '" + db.old_password + "'; CREATE USER '" + db.staging_user +
                      "'@'%' IDENTIFIED BY '" + db.staging_password + "'; GRANT ALL ON " + old_name + ".* TO '" +
                      db.old_user + "'@'%'; GRANT ALL ON " + staging_name + ".* TO '" + db.staging_user + "'@'%';" +
                      // The schema check loads 4.4.7's DDL into a scratch database of its own.
                      " GRANT ALL ON `planrun\\_scratch\\_%`.* TO '" + db.staging_user + "'@'%';";
    Outcome made = shell(admin + " -e " + sh_quoted(sql));
    ASSERT_EQ(made.exit_code, 0) << made.output;
    cleanup.push_back(admin + " -e " + sh_quoted("DROP DATABASE IF EXISTS " + old_name + "; DROP DATABASE IF EXISTS " +
                                              staging_name + "; DROP USER IF EXISTS '" + db.old_user +
                                              "'@'%'; DROP USER IF EXISTS '" + db.staging_user + "'@'%';"));
    load(admin + " " + old_name);
    std::string host_port = s.host + ":" + std::to_string(s.port);
    db.old_jdbc_url = "jdbc:mysql://" + host_port + "/" + old_name;
    db.old_dsn = "mysql://" + db.old_user + "@" + host_port + "/" + old_name;
    db.staging_dsn = "mysql://" + db.staging_user + "@" + host_port + "/" + staging_name;
    std::string rows = " -N -e 'SELECT * FROM UM_USER ORDER BY UM_TENANT_ID, UM_ID'";
    db.dump_old = admin + " " + old_name + rows;
    db.dump_staging = admin + " " + staging_name + rows;
  }

  // The 4.4.6 home on the old database and the 4.4.7 archive; `extra`: more make-carbon-home.sh options.
  void make_homes(const std::string& extra) {
    Outcome made = shell(kSource + "/scripts/make-carbon-home.sh --out " + dir.string() + " --jdbc-url " +
                         sh_quoted(db.old_jdbc_url) + " --db-user " + db.old_user + " --db-password " +
                         sh_quoted(db.old_password) + " --offset " + std::to_string(offset) + " --tenants 2 --server " +
                         PLANRUN_FAKE_CARBON_SERVER + " " + extra);
    ASSERT_EQ(made.exit_code, 0) << made.output;
    old_home = dir / "wso2carbon-4.4.6";
    new_home = dir / "wso2carbon-4.4.7";
  }

  std::string environment() const {
    return "CARBON_OLD_DB_PASSWORD=" + sh_quoted(db.old_password) + " CARBON_STAGING_DB_PASSWORD=" +
           sh_quoted(staging_password.value_or(db.staging_password)) +
           " CARBON_ADMIN_PASSWORD=admin FAKE_CARBON_START_DELAY_MS=400";
  }

  // The operator gives no old_db: the plan takes it from the old home (`given_old_db` overrides).
  std::string arguments(const fs::path& plan, const std::string& command = "run") const {
    std::string old_db = given_old_db.empty() ? "" : " --set " + sh_quoted("old_db=" + given_old_db);
    return command + " " + plan.string() + (command == "run" ? " --yes" : "") + " --state " + (dir / "state").string() + " --set old_home=" +
           old_home.string() + " --set new_home=" + new_home.string() + " --set product_zip=" +
           (dir / "wso2carbon-4.4.7.tar.gz").string() + old_db + " --set staging_db=" + db.staging_dsn +
           " --set backup_dir=" + (dir / "backups").string() + " --set start_timeout=60s";
  }

  Outcome upgrade(const fs::path& plan = kSource + "/examples/446-to-447.yaml", const std::string& command = "run") {
    return testing::run_planrun(arguments(plan, command), dir.string(), environment());
  }

  // The example plan with step `id` replaced by `replacement` (YAML of whole steps), or left out
  // (and out of every `needs`): a plan that gets that step wrong.
  fs::path plan_replacing(const std::string& id, const std::string& replacement = "") {
    std::string text = read(kSource + "/examples/446-to-447.yaml");
    size_t start = text.find("  - id: " + id + "\n");
    EXPECT_NE(start, std::string::npos) << id;
    size_t end = text.find("  - id: ", start + 1);
    size_t comment = text.rfind("\n  #", end);
    if (comment != std::string::npos && comment > start) end = comment + 1;
    text.replace(start, end - start, replacement);
    if (replacement.empty()) {
      for (std::string needle : {"      - " + id + "\n", ", " + id + "]", ", " + id + ",", "[" + id + ", ", "[" + id + "]"}) {
        if (needle.front() == ' ') {  // an item of a block list of `needs`
          for (size_t at; (at = text.find(needle)) != std::string::npos;) text.erase(at, needle.size());
          continue;
        }
        std::string by = needle.front() == '[' ? "[" : (needle.back() == ']' ? "]" : ",");
        for (size_t at; (at = text.find(needle)) != std::string::npos;) text.replace(at, needle.size(), by);
      }
    }
    fs::path plan = dir / ("446-to-447-" + id + ".yaml");
    std::ofstream(plan) << text;
    return plan;
  }

  void expect_upgraded() {
    std::string datasources = read(new_home / "repository/conf/datasources/master-datasources.xml");
    EXPECT_NE(datasources.find("<username>" + db.staging_user + "</username>"), std::string::npos) << datasources;
    EXPECT_EQ(datasources.find(db.old_jdbc_url), std::string::npos) << "the new home still names the old database";
    EXPECT_NE(read(new_home / "repository/logs/wso2carbon.log").find("WSO2 Carbon started in"), std::string::npos);
    EXPECT_EQ(shell(db.dump_old).output, shell(db.dump_staging).output);
  }

  std::optional<testing::TestServer> server;
  Databases db;
  std::string given_old_db;                     // --set old_db=, when not empty
  std::optional<std::string> staging_password;  // the operator's, when not the right one
  fs::path dir, old_home, new_home;
  std::vector<std::string> cleanup;
  int offset = 0;
  static inline int counter = 0;
};

TEST_P(CarbonUpgrade, TheWholeUpgradeSucceedsAndLeavesTheOldInstallationUntouched) {
  auto old_tree = testing::tree_snapshot(old_home);
  std::string old_rows = shell(db.dump_old).output;
  // The old database comes from the old home's datasources, with their username.
  Outcome planned = upgrade(kSource + "/examples/446-to-447.yaml", "plan");
  ASSERT_EQ(planned.exit_code, 0) << planned.output;
  EXPECT_NE(planned.output.find(" = " + db.old_dsn + "\n"), std::string::npos) << planned.output;
  Outcome outcome = upgrade();
  ASSERT_EQ(outcome.exit_code, 0) << outcome.output;
  expect_upgraded();
  EXPECT_EQ(testing::tree_snapshot(old_home), old_tree);
  EXPECT_EQ(shell(db.dump_old).output, old_rows);
  // The password is in the file, but never in planrun's output.
  if (db.type != "sqlite") {
    std::string datasources = read(new_home / "repository/conf/datasources/master-datasources.xml");
    EXPECT_NE(datasources.find(db.staging_password), std::string::npos);
    EXPECT_EQ(outcome.output.find(db.staging_password), std::string::npos) << outcome.output;
  }
  // Run again: every step is up to date, nothing runs.
  Outcome again = upgrade();
  EXPECT_EQ(again.exit_code, 0) << again.output;
}

TEST_P(CarbonUpgrade, AMissingDriverJarFailsNamingTheClassBeforeTheServerStarts) {
  for (const auto& entry : fs::directory_iterator(old_home / "repository/components/lib"))
    if (entry.path().filename().string().find(db.type == "mysql" ? "mysql" : db.type) != std::string::npos)
      fs::remove(entry.path());
  Outcome outcome = upgrade();
  EXPECT_NE(outcome.exit_code, 0);
  std::string driver = db.type == "sqlite" ? "org.sqlite.JDBC" : db.type == "postgresql" ? "org.postgresql.Driver" : "com.mysql";
  EXPECT_NE(outcome.output.find(driver), std::string::npos) << outcome.output;
  EXPECT_FALSE(fs::exists(new_home / "wso2carbon.pid")) << "the new server was started";
}

TEST_P(CarbonUpgrade, APlanThatDoesNotCarryTheKeyStoresFailsAtStartNamingTheUserStore) {
  Outcome outcome = upgrade(plan_replacing("carry-keystores"));
  EXPECT_NE(outcome.exit_code, 0);
  EXPECT_NE(outcome.output.find("userstores"), std::string::npos) << outcome.output;
  EXPECT_NE(outcome.output.find("ERROR"), std::string::npos) << outcome.output;
}

// What the shipped plans did before: only the url and the driver class written, so the pack's
// username stays and no password is written. Carbon cannot log in; neither can the fake.
TEST_P(CarbonUpgrade, APlanThatWritesOnlyTheUrlFailsAtStartNamingTheDatasource) {
  Outcome outcome = upgrade(plan_replacing("connect-staging", R"(  - id: connect-staging
    type: update-config
    needs: [unpack]
    with:
      file: "${new_home}/repository/conf/datasources/master-datasources.xml"
      xml:
        - set: "//datasource[name='WSO2_CARBON_DB']/definition/configuration/url"
          value: "${jdbc_url(staging_db)}"
)"));
  EXPECT_NE(outcome.exit_code, 0);
  EXPECT_NE(outcome.output.find("WSO2_CARBON_DB"), std::string::npos) << outcome.output;
  EXPECT_EQ(outcome.output.find("WSO2 Carbon started in"), std::string::npos) << outcome.output;
}

// The start script returns at once; a plan that does not wait smoke-tests a server that is not up.
TEST_P(CarbonUpgrade, APlanThatDoesNotWaitForTheStartFailsItsSmokeTests) {
  Outcome outcome = upgrade(plan_replacing("start", R"(  - id: start
    type: run
    needs: [point-of-no-return]
    with: {command: ["${new_home}/bin/wso2server.sh", "start"]}
)"));
  EXPECT_NE(outcome.exit_code, 0) << outcome.output;
  EXPECT_NE(outcome.output.find("smoke"), std::string::npos) << outcome.output;
}

// A password that does not log in to staging stops the run at the first step that reaches
// staging, naming the login, before anything is written there or to the new home.
TEST_P(CarbonUpgrade, AWrongStagingPasswordFailsNamingTheLoginBeforeAnythingIsWritten) {
  if (db.type == "sqlite") GTEST_SKIP() << "SQLite has no logins";
  staging_password = "not-" + db.staging_password;
  Outcome outcome = upgrade();
  EXPECT_NE(outcome.exit_code, 0);
  EXPECT_NE(outcome.output.find("staging-empty"), std::string::npos) << outcome.output;
  EXPECT_NE(outcome.output.find(db.staging_user), std::string::npos) << outcome.output;
  EXPECT_EQ(outcome.output.find(*staging_password), std::string::npos) << outcome.output;
  EXPECT_FALSE(fs::exists(new_home / "wso2carbon.pid")) << "the new server was started";
}

class CarbonUpgradeOnSqlite : public CarbonUpgrade {};

TEST_P(CarbonUpgradeOnSqlite, ASecondDatasourceLeftOnTheOldDatabaseFailsNamingIt) {
  fs::remove_all(old_home);
  fs::remove(dir / "wso2carbon-4.4.7.tar.gz");
  Outcome copied = shell("cp " + (dir / "carbon-446.db").string() + " " + (dir / "carbon-446-um.db").string());
  ASSERT_EQ(copied.exit_code, 0) << copied.output;
  make_homes("--um-jdbc-url jdbc:sqlite:" + (dir / "carbon-446-um.db").string());
  // The plan cannot take one old database from a home that uses two: it says so before anything runs.
  Outcome outcome = upgrade();
  EXPECT_EQ(outcome.exit_code, 2) << outcome.output;
  EXPECT_NE(outcome.output.find("default of 'old_db': carbon_database(): datasource 'WSO2_UM_DB'"), std::string::npos)
      << outcome.output;
  EXPECT_FALSE(fs::exists(dir / "backups")) << "a step ran";
  // Given the registry's database, the plan would leave the user store's behind: carbon-connect refuses.
  given_old_db = db.old_dsn;
  outcome = upgrade();
  EXPECT_NE(outcome.exit_code, 0);
  EXPECT_NE(outcome.output.find("WSO2_UM_DB"), std::string::npos) << outcome.output;
  EXPECT_NE(outcome.output.find("left on the old database"), std::string::npos) << outcome.output;
  EXPECT_FALSE(fs::exists(new_home / "wso2carbon.pid")) << "the new server was started";
}

// examples/446-to-447-separate-dbs.yaml: user management on a database of its own, each
// database copied into a staging database of its own, both connected, the server started on them.
TEST_P(CarbonUpgradeOnSqlite, SeparateDatabasesEachGoToTheirOwnStagingDatabase) {
  fs::remove_all(old_home);
  fs::remove(dir / "wso2carbon-4.4.7.tar.gz");
  fs::path old_um = dir / "carbon-446-um.db", staging_um = dir / "carbon-447-um.db";
  Outcome copied = shell("cp " + (dir / "carbon-446.db").string() + " " + old_um.string());
  ASSERT_EQ(copied.exit_code, 0) << copied.output;
  make_homes("--um-jdbc-url jdbc:sqlite:" + old_um.string());
  auto old_tree = testing::tree_snapshot(old_home);
  Outcome outcome = testing::run_planrun(
      arguments(kSource + "/examples/446-to-447-separate-dbs.yaml") + " --set staging_um_db=sqlite:" + staging_um.string(),
      dir.string(), environment() + " CARBON_OLD_UM_DB_PASSWORD= CARBON_STAGING_UM_DB_PASSWORD=");
  ASSERT_EQ(outcome.exit_code, 0) << outcome.output;
  expect_upgraded();
  std::string um_datasources = read(new_home / "repository/conf/datasources/um-datasources.xml");
  EXPECT_NE(um_datasources.find("jdbc:sqlite:" + staging_um.string()), std::string::npos) << um_datasources;
  EXPECT_EQ(shell("sqlite3 " + old_um.string() + " .dump").output, shell("sqlite3 " + staging_um.string() + " .dump").output);
  EXPECT_EQ(testing::tree_snapshot(old_home), old_tree);
}

// kill -9 at random moments of the whole upgrade, then a run to the end: the same result as an
// upgrade that was never interrupted, and the old database and home untouched.
TEST_P(CarbonUpgrade, KilledAtRandomMomentsAndResumedTheUpgradeIsExact) {
  auto old_tree = testing::tree_snapshot(old_home);
  std::string old_rows = shell(db.dump_old).output;
  std::mt19937 random(static_cast<unsigned>(::getpid()));
  std::string kills;  // the moments, for a failure's message
  for (int kill = 0; kill < 3; ++kill) {
    pid_t pid = fork();
    if (pid == 0) {
      // In the folder the last run runs in, as an operator runs it again: run's `cwd` is an input.
      std::string command = "cd " + dir.string() + " && " + environment() + " exec " + PLANRUN_BINARY + " " +
                            arguments(kSource + "/examples/446-to-447.yaml") + " --quiet >/dev/null 2>&1";
      execl("/bin/sh", "sh", "-c", command.c_str(), nullptr);
      _exit(127);
    }
    unsigned after = 100 + random() % 1500;
    kills += std::to_string(after) + " ms ";
    std::this_thread::sleep_for(std::chrono::milliseconds(after));
    ::kill(pid, SIGKILL);
    testing::wait_exit(pid);
  }
  Outcome outcome = upgrade();
  ASSERT_EQ(outcome.exit_code, 0) << outcome.output << "\nkilled after " << kills << "\n"
                                  << shell("cat " + (dir / "state/runs/*/start.log").string()).output;
  expect_upgraded();
  EXPECT_EQ(testing::tree_snapshot(old_home), old_tree);
  EXPECT_EQ(shell(db.dump_old).output, old_rows);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, CarbonUpgradeOnSqlite, ::testing::Values("sqlite"),
                         [](const auto& info) { return info.param; });

INSTANTIATE_TEST_SUITE_P(Databases, CarbonUpgrade, ::testing::Values("sqlite", "postgresql", "mysql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace planrun
