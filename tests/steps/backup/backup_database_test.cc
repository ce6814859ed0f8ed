// backup and restore of databases: SQLite files here, the real PostgreSQL and MariaDB servers
// of scripts/test-servers.sh below. Each dump is restored with the database's own tools
// (sqlite3, pg_restore, mariadb) outside planrun and compared, then with the restore step.

#include <gtest/gtest.h>
#include <soci/soci.h>
#include <stdlib.h>
#include <unistd.h>

#include <fstream>

#include "interpreter/databases/database_error.h"
#include "interpreter/databases/soci_databases.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/steps/backup/backup_step.h"
#include "interpreter/steps/restore/restore_step.h"
#include "tests/support/fake_services.h"
#include "tests/support/file_modes.h"
#include "tests/support/step_fixture.h"
#include "tests/support/test_servers.h"
#include "tests/support/tree_snapshot.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;
using Kind = StepFailure::Kind;
using testing::shell_quoted;
using testing::shell;

// Runs backup and restore steps against one Databases service, keeping what they logged.
class DatabaseSteps {
 public:
  DatabaseSteps(Databases& databases, const fs::path& work) : databases_(databases), work_(work) {}

  template <class Step>
  std::optional<StepFailure> run(Value::Map fields) {
    testing::StepFixture fixture(Step().schema().type);
    fixture.masker.secrets = secrets;
    StepContext context = fixture.context(std::move(fields));
    context.services.databases = &databases_;
    context.work_dir = work_;
    std::optional<StepFailure> failure;
    try {
      Step().run(context);
      outputs = context.outputs;
    } catch (const StepFailure& thrown) {
      failure = thrown;
    }
    for (const std::string& line : fixture.log.all) log += line + "\n";
    return failure;
  }

  Value::Map outputs;
  std::string log;
  std::vector<std::string> secrets;

 private:
  Databases& databases_;
  fs::path work_;
};

std::string sqlite_dump(const fs::path& file) { return shell("sqlite3 " + shell_quoted(file.string()) + " .dump").output; }

class SqliteBackup : public ::testing::Test {
 protected:
  void SetUp() override {
    auto made = shell("sqlite3 " + shell_quoted(source().string()) +
                      " \"PRAGMA journal_mode=WAL; CREATE TABLE um_user (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                      "name TEXT NOT NULL, data BLOB); CREATE INDEX um_user_name ON um_user(name); "
                      "INSERT INTO um_user (name, data) VALUES ('admin', x'00ff10'), ('ann', NULL); "
                      "CREATE VIEW um_names AS SELECT name FROM um_user;\"");
    ASSERT_EQ(made.exit_code, 0) << made.output;
  }
  fs::path source() const { return dir.path() / "source.db"; }
  fs::path backup() const { return dir.path() / "backups/db"; }
  std::string dsn(const fs::path& file) const { return "sqlite:" + file.string(); }

  testing::TempDir dir;
  SociDatabases databases;
  DatabaseSteps steps{databases, dir.path() / "work"};
};

TEST_F(SqliteBackup, TheCopyOpensInSqlite3AsTheSourceAndTheSealChecksWithSha256sum) {
  std::string before = testing::tree_snapshot(dir.path()).at("source.db");
  auto failure = steps.run<BackupStep>({{"database", Value(dsn(source()))}, {"to", Value(backup().string())}});
  ASSERT_FALSE(failure) << failure->what();
  EXPECT_EQ(sqlite_dump(backup() / "database.db"), sqlite_dump(source()));
  EXPECT_EQ(shell("cd " + shell_quoted(backup().string()) + " && sha256sum -c SHA256SUMS").output, "database.db: OK\n");
  EXPECT_EQ(steps.outputs["path"], Value((backup() / "database.db").string()));
  EXPECT_EQ(steps.outputs["sha256"], Value(sha256_of_file(backup() / "database.db")));
  EXPECT_EQ(testing::tree_snapshot(dir.path()).at("source.db"), before);  // the source is not written
  EXPECT_FALSE(fs::exists(backup() / "database.db-wal"));                 // one self-contained file
}

TEST_F(SqliteBackup, TheDumpAndSealAreTheOwnersOnlyWhateverTheUmask) {
  mode_t umask_before = ::umask(0);
  auto failure = steps.run<BackupStep>({{"database", Value(dsn(source()))}, {"to", Value(backup().string())}});
  ::umask(umask_before);
  ASSERT_FALSE(failure) << failure->what();
  EXPECT_EQ(testing::modes_in(backup()),
            (std::map<std::string, std::string>{{".", "0700"}, {"SHA256SUMS", "0600"}, {"database.db", "0600"}}));
}

TEST_F(SqliteBackup, RestoreMakesTheTargetTheSourceAndRefusesOneWithTablesUnlessReplacing) {
  ASSERT_FALSE(steps.run<BackupStep>({{"database", Value(dsn(source()))}, {"to", Value(backup().string())}}));
  fs::path target = dir.path() / "target.db";
  auto failure = steps.run<RestoreStep>({{"from", Value(backup().string())}, {"database", Value(dsn(target))}});
  ASSERT_FALSE(failure) << failure->what();
  EXPECT_EQ(sqlite_dump(target), sqlite_dump(source()));
  shell("sqlite3 " + shell_quoted(target.string()) + " \"INSERT INTO um_user (name) VALUES ('later')\"");
  failure = steps.run<RestoreStep>({{"from", Value(backup().string())}, {"database", Value(dsn(target))}});
  ASSERT_TRUE(failure);
  EXPECT_EQ(failure->kind, Kind::Precondition);
  EXPECT_EQ(std::string(failure->what()), "cannot restore into " + dsn(target) +
                                              ": it holds 2 tables, um_names first (set replace: true to replace "
                                              "what it holds)");
  failure = steps.run<RestoreStep>(
      {{"from", Value(backup().string())}, {"database", Value(dsn(target))}, {"replace", Value(true)}});
  ASSERT_FALSE(failure) << failure->what();
  EXPECT_EQ(sqlite_dump(target), sqlite_dump(source()));
}

TEST_F(SqliteBackup, RestoreRefusesADumpThatDiffersFromTheSeal) {
  ASSERT_FALSE(steps.run<BackupStep>({{"database", Value(dsn(source()))}, {"to", Value(backup().string())}}));
  std::ofstream(backup() / "database.db", std::ios::app) << "x";
  fs::path target = dir.path() / "target.db";
  auto failure = steps.run<RestoreStep>({{"from", Value(backup().string())}, {"database", Value(dsn(target))}});
  ASSERT_TRUE(failure);
  EXPECT_EQ(std::string(failure->what()),
            "the backup in " + backup().string() + " does not match its SHA256SUMS: database.db: checksum differs");
  EXPECT_FALSE(fs::exists(target));
}

TEST_F(SqliteBackup, RestoreRefusesADirectoryBackupForADatabase) {
  fs::create_directories(dir.path() / "home");
  ASSERT_FALSE(steps.run<BackupStep>({{"dir", Value((dir.path() / "home").string())}, {"to", Value(backup().string())}}));
  auto failure = steps.run<RestoreStep>(
      {{"from", Value(backup().string())}, {"database", Value(dsn(dir.path() / "target.db"))}});
  ASSERT_TRUE(failure);
  EXPECT_EQ(std::string(failure->what()), "the backup in " + backup().string() + " holds no database dump");
}

// H2: the data file itself is the dump, restorable by copying it back.
class H2Backup : public ::testing::Test {
 protected:
  // A page-store file as H2 1.3 writes it: its header three times, then pages with zero bytes.
  static std::string page_store() {
    std::string header = "-- H2 0.5/B -- \n";
    return header + header + header + std::string("\0\x01page\0\xff", 9) + std::string(5000, '\x7f');
  }
  void write(const fs::path& file, const std::string& bytes) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << bytes;
  }
  std::string read(const fs::path& file) { return testing::tree_snapshot(file.parent_path()).at(file.filename().string()); }
  // A snapshot ("file MODE MTIME SHA256") with the mode a backup gives its files: 600.
  static std::string owner_only(std::string snapshot) {
    size_t mode = snapshot.find(' ') + 1;
    return snapshot.replace(mode, snapshot.find(' ', mode) - mode, "600");
  }
  std::string dsn(const fs::path& name) const { return "jdbc:h2:" + name.string(); }
  fs::path old_db() const { return dir.path() / "old/repository/database/WSO2CARBON_DB"; }
  fs::path new_db() const { return dir.path() / "new/repository/database/WSO2CARBON_DB"; }
  fs::path backup() const { return dir.path() / "backups/db"; }
  std::optional<StepFailure> back_up() {
    return steps.run<BackupStep>({{"database", Value(dsn(old_db()))}, {"to", Value(backup().string())}});
  }
  std::optional<StepFailure> restore(bool replace = false) {
    return steps.run<RestoreStep>({{"from", Value(backup().string())},
                                   {"database", Value(dsn(new_db()))},
                                   {"replace", Value(replace)}});
  }

  testing::TempDir dir;
  SociDatabases databases;
  DatabaseSteps steps{databases, dir.path() / "work"};
};

TEST_F(H2Backup, TheDataFileIsCopiedSealedAndRestoredByteForByte) {
  write(old_db().string() + ".h2.db", page_store());
  write(old_db().string() + ".trace.db", "a log, not data");
  std::string before = read(old_db().string() + ".h2.db");
  auto failure = back_up();
  ASSERT_FALSE(failure) << failure->what();
  EXPECT_EQ(read(backup() / "database.h2.db"), owner_only(before));  // bytes and time; owner only
  EXPECT_EQ(shell("cd " + shell_quoted(backup().string()) + " && sha256sum -c SHA256SUMS").output,
            "database.h2.db: OK\n");
  EXPECT_FALSE(fs::exists(backup() / "database.trace.db"));
  failure = restore();
  ASSERT_FALSE(failure) << failure->what();
  EXPECT_EQ(read(new_db().string() + ".h2.db"), owner_only(before));  // bytes and time, the backup's mode
  EXPECT_EQ(read(old_db().string() + ".h2.db"), before);  // the source is not written
}

TEST_F(H2Backup, AnMvStoreFileIsBackedUpUnderItsOwnName) {
  write(old_db().string() + ".mv.db", "H:2,block:2,blockSize:1000,chunk:1,created:18c,format:1\n" + std::string(4096, '\0'));
  auto failure = back_up();
  ASSERT_FALSE(failure) << failure->what();
  EXPECT_EQ(read(backup() / "database.mv.db"), owner_only(read(old_db().string() + ".mv.db")));
  failure = restore();
  ASSERT_FALSE(failure) << failure->what();
  EXPECT_EQ(read(new_db().string() + ".mv.db"), owner_only(read(old_db().string() + ".mv.db")));
}

TEST_F(H2Backup, ALockFileMeansAServerHasItOpenAndNothingIsWritten) {
  write(old_db().string() + ".h2.db", page_store());
  write(old_db().string() + ".lock.db", "");
  auto failure = back_up();
  ASSERT_TRUE(failure);
  EXPECT_EQ(failure->kind, Kind::Precondition);
  EXPECT_EQ(std::string(failure->what()),
            "cannot back up " + dsn(old_db()) + ": " + old_db().string() +
                ".lock.db exists, so a server has the database open (stop it; if none runs, the lock file is left "
                "from a crash and can be removed)");
  EXPECT_FALSE(fs::exists(backup() / "SHA256SUMS"));
  EXPECT_FALSE(fs::exists(backup() / "database.h2.db"));
}

TEST_F(H2Backup, AFileWithoutAnH2HeaderFailsVerification) {
  write(old_db().string() + ".h2.db", "not a database");
  auto failure = back_up();
  ASSERT_TRUE(failure);
  EXPECT_TRUE(std::string(failure->what()).ends_with("does not start with an H2 page store header")) << failure->what();
  EXPECT_FALSE(fs::exists(backup() / "SHA256SUMS"));
}

TEST_F(H2Backup, AMissingDataFileIsNamed) {
  auto failure = back_up();
  ASSERT_TRUE(failure);
  EXPECT_EQ(std::string(failure->what()), "cannot back up " + dsn(old_db()) + ": its data file " + old_db().string() +
                                              ".h2.db does not exist");
}

TEST_F(H2Backup, RestoreRefusesATargetWithDataUnlessReplacingAndThenLeavesOnlyTheBackup) {
  write(old_db().string() + ".h2.db", page_store());
  ASSERT_FALSE(back_up());
  write(new_db().string() + ".mv.db", "H:2,other data");
  std::string other = read(new_db().string() + ".mv.db");
  auto failure = restore();
  ASSERT_TRUE(failure);
  EXPECT_EQ(failure->kind, Kind::Precondition);
  EXPECT_EQ(std::string(failure->what()), "cannot restore into " + dsn(new_db()) + ": it holds its data file " +
                                              new_db().string() + ".mv.db (set replace: true to replace what it holds)");
  EXPECT_EQ(read(new_db().string() + ".mv.db"), other);
  failure = restore(true);
  ASSERT_FALSE(failure) << failure->what();
  EXPECT_EQ(read(new_db().string() + ".h2.db"), owner_only(read(old_db().string() + ".h2.db")));
  EXPECT_FALSE(fs::exists(new_db().string() + ".mv.db"));  // H2 would open that one otherwise
}

// PATH without the client tools: the step names the Debian package to install, before it
// connects anywhere.
TEST(DatabaseBackupTools, AMissingClientToolIsNamedWithItsDebianPackage) {
  testing::TempDir dir;
  std::string path = std::getenv("PATH");
  ::setenv("PATH", dir.path().c_str(), 1);
  SociDatabases databases;
  DatabaseSteps steps(databases, dir.path() / "work");
  auto postgres = steps.run<BackupStep>(
      {{"database", Value("postgresql://carbon@127.0.0.1:1/carbon")}, {"to", Value((dir.path() / "pg").string())}});
  auto mariadb = steps.run<BackupStep>(
      {{"database", Value("mysql://carbon@127.0.0.1:1/carbon")}, {"to", Value((dir.path() / "my").string())}});
  ::setenv("PATH", path.c_str(), 1);
  ASSERT_TRUE(postgres);
  EXPECT_EQ(std::string(postgres->what()), "cannot dump postgresql://carbon@127.0.0.1:1/carbon: pg_dump is not "
                                           "installed (install the Debian package postgresql-client)");
  ASSERT_TRUE(mariadb);
  EXPECT_EQ(std::string(mariadb->what()), "cannot dump mysql://carbon@127.0.0.1:1/carbon: mariadb-dump is not "
                                          "installed (install the Debian package mariadb-client)");
  EXPECT_FALSE(fs::exists(dir.path() / "pg/SHA256SUMS"));
}

// A database service that knows a login and opens nothing: what the tools are handed is all
// that is looked at.
class LoginOnlyDatabases final : public Databases {
 public:
  std::unique_ptr<DatabaseConnection> open(const Dsn& dsn, const OpenOptions&) override {
    throw DatabaseError("cannot connect to " + dsn.to_string() + ": not in this test");
  }
  std::optional<Credential> login(const Dsn&) const override { return Credential{"carbon", "pw 'secret\" x"}; }
};

TEST(DatabaseBackupTools, PasswordsReachTheToolsInTheirEnvironmentOrAnOptionFileNeverInArgv) {
  testing::TempDir dir;
  LoginOnlyDatabases databases;
  testing::FakeServices fake;
  fake.processes.result.exit_code = 0;
  for (const char* dsn : {"postgresql://carbon@db:5432/carbon", "mysql://carbon@db:3306/carbon"}) {
    testing::StepFixture fixture("backup");
    StepContext context = fixture.context({{"database", Value(dsn)}, {"to", Value((dir.path() / "b").string())}});
    context.services.databases = &databases;
    context.services.processes = &fake.processes;
    context.work_dir = dir.path() / "work";
    EXPECT_ANY_THROW(BackupStep().run(context));  // the scripted tools write no dump
  }
  ASSERT_GE(fake.processes.started.size(), 2u);
  for (const ProcessSpec& spec : fake.processes.started)
    for (const std::string& argument : spec.argv) EXPECT_EQ(argument.find("secret"), std::string::npos) << argument;
  const ProcessSpec& pg_dump = fake.processes.started.front();
  EXPECT_EQ(pg_dump.argv[0], "pg_dump");
  EXPECT_EQ(pg_dump.env.at("PGPASSWORD"), "pw 'secret\" x");
  const ProcessSpec& mariadb_dump = fake.processes.started.back();
  EXPECT_EQ(mariadb_dump.argv[0], "mariadb-dump");
  EXPECT_EQ(mariadb_dump.argv[1], "--defaults-extra-file=" + (dir.path() / "work/client.cnf").string());
  EXPECT_TRUE(mariadb_dump.env.empty());
  EXPECT_FALSE(fs::exists(dir.path() / "work/client.cnf"));  // removed when the tool ended
}

struct ServerCase {
  const char* name;
  const char* env_prefix;
  const char* dump_file;
};

void PrintTo(const ServerCase& server, std::ostream* out) { *out << server.name; }

const ServerCase kServers[] = {
    {"postgresql", "PLANRUN_TEST_POSTGRES", "database.dump"},
    {"mariadb", "PLANRUN_TEST_MARIADB", "database.sql"},
};

class ServerBackup : public ::testing::TestWithParam<ServerCase> {
 protected:
  void SetUp() override {
    PLANRUN_REQUIRE_SERVER(server, GetParam().env_prefix);
    std::string suffix = std::to_string(::getpid()) + "_" +
                         std::to_string(std::hash<std::string>{}(
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name()) %
                                        100000);
    for (const char* role : {"source", "target", "other"}) {
      Dsn dsn = server->dsn;
      dsn.database = "planrun_" + std::string(role) + "_" + suffix;
      credentials.add(dsn, server->password);
      admin() << "CREATE DATABASE " << dsn.database;
      made.push_back(dsn);
    }
    databases.emplace(credentials);
    steps.emplace(*databases, dir.path() / "work");
    steps->secrets = {server->password};
    fill_source();
  }
  void TearDown() override {
    for (const Dsn& dsn : made) admin() << "DROP DATABASE " << dsn.database;
  }

  bool postgres() const { return GetParam().name == std::string("postgresql"); }
  const Dsn& source() const { return made[0]; }
  const Dsn& target() const { return made[1]; }
  const Dsn& other() const { return made[2]; }
  fs::path backup() const { return dir.path() / "backups/db"; }

  soci::session& admin() {
    if (!admin_) {
      DatabaseCredentials own;
      own.add(server->dsn, server->password);
      admin_ = SociDatabases(own).open(server->dsn);
    }
    return admin_->session();
  }

  // Carbon-like content: a table without a primary key, binary data, a named sequence.
  void fill_source() {
    auto db = databases->open(source());
    soci::session& sql = db->session();
    if (postgres()) {
      sql << "CREATE SEQUENCE um_user_pk_seq START 100";
      sql << "CREATE TABLE um_user (id INTEGER DEFAULT nextval('um_user_pk_seq') PRIMARY KEY, name TEXT, data BYTEA)";
      sql << "INSERT INTO um_user (name, data) VALUES ('admin', '\\x00ff10'), ('ann', NULL)";
    } else {
      sql << "CREATE TABLE um_user (id INTEGER AUTO_INCREMENT PRIMARY KEY, name TEXT, data BLOB) AUTO_INCREMENT=100";
      sql << "INSERT INTO um_user (name, data) VALUES ('admin', x'00ff10'), ('ann', NULL)";
    }
    sql << "CREATE TABLE reg_log (tenant INTEGER, action VARCHAR(20))";
    sql << "INSERT INTO reg_log VALUES (-1234, 'add'), (-1234, 'add')";
  }

  // The rows of every table and the next id, as text, for comparing two databases.
  std::string content(const Dsn& dsn) {
    auto db = databases->open(dsn);
    soci::session& sql = db->session();
    std::string text;
    std::string hex = postgres() ? "encode(data, 'hex')" : "hex(data)";
    soci::rowset<soci::row> users = sql.prepare << "SELECT id, name, " + hex + " FROM um_user ORDER BY id";
    for (const soci::row& row : users)
      text += std::to_string(row.get<int>(0)) + "|" + row.get<std::string>(1) + "|" +
              (row.get_indicator(2) == soci::i_null ? "NULL" : row.get<std::string>(2)) + "\n";
    int logs = 0;
    sql << "SELECT COUNT(*) FROM reg_log", soci::into(logs);
    text += "reg_log " + std::to_string(logs) + "\n";
    long long next = 0;
    if (postgres()) sql << "SELECT last_value FROM um_user_pk_seq", soci::into(next);
    else
      sql << "SELECT CAST(auto_increment AS SIGNED) FROM information_schema.tables WHERE table_schema = DATABASE() "
             "AND table_name = 'um_user'",
          soci::into(next);
    return text + "next " + std::to_string(next) + "\n";
  }

  // The database's own restore tool, run by hand as an operator would.
  std::string restore_by_hand(const Dsn& dsn) {
    fs::path file = backup() / GetParam().dump_file;
    std::string port = std::to_string(dsn.port);
    if (postgres())
      return "PGPASSWORD=" + shell_quoted(server->password) + " pg_restore --exit-on-error -h " + dsn.host + " -p " + port +
             " -U " + dsn.user + " -d " + dsn.database + " " + shell_quoted(file.string());
    return "MYSQL_PWD=" + shell_quoted(server->password) + " mariadb -h " + dsn.host + " -P " + port + " -u " + dsn.user +
           " " + dsn.database + " < " + shell_quoted(file.string());
  }

  std::optional<StepFailure> back_up() {
    return steps->run<BackupStep>({{"database", Value(source().to_string())}, {"to", Value(backup().string())}});
  }
  std::optional<StepFailure> restore(const Dsn& into, bool replace = false) {
    return steps->run<RestoreStep>(
        {{"from", Value(backup().string())}, {"database", Value(into.to_string())}, {"replace", Value(replace)}});
  }

  std::optional<testing::TestServer> server;
  testing::TempDir dir;
  DatabaseCredentials credentials;
  std::optional<SociDatabases> databases;
  std::optional<DatabaseSteps> steps;
  std::unique_ptr<DatabaseConnection> admin_;
  std::vector<Dsn> made;
};

TEST_P(ServerBackup, TheDumpRestoresWithTheDatabasesOwnToolAndMatchesTheSource) {
  auto failure = back_up();
  ASSERT_FALSE(failure) << failure->what();
  EXPECT_EQ(shell("cd " + shell_quoted(backup().string()) + " && sha256sum -c SHA256SUMS").output,
            std::string(GetParam().dump_file) + ": OK\n");
  auto by_hand = shell(restore_by_hand(other()));
  ASSERT_EQ(by_hand.exit_code, 0) << by_hand.output;
  EXPECT_EQ(content(other()), content(source()));
  EXPECT_EQ(steps->outputs["path"], Value((backup() / GetParam().dump_file).string()));
  EXPECT_EQ(steps->outputs["sha256"], Value(sha256_of_file(backup() / GetParam().dump_file)));
  EXPECT_EQ(testing::modes_in(backup()), (std::map<std::string, std::string>{
                                             {".", "0700"}, {"SHA256SUMS", "0600"}, {GetParam().dump_file, "0600"}}));
}

TEST_P(ServerBackup, RestoreStepRefusesATargetWithTablesUnlessReplacing) {
  ASSERT_FALSE(back_up());
  auto failure = restore(target());
  ASSERT_FALSE(failure) << failure->what();
  EXPECT_EQ(content(target()), content(source()));
  failure = restore(target());
  ASSERT_TRUE(failure);
  EXPECT_EQ(failure->kind, Kind::Precondition);
  EXPECT_TRUE(std::string(failure->what()).ends_with("(set replace: true to replace what it holds)")) << failure->what();
  databases->open(target())->session() << "CREATE TABLE extra_table (n INTEGER)";
  failure = restore(target(), true);
  ASSERT_FALSE(failure) << failure->what();
  EXPECT_EQ(content(target()), content(source()));
  auto db = databases->open(target());
  int extra = 0;
  db->session() << (postgres() ? "SELECT COUNT(*) FROM pg_class WHERE relname = 'extra_table'"
                               : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() "
                                 "AND table_name = 'extra_table'"),
      soci::into(extra);
  EXPECT_EQ(extra, 0);  // replaced, not merged
}

TEST_P(ServerBackup, ThePasswordIsInNoLogNoArgumentAndNoFileLeftBehind) {
  ASSERT_FALSE(back_up());
  ASSERT_FALSE(restore(target()));
  EXPECT_EQ(steps->log.find(server->password), std::string::npos) << steps->log;
  EXPECT_FALSE(fs::exists(dir.path() / "work/client.cnf"));
  EXPECT_EQ(shell("grep -rF " + shell_quoted(server->password) + " " + shell_quoted(dir.path().string())).exit_code, 1);
}

TEST_P(ServerBackup, RestoreRefusesATamperedDumpBeforeTouchingTheTarget) {
  ASSERT_FALSE(back_up());
  std::ofstream(backup() / GetParam().dump_file, std::ios::app) << "\n-- changed\n";
  auto failure = restore(target());
  ASSERT_TRUE(failure);
  EXPECT_EQ(std::string(failure->what()), "the backup in " + backup().string() + " does not match its SHA256SUMS: " +
                                              GetParam().dump_file + ": checksum differs");
}

INSTANTIATE_TEST_SUITE_P(Servers, ServerBackup, ::testing::ValuesIn(kServers),
                         [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace planrun
