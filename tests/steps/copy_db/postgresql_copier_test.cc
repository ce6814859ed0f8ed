// The PostgreSQL copier against the real server scripts/test-servers.sh starts: every copy is
// checked by an independent comparison (pg_dump --schema-only, ordered text COPY of every table,
// every sequence's state), not by the copier's own checksums.

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

#include "interpreter/databases/database_error.h"
#include "interpreter/step_kit/step_failure.h"
#include "tests/steps/copy_db/postgresql_copy_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

using testing::copy_like_the_step;
using testing::PgCopyDatabases;
using testing::PgTestSession;
using testing::read_content;

class PostgresqlCopier : public ::testing::Test {
 protected:
  void SetUp() override {
    PLANRUN_REQUIRE_SERVER(server, "PLANRUN_TEST_POSTGRES");
    databases = std::make_unique<PgCopyDatabases>(*server);
    source = std::make_unique<PgTestSession>(*server, databases->source_name);
    target = std::make_unique<PgTestSession>(*server, databases->target_name);
    service = std::make_unique<SociDatabases>(databases->credentials());
  }

  std::unique_ptr<DatabaseCopier> copier(CopyOptions options = {}) {
    return make_postgresql_copier(*service, databases->source, databases->target, options);
  }

  // The message of the DatabaseError that `action` throws; "" when it throws none.
  template <typename Action>
  std::string failure_of(Action action) {
    try {
      action();
    } catch (const DatabaseError& error) {
      return error.what();
    }
    return "";
  }

  std::optional<testing::TestServer> server;
  std::unique_ptr<PgCopyDatabases> databases;
  std::unique_ptr<PgTestSession> source, target;
  std::unique_ptr<SociDatabases> service;
};

TEST_F(PostgresqlCopier, CopiesTheCarbonLikeDatabaseExactly) {
  testing::load_carbon_like(*source, 3000);
  auto before = read_content(*server, databases->source_name);
  auto copy = copier();
  auto summaries = copy_like_the_step(*copy, 2);
  auto after = read_content(*server, databases->source_name);
  testing::expect_same_content(before, read_content(*server, databases->target_name));
  EXPECT_TRUE(before == after) << "the source changed";
  for (const auto& [table, summary] : summaries) EXPECT_EQ(copy->target_summary(table), summary) << table;
  EXPECT_EQ(summaries.at("um_user").rows, 3000);
  EXPECT_EQ(summaries.at("reg_resource_vids").rows, 3);
  EXPECT_EQ(summaries.at("Hard \"Values\" Table").rows, 5);
}

TEST_F(PostgresqlCopier, ListsTablesSequencesAndViewsOfTheTarget) {
  testing::load_carbon_like(*source, 10);
  auto copy = copier();
  EXPECT_TRUE(copy->target_tables().empty());
  std::vector<std::string> tables = copy->source_tables();
  EXPECT_EQ(tables.front(), "Hard \"Values\" Table");
  EXPECT_EQ(tables.size(), 12u);
  copy_like_the_step(*copy, 1);
  std::vector<std::string> present = copy->target_tables();
  for (const char* name : {"um_user", "um_tenant_pk_seq", "Odd Seq \"1\"", "um_user_summary", "um_claim_um_id_seq"})
    EXPECT_NE(std::find(present.begin(), present.end(), name), present.end()) << name;
  copy->drop_tables(tables);
  EXPECT_TRUE(copy->target_tables().empty()) << ::testing::PrintToString(copy->target_tables());
}

// copy-db's `tables`/`exclude_tables`: foreign keys to a table left behind, views reading one, and
// sequences owned by one's columns stay behind too; finish_schema may run again.
TEST_F(PostgresqlCopier, ASelectionOfTablesTakesOnlyWhatBelongsToThem) {
  testing::load_carbon_like(*source, 50);
  auto copy = copier();
  std::vector<std::string> tables = {"um_user", "um_user_role"};
  copy->create_tables(tables);
  CancellationToken never;
  for (const std::string& table : tables) copy->copy_table(table, {}, never);
  copy->finish_schema(tables);
  copy->finish_schema(tables);
  std::vector<std::string> present = copy->target_tables();
  for (const char* name : {"um_user", "um_user_role", "um_user_summary", "um_big_tenants", "um_tenant_pk_seq"})
    EXPECT_NE(std::find(present.begin(), present.end(), name), present.end()) << name;
  for (const char* name : {"um_role", "Hard View", "um_claim_um_id_seq"})
    EXPECT_EQ(std::find(present.begin(), present.end(), name), present.end()) << name;
  EXPECT_EQ(target->value("SELECT string_agg(confrelid::regclass::text, ',') FROM pg_constraint "
                          "WHERE contype = 'f' AND connamespace = 'public'::regnamespace"),
            "um_user");
  EXPECT_EQ(target->value("SELECT count(*) FROM pg_constraint WHERE contype IN ('p', 'u') "
                          "AND connamespace = 'public'::regnamespace"),
            "4");
  EXPECT_EQ(target->value("SELECT sum(users) FROM um_big_tenants"), "50");
}

TEST_F(PostgresqlCopier, ASecondCopyOfATableReplacesItsRows) {
  testing::load_carbon_like(*source, 100);
  auto copy = copier();
  copy_like_the_step(*copy, 2);
  CancellationToken never;
  TableSummary again = copy->copy_table("reg_log", {}, never);
  EXPECT_EQ(again.rows, 50);
  EXPECT_EQ(target->value("SELECT count(*) FROM reg_log"), "50");
  EXPECT_EQ(copy->target_summary("reg_log"), again);
}

TEST_F(PostgresqlCopier, SummariesDifferWhenOneValueDiffers) {
  testing::load_carbon_like(*source, 10);
  auto copy = copier();
  auto summaries = copy_like_the_step(*copy, 2);
  target->execute("UPDATE reg_content SET reg_content_data = '\\x' WHERE reg_content_id = -7");  // NULL -> empty
  EXPECT_NE(copy->target_summary("reg_content"), summaries.at("reg_content"));
  target->execute("UPDATE reg_content SET reg_content_data = NULL WHERE reg_content_id = -7");
  EXPECT_EQ(copy->target_summary("reg_content"), summaries.at("reg_content"));
  target->execute("DELETE FROM reg_resource_vids WHERE ctid = (SELECT min(ctid) FROM reg_resource_vids)");
  EXPECT_NE(copy->target_summary("reg_resource_vids"), summaries.at("reg_resource_vids"));  // a duplicate gone
}

// Every worker reads the snapshot taken when the copier was made, whatever is written since.
TEST_F(PostgresqlCopier, AllWorkersReadOneSnapshot) {
  testing::load_carbon_like(*source, 200);
  auto copy = copier({.jobs = 2});
  source->execute("INSERT INTO reg_log SELECT * FROM reg_log; DELETE FROM um_user_role; UPDATE um_tenant SET um_email = 'x'");
  auto summaries = copy_like_the_step(*copy, 2);
  EXPECT_EQ(summaries.at("reg_log").rows, 100);
  EXPECT_EQ(target->value("SELECT count(*) FROM um_user_role"), "200");
  EXPECT_EQ(target->value("SELECT count(*) FROM um_tenant WHERE um_email = 'x'"), "0");
}

TEST_F(PostgresqlCopier, SourceVersionChangesWithAWriteAndOnlyThen) {
  testing::load_carbon_like(*source, 10);
  source.reset();  // its row counts are published when it ends, a moment after it closes
  std::string first = copier()->source_version();
  for (int i = 0; i < 50; ++i, usleep(100000)) {
    std::string settled = copier()->source_version();
    if (settled == first) break;
    first = settled;
  }
  EXPECT_EQ(copier()->source_version(), first);
  // A session publishes its row counts when it ends (or, still open, within seconds).
  PgTestSession(*server, databases->source_name).execute("UPDATE um_claim SET um_claim_uri = um_claim_uri");
  bool changed = false;
  for (int i = 0; i < 50 && !changed; ++i, usleep(100000)) changed = copier()->source_version() != first;
  EXPECT_TRUE(changed);
  std::string second = copier()->source_version();
  PgTestSession(*server, databases->source_name).execute("ALTER TABLE um_claim ADD COLUMN extra INTEGER");
  EXPECT_NE(copier()->source_version(), second);
}

TEST_F(PostgresqlCopier, CancellationStopsTheCopyAndLeavesTheTableAsItWas) {
  testing::load_carbon_like(*source, 500);
  auto copy = copier({.jobs = 1, .batch_rows = 10});
  std::vector<std::string> tables = copy->source_tables();
  copy->create_tables(tables);
  CancellationToken cancel;
  cancel.request();
  try {
    copy->copy_table("um_user", {}, cancel);
    ADD_FAILURE() << "no cancellation";
  } catch (const StepFailure& failure) {
    EXPECT_EQ(failure.kind, StepFailure::Kind::Cancelled);
    EXPECT_NE(std::string(failure.what()).find("um_user"), std::string::npos) << failure.what();
  }
  EXPECT_EQ(target->value("SELECT count(*) FROM um_user"), "0");
  CancellationToken never;
  EXPECT_EQ(copy->copy_table("um_user", {}, never).rows, 500);
}

TEST_F(PostgresqlCopier, ProgressIsToldEveryBatch) {
  testing::load_carbon_like(*source, 1000);
  auto copy = copier({.jobs = 1, .batch_rows = 100});
  copy->create_tables(copy->source_tables());
  std::vector<uint64_t> reports;
  uint64_t bytes = 0;
  CancellationToken never;
  copy->copy_table("um_user", [&](uint64_t rows, uint64_t size) { reports.push_back(rows), bytes += size; }, never);
  EXPECT_GE(reports.size(), 10u);
  EXPECT_EQ(std::accumulate(reports.begin(), reports.end(), uint64_t{0}), 1000u);
  EXPECT_GT(bytes, 1000u * 40);
  TableEstimate estimate = copy->estimate("um_user");
  EXPECT_GT(estimate.bytes, 0u);
}

TEST_F(PostgresqlCopier, ATableWithoutSelectIsAnErrorNamingItAndTheDatabase) {
  testing::load_carbon_like(*source, 10);
  source->execute("REVOKE ALL ON reg_log FROM CURRENT_USER");
  auto copy = copier();
  copy->create_tables(copy->source_tables());
  CancellationToken never;
  std::string message = failure_of([&] { copy->copy_table("reg_log", {}, never); });
  EXPECT_EQ(message, "cannot read table reg_log on " + databases->source.to_string() +
                         ": permission denied for table reg_log");
  EXPECT_EQ(copy->copy_table("um_user", {}, never).rows, 10) << "the copier goes on after a failed table";
}

TEST_F(PostgresqlCopier, AColumnTypeItCannotCarryIsAnErrorNamingTableAndColumn) {
  source->execute("CREATE TYPE mood AS ENUM ('sad', 'ok'); CREATE TABLE feelings (id INTEGER, how mood)");
  auto copy = copier();
  std::string message = failure_of([&] { copy->create_tables(copy->source_tables()); });
  EXPECT_EQ(message, "cannot copy table feelings of " + databases->source.to_string() +
                         ": its column how has the type mood, which the database defines itself; copy-db carries "
                         "only PostgreSQL's built-in types");
  EXPECT_TRUE(copy->target_tables().empty());
}

TEST_F(PostgresqlCopier, PartitionedTablesAreRefusedByName) {
  source->execute("CREATE TABLE events (at DATE) PARTITION BY RANGE (at)");
  std::string message = failure_of([&] { copier()->source_tables(); });
  EXPECT_NE(message.find("cannot copy table events of " + databases->source.to_string() + ": it is partitioned"),
            std::string::npos)
      << message;
}

TEST_F(PostgresqlCopier, UnreachableWrongPasswordAndMissingDatabaseAreClearErrors) {
  const std::string wrong = "not the 'password'";
  DatabaseCredentials wrong_credentials;
  wrong_credentials.add(databases->source, wrong);
  SociDatabases wrong_service(wrong_credentials);
  std::string message = failure_of([&] {
    make_postgresql_copier(wrong_service, databases->source, databases->target, {});
  });
  EXPECT_TRUE(message.starts_with("cannot connect to " + databases->source.to_string())) << message;
  EXPECT_NE(message.find("password authentication failed"), std::string::npos) << message;
  EXPECT_EQ(message.find(wrong), std::string::npos);
  EXPECT_EQ(message.find(server->password), std::string::npos);

  Dsn missing = databases->dsn("no_such_database_here");
  DatabaseCredentials missing_credentials = databases->credentials();
  missing_credentials.add(missing, server->password);
  SociDatabases missing_service(missing_credentials);
  message = failure_of([&] { make_postgresql_copier(missing_service, missing, databases->target, {}); });
  EXPECT_NE(message.find("database \"no_such_database_here\" does not exist"), std::string::npos) << message;

  Dsn closed = databases->source;
  closed.host = "127.0.0.1";
  closed.port = 1;
  message = failure_of([&] { make_postgresql_copier(*service, databases->source, closed, {}); });
  EXPECT_TRUE(message.starts_with("cannot connect to " + closed.to_string())) << message;
}

}  // namespace
}  // namespace planrun
