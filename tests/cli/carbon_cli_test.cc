// The Carbon step types and carbon_datasources() through the command line: explain, the dry run
// that fails on a missing driver jar, and a malformed datasources file reported at its position.

#include <gtest/gtest.h>

#include "tests/support/carbon_fixture_home.h"
#include "tests/support/planrun_binary.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;
using testing::Outcome;

class CarbonCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::write_datasources(old_home(), "master-datasources.xml",
                               {{"WSO2_CARBON_DB", "jdbc/WSO2CarbonDB", "jdbc:postgresql://old-db:5432/carbon"}});
    testing::write_user_mgt(old_home(), "jdbc/WSO2CarbonDB");
    testing::write_registry(old_home(), "jdbc/WSO2CarbonDB");
    testing::write_datasources(new_home(), "master-datasources.xml",
                               {{"WSO2_CARBON_DB", "jdbc/WSO2CarbonDB", "jdbc:h2:repository/database/WSO2CARBON_DB"}});
  }
  fs::path old_home() const { return dir.path() / "old"; }
  fs::path new_home() const { return dir.path() / "new"; }
  std::string write_plan(const std::string& steps) const {
    fs::path plan = dir.path() / "plan.yaml";
    testing::write_file(plan, "planrun: 1\nname: t\nparams:\n  old_home: {type: path}\n  new_home: {type: path}\n"
                              "  staging_db: {type: database}\nsteps:\n" + steps);
    return plan.string();
  }
  Outcome planrun(const std::string& args) const {
    return testing::run_planrun(args + " --set old_home=" + old_home().string() + " --set new_home=" + new_home().string() +
                                    " --set staging_db=postgresql://staging@new-db/carbon",
                                dir.path().string());
  }
  testing::TempDir dir;
};

const char* kConnect = "  - id: connect\n    type: carbon-connect\n"
                       "    with: {old_home: \"${old_home}\", new_home: \"${new_home}\", database: \"${staging_db}\"}\n";

TEST(CarbonCli, ExplainDescribesTheCarbonSteps) {
  Outcome connect = testing::run_planrun("explain carbon-connect", PLANRUN_SOURCE_DIR);
  EXPECT_EQ(connect.exit_code, 0) << connect.output;
  EXPECT_NE(connect.output.find("databases"), std::string::npos) << connect.output;
  Outcome keystores = testing::run_planrun("explain carbon-keystores", PLANRUN_SOURCE_DIR);
  EXPECT_EQ(keystores.exit_code, 0) << keystores.output;
  EXPECT_NE(keystores.output.find("KeyStore.Password"), std::string::npos) << keystores.output;
}

TEST_F(CarbonCliTest, PlanFailsNamingADriverClassNoJarHolds) {
  Outcome outcome = planrun("plan " + write_plan(kConnect));
  EXPECT_EQ(outcome.exit_code, 2) << outcome.output;
  EXPECT_NE(outcome.output.find("error: step 'connect' would fail: no jar in " + old_home().string() +
                                "/repository/components/lib holds the JDBC driver class org.postgresql.Driver"),
            std::string::npos)
      << outcome.output;
}

TEST_F(CarbonCliTest, PlanShowsTheConnectionWhenTheJarIsThere) {
  testing::write_jar(old_home() / "repository/components/lib/pg.jar", {"org/postgresql/Driver.class"});
  Outcome outcome = planrun("plan " + write_plan(kConnect));
  EXPECT_EQ(outcome.exit_code, 0) << outcome.output;
  EXPECT_NE(outcome.output.find("=> would connect datasource 'WSO2_CARBON_DB'"), std::string::npos) << outcome.output;
  EXPECT_NE(outcome.output.find("=> +                    <password>***</password>"), std::string::npos) << outcome.output;
}

TEST_F(CarbonCliTest, AMalformedDatasourcesFileIsReportedAtItsPosition) {
  testing::write_file(old_home() / "repository/conf/datasources/broken.xml", "<datasources-configuration>\n  <datasources>\n</x>\n");
  std::string plan = write_plan("  - id: show\n    type: run\n    with: {command: [echo, \"${carbon_datasources(old_home)}\"]}\n");
  Outcome outcome = planrun("plan " + plan);
  EXPECT_EQ(outcome.exit_code, 2) << outcome.output;
  EXPECT_NE(outcome.output.find("error: carbon_datasources(): " + old_home().string() +
                                "/repository/conf/datasources/broken.xml:3:3: not well-formed XML: Start-end tags mismatch"),
            std::string::npos)
      << outcome.output;
}

}  // namespace
}  // namespace planrun
