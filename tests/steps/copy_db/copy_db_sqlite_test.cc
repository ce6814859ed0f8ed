// copy-db on real SQLite files: every copy is checked with the sqlite3 program's own .dump of
// both files (schema, AUTOINCREMENT counters and every value as SQL text), not with
// planrun's checksums; the source's bytes are compared before and after.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "interpreter/databases/soci_databases.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/steps/copy_db/copy_journal.h"
#include "interpreter/steps/copy_db/copy_db_step.h"
#include "tests/support/parsed_dsn.h"
#include "tests/steps/copy_db/carbon_like_sqlite.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;
using Kind = StepFailure::Kind;

std::string output_of(const std::string& command) {
  std::string text;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return "popen failed";
  char buffer[65536];
  for (size_t got; (got = fread(buffer, 1, sizeof buffer, pipe)) > 0;) text.append(buffer, got);
  pclose(pipe);
  return text;
}

// The sqlite3 program's dump: the independent witness of an exact copy.
std::string dump(const fs::path& file) { return output_of("sqlite3 '" + file.string() + "' .dump"); }

std::string bytes_of(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void execute(const fs::path& file, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  char* message = nullptr;
  int status = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
  std::string error = message ? message : "";
  sqlite3_free(message);
  sqlite3_close(db);
  ASSERT_EQ(status, SQLITE_OK) << error;
}

class CopyDbSqlite : public ::testing::Test {
 protected:
  void SetUp() override {
    execute(source, testing::carbon_like_sqlite_schema());
    execute(source, testing::carbon_like_sqlite_data(300));
  }

  StepContext context(Value::Map fields = {}) {
    fields.emplace("from", "sqlite:" + source.string());
    fields.emplace("to", "sqlite:" + target.string());
    StepContext made = fixture.context(std::move(fields));
    made.services.databases = &databases;
    return made;
  }

  StepFailure failure(Value::Map fields = {}) {
    try {
      StepContext run = context(std::move(fields));
      CopyDbStep().run(run);
    } catch (const StepFailure& failure) {
      return failure;
    }
    ADD_FAILURE() << "copy-db did not fail";
    return StepFailure(Kind::Failed, "");
  }

  testing::StepFixture fixture{"copy-db"};
  SociDatabases databases;
  fs::path source = fixture.dir.path() / "carbon.db";
  fs::path target = fixture.dir.path() / "staging.db";
};

TEST_F(CopyDbSqlite, CopiesSchemaCountersAndEveryValueExactly) {
  std::string before = bytes_of(source);
  StepContext run = context();
  CopyDbStep().run(run);
  EXPECT_TRUE(bytes_of(source) == before);
  EXPECT_EQ(dump(target), dump(source));
  EXPECT_NE(dump(source).find("INSERT INTO sqlite_sequence"), std::string::npos);  // the dump shows counters
  EXPECT_FALSE(fs::exists(source.string() + "-wal"));
  EXPECT_FALSE(fs::exists(source.string() + "-journal"));
  EXPECT_EQ(run.outputs.at("tables"), Value(int64_t{8}));
  EXPECT_EQ(output_of("sqlite3 '" + target.string() + "' 'PRAGMA integrity_check'"), "ok\n");
}

TEST_F(CopyDbSqlite, CopiesAWalSourceWithoutWritingIt) {
  // A writer that stays open keeps its -wal file (closing the last connection folds it in).
  sqlite3* writer = nullptr;
  ASSERT_EQ(sqlite3_open(source.c_str(), &writer), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(writer, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; "
                                 "INSERT INTO REG_LOG VALUES (7, '/wal', 1, NULL, '2026', 0);",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  ASSERT_TRUE(fs::exists(source.string() + "-wal"));
  std::string before = bytes_of(source) + bytes_of(source.string() + "-wal");
  StepContext run = context();
  CopyDbStep().run(run);
  EXPECT_TRUE(bytes_of(source) + bytes_of(source.string() + "-wal") == before);
  EXPECT_EQ(dump(target), dump(source));
  EXPECT_NE(dump(target).find("'/wal'"), std::string::npos);  // read through the -wal
  sqlite3_close(writer);
}

TEST_F(CopyDbSqlite, ReportsProgressInRowsAndBytes) {
  StepContext run = context();
  CopyDbStep().run(run);
  EXPECT_GT(fixture.progress.done, 900u);
  EXPECT_GT(fixture.progress.counters.at("bytes"), 100u * 1000u);
  EXPECT_EQ(fixture.progress.counters.at("table REG_LOG"), 303u);
}

TEST_F(CopyDbSqlite, RefusesATargetThatIsNotEmptyNamingItsTables) {
  execute(target, "CREATE TABLE mine (x); CREATE TABLE yours (y);");
  StepFailure refused = failure();
  EXPECT_EQ(refused.kind, Kind::Precondition);
  EXPECT_EQ(std::string(refused.what()),
            "the target sqlite:" + target.string() + " must be empty but holds 2 tables: mine, yours");
  EXPECT_EQ(dump(target), "PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\nCREATE TABLE mine (x);\nCREATE TABLE yours (y);\nCOMMIT;\n");
}

TEST_F(CopyDbSqlite, CopiesTheSelectedTablesOnly) {
  StepContext run = context({{"tables", Value::List{"UM_TENANT", "UM_USER", "REG_LOG"}},
                             {"exclude_tables", Value::List{"REG_LOG"}}});
  CopyDbStep().run(run);
  EXPECT_EQ(output_of("sqlite3 '" + target.string() + "' \"SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name\""),
            "UM_TENANT\nUM_USER\nsqlite_sequence\n");
  EXPECT_EQ(output_of("sqlite3 '" + target.string() + "' 'SELECT * FROM sqlite_sequence'"), "UM_TENANT|3\n");
}

TEST_F(CopyDbSqlite, AnUnknownTableNameIsAPreconditionNamingIt) {
  StepFailure refused = failure({{"exclude_tables", Value::List{"UM_USERS"}}});
  EXPECT_EQ(refused.kind, Kind::Precondition);
  EXPECT_NE(std::string(refused.what()).find("the source has no table named UM_USERS"), std::string::npos);
  EXPECT_FALSE(fs::exists(target) && fs::file_size(target) > 0);
}

TEST_F(CopyDbSqlite, AMissingSourceFailsNamingIt) {
  fs::remove(source);
  StepFailure refused = failure();
  EXPECT_EQ(refused.kind, Kind::Failed);
  EXPECT_NE(std::string(refused.what()).find(source.string()), std::string::npos) << refused.what();
  EXPECT_FALSE(fs::exists(source));
  EXPECT_FALSE(fs::exists(target));  // nothing created on the way to the refusal
}

// An interrupted attempt: the journal says two tables are done; the target holds them, the
// half of a third (its rows must not be duplicated) and nothing else.
class CopyDbSqliteResume : public CopyDbSqlite {
 protected:
  // What copy-db itself does up to a kill: the journal started, every table created, two
  // tables copied and recorded, one row of a third committed without its checkpoint.
  void interrupt_after_two_tables() {
    Dsn from = testing::parsed_dsn("sqlite:" + source.string()), to = testing::parsed_dsn("sqlite:" + target.string());
    std::unique_ptr<DatabaseCopier> copier = make_database_copier(databases, from, to, {});
    CopyJournal journal(fixture.checkpoints);
    std::vector<std::string> tables = copier->source_tables();
    journal.start({copier->source_version(), to.to_string(), tables});
    copier->create_tables(tables);
    for (const char* table : {"UM_TENANT", "UM_USER"})
      journal.table_copied(table, copier->copy_table(table, nullptr, fixture.cancel));
    copier.reset();
    execute(target, "INSERT INTO REG_LOG VALUES (1, '/a', 1, NULL, '2026-01-01', -1234);");
  }
};

TEST_F(CopyDbSqliteResume, SkipsFinishedTablesAndNeverDuplicatesRowsOfTheInterruptedOne) {
  interrupt_after_two_tables();
  // A mark in a finished table shows whether it was copied again.
  execute(target, "UPDATE UM_USER SET UM_SALT_VALUE = 'kept' WHERE UM_USER_NAME = 'admin' AND UM_TENANT_ID = -1234");
  StepContext resumed = context({{"verify", false}});
  resumed.resuming = true;
  CopyDbStep().run(resumed);
  EXPECT_EQ(output_of("sqlite3 '" + target.string() + "' \"SELECT UM_SALT_VALUE FROM UM_USER WHERE UM_USER_NAME = 'admin' AND UM_TENANT_ID = -1234\""),
            "kept\n");
  EXPECT_EQ(output_of("sqlite3 '" + target.string() + "' 'SELECT count(*) FROM REG_LOG'"), "303\n");
  EXPECT_NE(std::find(fixture.log.infos.begin(), fixture.log.infos.end(),
                      "2 of 8 tables were copied by an earlier attempt; copying the other 6"),
            fixture.log.infos.end())
      << ::testing::PrintToString(fixture.log.infos);
}

TEST_F(CopyDbSqliteResume, ResumedCopyIsExact) {
  interrupt_after_two_tables();
  StepContext resumed = context();
  CopyDbStep().run(resumed);
  EXPECT_EQ(dump(target), dump(source));
}

TEST_F(CopyDbSqliteResume, ASourceWrittenSinceTheInterruptionMakesItStartOver) {
  interrupt_after_two_tables();
  execute(source, "UPDATE UM_USER SET UM_SALT_VALUE = 'changed' WHERE UM_ID = 1");
  StepContext resumed = context();
  CopyDbStep().run(resumed);
  EXPECT_EQ(dump(target), dump(source));
  ASSERT_EQ(fixture.log.warnings.size(), 1u);
  EXPECT_NE(fixture.log.warnings[0].find("the source was written since the interrupted attempt"), std::string::npos);
}

TEST_F(CopyDbSqliteResume, VerificationNamesATableThatDiffers) {
  interrupt_after_two_tables();
  execute(target, "UPDATE UM_USER SET UM_SALT_VALUE = 'tampered' WHERE UM_ID = 1");
  StepFailure mismatch = failure();
  EXPECT_EQ(mismatch.kind, Kind::Failed);
  std::string message = mismatch.what();
  EXPECT_EQ(message.rfind("the copy differs from the source in 1 table: UM_USER (source 303 rows, checksum ", 0), 0u)
      << message;
}

TEST_F(CopyDbSqliteResume, DiscardingPartialWorkDropsOnlyCopyDbsTables) {
  interrupt_after_two_tables();
  StepContext changed = context();
  CopyDbStep().discard_partial_work(changed);
  EXPECT_EQ(output_of("sqlite3 '" + target.string() + "' \"SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name\""),
            "sqlite_sequence\n");
}

}  // namespace
}  // namespace planrun
