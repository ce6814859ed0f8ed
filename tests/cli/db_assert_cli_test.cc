// assert-same-dbtype and assert-db-empty through the real binary, on SQLite files.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "interpreter/databases/soci_databases.h"
#include "tests/support/planrun_binary.h"

#include <soci/soci.h>

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;

std::string bytes_of(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

Dsn sqlite_dsn(const fs::path& file) {
  Dsn dsn;
  dsn.kind = Dsn::Kind::Sqlite;
  dsn.path = file.string();
  return dsn;
}

class DbAssertCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("planrun-dbassert-" + std::to_string(getpid()) + "-" +
                                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
    auto source = SociDatabases().open(sqlite_dsn(dir / "source.db"));
    source->session() << "CREATE TABLE um_user (id INTEGER, name TEXT)";
    source->session() << "INSERT INTO um_user VALUES (1, 'admin')";
    std::ofstream(dir / "plan.yaml") << "planrun: 1\nname: db-checks\nsteps:\n"
                                        "  - id: same-type\n    type: assert-same-dbtype\n"
                                        "    with: {source: \"sqlite:" << (dir / "source.db").string()
                                     << "\", target: \"jdbc:sqlite:" << (dir / "staging.db").string() << "\"}\n"
                                        "  - id: staging-empty\n    type: assert-db-empty\n    needs: [same-type]\n"
                                        "    with: {database: \"sqlite:" << (dir / "staging.db").string() << "\"}\n";
  }
  void TearDown() override { fs::remove_all(dir); }

  testing::Outcome planrun(const std::string& args) {
    return testing::run_planrun(args + " " + (dir / "plan.yaml").string(), dir.string());
  }

  fs::path dir;
};

TEST_F(DbAssertCli, PlanSaysWhatBothChecksWouldDo) {
  testing::Outcome outcome = planrun("plan");
  EXPECT_EQ(outcome.exit_code, 0) << outcome.output;
  EXPECT_NE(outcome.output.find("=> would check that sqlite:" + (dir / "source.db").string() + " and sqlite:" +
                                (dir / "staging.db").string() +
                                " are of the same database type, reading their versions\n"),
            std::string::npos)
      << outcome.output;
  EXPECT_NE(outcome.output.find("=> would check that sqlite:" + (dir / "staging.db").string() + " holds no tables\n"),
            std::string::npos)
      << outcome.output;
}

TEST_F(DbAssertCli, EmptyStagingPassesAndNonEmptyStagingExitsThreeNamingTheTables) {
  {
    // An existing, empty staging file.
    auto staging = SociDatabases().open(sqlite_dsn(dir / "staging.db"));
    staging->session() << "CREATE TABLE probe (n INTEGER)";
    staging->session() << "DROP TABLE probe";
  }
  std::string source_before = bytes_of(dir / "source.db");
  testing::Outcome passing = planrun("run");
  EXPECT_EQ(passing.exit_code, 0) << passing.output;

  SociDatabases().open(sqlite_dsn(dir / "staging.db"))->session() << "CREATE TABLE reg_resource (n INTEGER)";
  SociDatabases().open(sqlite_dsn(dir / "staging.db"))->session() << "CREATE TABLE am_api (n INTEGER)";
  std::string staging_before = bytes_of(dir / "staging.db");
  testing::Outcome failing = planrun("run --fresh");
  EXPECT_EQ(failing.exit_code, 3) << failing.output;
  EXPECT_NE(failing.output.find("the database sqlite:" + (dir / "staging.db").string() +
                                " must be empty but holds 2 tables: am_api and reg_resource"),
            std::string::npos)
      << failing.output;
  EXPECT_EQ(bytes_of(dir / "source.db"), source_before);
  EXPECT_EQ(bytes_of(dir / "staging.db"), staging_before);
}

TEST_F(DbAssertCli, AbsentStagingPassesAndIsNotCreated) {
  testing::Outcome outcome = planrun("run");
  EXPECT_EQ(outcome.exit_code, 0) << outcome.output;
  EXPECT_FALSE(fs::exists(dir / "staging.db"));
}

}  // namespace
}  // namespace planrun
