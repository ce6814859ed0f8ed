// The MariaDB copier against the real server of scripts/test-servers.sh, every copy checked by
// an independent dump of both sides (tests/steps/copy_db/mysql_copy_server.h).

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <random>

#include "interpreter/databases/database_error.h"
#include "interpreter/step_kit/step_failure.h"
#include "tests/steps/copy_db/mysql_copy_server.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

using testing::copy_like_copy_db;

class MysqlCopier : public testing::MysqlCopyTest {
 protected:
  // The message of the DatabaseError that making a copier (and listing tables) throws.
  std::string copier_failure(const Dsn& source, const Dsn& target) {
    try {
      SociDatabases databases(credentials);
      make_database_copier(databases, source, target, {})->source_tables();
    } catch (const DatabaseError& error) {
      return error.what();
    }
    return "";
  }
};

TEST_F(MysqlCopier, CopiesSchemaIdentityStateAndEveryValueExactly) {
  load_fixture();
  std::string source_before = dump(from);
  copy_like_copy_db(*copier());
  std::string target = dump(to);
  EXPECT_EQ(target, source_before);
  EXPECT_EQ(dump(from), source_before) << "the source was written";
  // What the dump compares, so that an empty or partial dump cannot pass.
  for (const char* expected : {"AUTO_INCREMENT=41", "CONSTRAINT `UM_USER_ROLE_ibfk_2` FOREIGN KEY", "FULLTEXT KEY `txt_words`",
                               "VIEW `A_VIEW_OF_A_VIEW`", "TRIGGER UM_USER_SALT BEFORE INSERT", "`odd name, with ``quotes`` (and parens)`"})
    EXPECT_NE(target.find(expected), std::string::npos) << expected;
}

TEST_F(MysqlCopier, CopiedTableHasTheSourcesAutoIncrementCounterAndAcceptsNewRows) {
  load_fixture();
  copy_like_copy_db(*copier());
  auto target = session(to);
  target->execute("INSERT INTO REG_RESOURCE_TAG (REG_TENANT_ID, REG_TAG_ID) VALUES (-1234, 99)", "test");
  auto rows = target->rows("SELECT MAX(REG_ID) FROM REG_RESOURCE_TAG", "test");
  EXPECT_EQ(rows[0][0], "41");
  target->execute("INSERT INTO UM_USER (UM_USER_NAME, UM_USER_PASSWORD, UM_TENANT_ID) VALUES ('new', 'h', -1234)", "test");
  EXPECT_EQ(target->rows("SELECT UM_SALT_VALUE FROM UM_USER WHERE UM_USER_NAME = 'new'", "test")[0][0], "default-salt");
}

TEST_F(MysqlCopier, SummariesAreTheSameOnBothSidesAndDifferWhenAValueDiffers) {
  load_fixture();
  auto summaries = copy_like_copy_db(*copier());
  EXPECT_EQ(summaries["HARD_VALUES"].rows, 5);
  EXPECT_EQ(summaries["REG_LOG_NO_KEY"].rows, 3);
  session(to)->execute("UPDATE HARD_VALUES SET f = 3.4028232e38 WHERE id = 1", "test");
  EXPECT_NE(copier()->target_summary("HARD_VALUES"), summaries["HARD_VALUES"]);
}

// Rows written to the source after the copier took its snapshot are not copied, in any table
// and from either worker; the version tells that the source was written.
TEST_F(MysqlCopier, EveryWorkerReadsTheOneSnapshotTakenAtTheStart) {
  load_fixture();
  std::string source_before = dump(from);
  auto copy = copier({.jobs = 2});
  std::string version = copy->source_version();
  auto writer = session(from);
  writer->execute("INSERT INTO UM_TENANT (UM_DOMAIN_NAME, UM_CREATED_DATE) VALUES ('late.example', NOW())", "test");
  writer->execute("DELETE FROM REG_LOG_NO_KEY", "test");
  writer->execute("UPDATE HARD_VALUES SET txt = 'changed'", "test");
  copy_like_copy_db(*copy);
  std::string target = dump(to);
  EXPECT_EQ(target.find("late.example"), std::string::npos);
  EXPECT_EQ(target.find("changed"), std::string::npos);
  // Counters come from the catalogue, which no snapshot holds: a later insert may raise one.
  size_t counter = target.find("AUTO_INCREMENT=9 ");
  ASSERT_NE(counter, std::string::npos);
  EXPECT_EQ(target.replace(counter, 17, "AUTO_INCREMENT=8 "), source_before);
  EXPECT_NE(copy->source_version(), version);
}

TEST_F(MysqlCopier, SourceVersionStaysTheSameWhileNothingIsWritten) {
  load_fixture();
  auto copy = copier();
  std::string version = copy->source_version();
  copy_like_copy_db(*copy);
  EXPECT_EQ(copier()->source_version(), version);
  session(from)->execute("INSERT INTO MYISAM_NOTES (note) VALUES ('three')", "test");
  EXPECT_NE(copier()->source_version(), version);
}

// A write in the last second makes the copier wait for the second to pass (up to three times
// 1.1 s); a cancellation ends that wait: the copier is not even made.
TEST_F(MysqlCopier, ACancellationEndsTheWaitForASettledUpdateTime) {
  load_fixture();
  CancellationToken cancel;
  cancel.request();
  session(from)->execute("INSERT INTO MYISAM_NOTES (note) VALUES ('just now')", "test");
  auto started = std::chrono::steady_clock::now();
  try {
    copier({.cancel = &cancel});
    FAIL() << "the copier was made";
  } catch (const StepFailure& failure) {
    EXPECT_EQ(failure.kind, StepFailure::Kind::Cancelled);
  }
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(1000));
}

// A rerun after a kill: create_tables leaves existing tables, copy_table empties first,
// finish_schema adds only what is missing.
TEST_F(MysqlCopier, RunningTheSequenceAgainOverACompleteCopyChangesNothing) {
  load_fixture();
  copy_like_copy_db(*copier());
  std::string once = dump(to);
  copy_like_copy_db(*copier());
  EXPECT_EQ(dump(to), once);
}

TEST_F(MysqlCopier, KilledAtRandomMomentsAndResumedEndsInAnExactCopy) {
  load_fixture();
  load_bulk(120000);
  std::string source_before = dump(from);
  std::mt19937 random(std::random_device{}());
  int killed = 0;
  for (int round = 0; round < 4; ++round) {
    pid_t child = fork();
    if (child == 0) {
      try {
        copy_like_copy_db(*copier({.jobs = 2, .batch_rows = 5000}));
      } catch (...) {
        _exit(1);
      }
      _exit(0);
    }
    // Short enough that four rounds together do less than the whole copy (a resumed round only
    // does what is left; with kills up to 1.5 s a second round could finish it and the later
    // rounds then had nothing left to interrupt).
    usleep(std::uniform_int_distribution<int>(30, 350)(random) * 1000);
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    killed += WIFSIGNALED(status);
  }
  EXPECT_GE(killed, 3) << "the copies ended before the kills: the bulk table is too small to kill them part-way";
  copy_like_copy_db(*copier());
  EXPECT_EQ(dump(to), source_before);
}

// ... and the server stops reading the table at once, while the copier still lives: cutting
// only the client's socket left the server's thread writing rows into it until
// net_write_timeout (60 s), holding the table's metadata lock; a DROP TABLE waited for it.
TEST_F(MysqlCopier, CancelledCopyStopsWithCancelledAndEndsTheServersRead) {
  load_fixture();
  load_bulk(30000);
  auto copy = copier({.jobs = 1, .batch_rows = 1000});
  copy->create_tables(copy->source_tables());
  CancellationToken cancel;
  int batches = 0;
  try {
    copy->copy_table("REG_RESOURCE", [&](uint64_t, uint64_t) { if (++batches == 2) cancel.request(); }, cancel);
    FAIL() << "not cancelled";
  } catch (const StepFailure& failure) {
    EXPECT_EQ(failure.kind, StepFailure::Kind::Cancelled);
    EXPECT_NE(std::string(failure.what()).find("REG_RESOURCE"), std::string::npos);
  }
  EXPECT_EQ(batches, 2);
  // Before the fix the DROP waited out this timeout (the server's thread held the lock 60 s).
  admin->execute("SET SESSION lock_wait_timeout = 10", "test");
  EXPECT_NO_THROW(admin->execute("DROP TABLE " + MysqlDialect::quote_identifier(from.database) + ".REG_RESOURCE", "test"));
}

TEST_F(MysqlCopier, ReportsRowsAndBytesAsTheyReachTheTarget) {
  load_bulk(25000);
  auto copy = copier({.jobs = 1, .batch_rows = 10000});
  copy->create_tables({"REG_RESOURCE"});
  std::vector<uint64_t> batches;
  uint64_t bytes = 0;
  CancellationToken never;
  copy->copy_table("REG_RESOURCE", [&](uint64_t rows, uint64_t size) { batches.push_back(rows), bytes += size; }, never);
  EXPECT_EQ(batches, (std::vector<uint64_t>{10000, 10000, 5000}));
  EXPECT_GT(bytes, 25000u * 200);
  EXPECT_GT(copy->estimate("REG_RESOURCE").rows, 0u);
}

TEST_F(MysqlCopier, TargetTablesListsTablesAndViewsAndDropTablesRemovesThem) {
  load_fixture();
  auto copy = copier();
  EXPECT_TRUE(copy->target_tables().empty());
  copy_like_copy_db(*copy);
  auto objects = copy->target_tables();
  EXPECT_NE(std::find(objects.begin(), objects.end(), "UM_ADMINS"), objects.end());
  EXPECT_NE(std::find(objects.begin(), objects.end(), "HARD_VALUES"), objects.end());
  copy->drop_tables(copy->source_tables());
  EXPECT_TRUE(copy->target_tables().empty());
}

TEST_F(MysqlCopier, WithoutTheReloadPrivilegeOneWorkerReadsTheSnapshot) {
  load_fixture();
  std::string source_before = dump(from);
  Dsn reader = restricted_login("planrun_reader", {"SELECT, SHOW VIEW, TRIGGER ON `" + from.database + "`.*"}, from);
  SociDatabases with_reader(credentials);
  auto copy = make_database_copier(with_reader, reader, to, {.jobs = 2});
  session(from)->execute("UPDATE HARD_VALUES SET txt = 'changed'", "test");
  copy_like_copy_db(*copy, 2);
  EXPECT_EQ(dump(to).find("changed"), std::string::npos);
}

TEST_F(MysqlCopier, ALoginThatCannotReadTheWholeDatabaseIsRefused) {
  load_fixture();
  Dsn partial = restricted_login("planrun_partial", {"SELECT ON `" + from.database + "`.UM_USER"}, from);
  std::string message = copier_failure(partial, to);
  EXPECT_NE(message.find("copy-db cannot read all of " + partial.to_string() + ": the login 'planrun_partial'@'127.0.0.1' "
                         "has no SELECT on the whole database"), std::string::npos) << message;
}

TEST_F(MysqlCopier, ASpatialColumnIsRefusedNamingTheTableAndColumn) {
  session(from)->execute("CREATE TABLE PLACES (id INT PRIMARY KEY, location POINT)", "set up");
  auto copy = copier();
  try {
    copy->create_tables(copy->source_tables());
    FAIL() << "copied a POINT";
  } catch (const DatabaseError& error) {
    EXPECT_EQ(std::string(error.what()), "copy-db cannot copy column `location` of table `PLACES` on " + from.to_string() +
                                             ": its type point is not carried exactly by this copier (spatial types are not supported)");
  }
  EXPECT_TRUE(copy->target_tables().empty());
}

TEST_F(MysqlCopier, ASequenceIsRefusedByName) {
  session(from)->execute("CREATE SEQUENCE REG_ID_SEQ", "set up");
  std::string message = copier_failure(from, to);
  EXPECT_EQ(message, "copy-db cannot copy `REG_ID_SEQ` of " + from.to_string() +
                         ": it is a SEQUENCE, which this copier does not carry (only base tables and views)");
}

TEST_F(MysqlCopier, MissingDatabaseWrongPasswordAndClosedPortNameTheDatabaseWithoutThePassword) {
  Dsn missing = database("planrun_no_such_database");
  std::string message = copier_failure(missing, to);
  EXPECT_TRUE(message.starts_with("cannot connect to " + missing.to_string() + ": ")) << message;
  EXPECT_NE(message.find("Unknown database"), std::string::npos) << message;

  Dsn wrong = from;
  wrong.user = "planrun_wrong";
  restricted_login("planrun_wrong", {}, from);
  credentials.add(wrong, "not the password");
  message = copier_failure(wrong, to);
  EXPECT_NE(message.find("Access denied for user 'planrun_wrong'"), std::string::npos) << message;
  EXPECT_EQ(message.find("not the password"), std::string::npos) << message;

  Dsn closed = database(to.database);
  closed.port = 1;
  credentials.add(closed, server->password);
  message = copier_failure(from, closed);
  EXPECT_TRUE(message.starts_with("cannot connect to " + closed.to_string() + ": ")) << message;
  EXPECT_EQ(message.find(server->password), std::string::npos) << message;
}

}  // namespace
}  // namespace planrun
