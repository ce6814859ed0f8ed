// The old database from the old home: the one database every datasource in use is on.

#include "interpreter/carbon/carbon_database.h"

#include <gtest/gtest.h>

#include "tests/support/carbon_fixture_home.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;

class CarbonDatabaseTest : public ::testing::Test {
 protected:
  fs::path home() const { return dir.path() / "home"; }
  std::string error_of() {
    try {
      return "no error: " + carbon_database_dsn(home());
    } catch (const CarbonConfigError& error) {
      return error.what();
    }
  }
  testing::TempDir dir;
};

TEST_F(CarbonDatabaseTest, IsTheDatabaseOfTheDatasourcesInUseWithTheirUsername) {
  // The user store and the registry on one database through two datasources; an unused third
  // one elsewhere does not count.
  testing::write_datasources(home(), "master-datasources.xml",
                             {{"WSO2_CARBON_DB", "jdbc/WSO2CarbonDB", "jdbc:postgresql://db/carbon", "wso2"},
                              {"WSO2_UM_DB", "jdbc/UM", "jdbc:postgresql://DB:5432/carbon", "wso2"},
                              {"UNUSED", "jdbc/Unused", "jdbc:mysql://elsewhere/x"}});
  testing::write_user_mgt(home(), "jdbc/UM");
  testing::write_registry(home(), "jdbc/WSO2CarbonDB");
  EXPECT_EQ(carbon_database_dsn(home()), "postgresql://wso2@db/carbon");
}

TEST_F(CarbonDatabaseTest, AnEmbeddedDatabaseIsItsFileInsideTheHome) {
  testing::write_datasources(home(), "master-datasources.xml",
                             {{"WSO2_CARBON_DB", "jdbc/WSO2CarbonDB", "jdbc:h2:repository/database/WSO2CARBON_DB"}});
  testing::write_registry(home(), "jdbc/WSO2CarbonDB");
  EXPECT_EQ(carbon_database_dsn(home()),
            "jdbc:h2:" + (fs::absolute(home()) / "repository/database/WSO2CARBON_DB").string());
}

TEST_F(CarbonDatabaseTest, DatasourcesInUseOnTwoDatabasesAreAnErrorNamingBoth) {
  testing::write_datasources(home(), "master-datasources.xml",
                             {{"WSO2_CARBON_DB", "jdbc/WSO2CarbonDB", "jdbc:postgresql://db/carbon"},
                              {"WSO2_UM_DB", "jdbc/UM", "jdbc:postgresql://db/um"}});
  testing::write_user_mgt(home(), "jdbc/UM");
  testing::write_registry(home(), "jdbc/WSO2CarbonDB");
  std::string error = error_of();
  EXPECT_NE(error.find("datasource 'WSO2_UM_DB' ("), std::string::npos) << error;
  EXPECT_NE(error.find("is on postgresql://carbon@db/um, datasource 'WSO2_CARBON_DB' ("), std::string::npos) << error;
  EXPECT_NE(error.find("master-datasources.xml:6:9) on postgresql://carbon@db/carbon"), std::string::npos) << error;
  EXPECT_NE(error.find("carbon-connect takes `databases`"), std::string::npos) << error;
}

TEST_F(CarbonDatabaseTest, TwoLoginsToOneDatabaseAreAnErrorToo) {
  testing::write_datasources(home(), "master-datasources.xml",
                             {{"WSO2_CARBON_DB", "jdbc/WSO2CarbonDB", "jdbc:postgresql://db/carbon", "registry"},
                              {"WSO2_UM_DB", "jdbc/UM", "jdbc:postgresql://db/carbon", "users"}});
  testing::write_user_mgt(home(), "jdbc/UM");
  testing::write_registry(home(), "jdbc/WSO2CarbonDB");
  EXPECT_NE(error_of().find("more than one database or login"), std::string::npos) << error_of();
}

TEST_F(CarbonDatabaseTest, AFolderThatIsNoCarbonHomeIsAnError) {
  EXPECT_EQ(error_of(), home().string() + ": not a Carbon installation (it has no repository/conf)");
}

TEST_F(CarbonDatabaseTest, AHomeThatUsesNoDatasourceIsAnError) {
  testing::write_datasources(home(), "master-datasources.xml", {{"WSO2_CARBON_DB", "jdbc/WSO2CarbonDB", "jdbc:postgresql://db/c"}});
  EXPECT_EQ(error_of(), (home() / "repository" / "conf").string() +
                            ": no datasource is in use (user-mgt.xml and registry.xml name none)");
}

}  // namespace
}  // namespace planrun
