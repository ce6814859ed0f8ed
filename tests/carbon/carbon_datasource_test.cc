#include "interpreter/carbon/carbon_datasource.h"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;

// A Carbon home whose master-datasources.xml holds `xml`.
struct CarbonHome {
  explicit CarbonHome(const std::string& xml) {
    fs::create_directories(file().parent_path());
    std::ofstream(file()) << xml;
  }
  fs::path file() const { return dir.path() / "repository" / "conf" / "datasources" / "master-datasources.xml"; }
  testing::TempDir dir;
};

const char* kDatasources = R"(<datasources-configuration xmlns:svns="http://org.wso2.securevault/configuration">
    <providers>
        <provider>org.wso2.carbon.ndatasource.rdbms.RDBMSDataSourceReader</provider>
    </providers>
    <datasources>
        <datasource>
            <name>WSO2_CARBON_DB</name>
            <description>The datasource used for registry and user manager</description>
            <definition type="RDBMS">
                <configuration>
                    <url>jdbc:mysql://db.example.com:3306/carbondb?useSSL=false</url>
                    <username>carbon</username>
                    <password>s3cret</password>
                    <driverClassName>com.mysql.jdbc.Driver</driverClassName>
                </configuration>
            </definition>
        </datasource>
        <datasource>
            <name>WSO2_NO_URL</name>
            <definition type="RDBMS"><configuration><username>u</username></configuration></definition>
        </datasource>
    </datasources>
</datasources-configuration>
)";

std::string error_of(const fs::path& home, const std::string& name) {
  try {
    carbon_datasource_dsn(home, name);
  } catch (const CarbonConfigError& error) {
    return error.what();
  }
  return "no error";
}

TEST(CarbonDatasource, TheUrlAndUsernameOfTheNamedDatasourceMakeADsnWithoutThePassword) {
  CarbonHome home(kDatasources);
  std::string dsn = carbon_datasource_dsn(home.dir.path(), "WSO2_CARBON_DB");
  EXPECT_EQ(dsn, "mysql://carbon@db.example.com:3306/carbondb?useSSL=false");
  EXPECT_EQ(dsn.find("s3cret"), std::string::npos);
}

TEST(CarbonDatasource, AFolderThatIsNoCarbonHomeIsNamed) {
  testing::TempDir empty;
  EXPECT_EQ(error_of(empty.path(), "WSO2_CARBON_DB"),
            empty.path().string() + ": not a Carbon installation (it has no repository/conf)");
}

TEST(CarbonDatasource, AMissingDatasourceIsNamedWithTheFolder) {
  CarbonHome home(kDatasources);
  EXPECT_EQ(error_of(home.dir.path(), "WSO2_CARBON_BD"), home.file().parent_path().string() +
                                                            ": no datasource named 'WSO2_CARBON_BD' (did you mean 'WSO2_CARBON_DB'?)");
}

// Carbon reads every file of the folder: products and operators add their own (um-datasources.xml).
TEST(CarbonDatasource, ADatasourceOfAnotherFileOfTheFolderIsFound) {
  CarbonHome home(kDatasources);
  std::ofstream(home.file().parent_path() / "um-datasources.xml")
      << "<datasources-configuration><datasources><datasource><name>WSO2_UM_DB</name><definition><configuration>"
         "<url>jdbc:postgresql://um/users</url><username>um</username></configuration></definition></datasource>"
         "</datasources></datasources-configuration>";
  EXPECT_EQ(carbon_datasource_dsn(home.dir.path(), "WSO2_UM_DB"), "postgresql://um@um/users");
}

TEST(CarbonDatasource, ADatasourceWithoutAUrlIsReportedAtItsPosition) {
  CarbonHome home(kDatasources);
  EXPECT_EQ(error_of(home.dir.path(), "WSO2_NO_URL"),
            home.file().string() + ":18:9: datasource 'WSO2_NO_URL' has no <definition><configuration><url>");
}

TEST(CarbonDatasource, MalformedXmlIsReportedAtItsPosition) {
  CarbonHome home("<datasources-configuration>\n  <datasources>\n    <datasource>\n  </datasources>\n");
  std::string error = error_of(home.dir.path(), "WSO2_CARBON_DB");
  EXPECT_EQ(error.rfind(home.file().string() + ":4:", 0), 0u) << error;
  EXPECT_NE(error.find("not well-formed XML"), std::string::npos) << error;
}

TEST(CarbonDatasource, AnUnsupportedDatabaseIsRefusedAtTheDatasource) {
  CarbonHome home(R"(<datasources-configuration><datasources><datasource><name>WSO2_CARBON_DB</name>
<definition><configuration><url>jdbc:oracle:thin:@db:1521/carbon</url>
</configuration></definition></datasource></datasources></datasources-configuration>)");
  std::string error = error_of(home.dir.path(), "WSO2_CARBON_DB");
  EXPECT_EQ(error.rfind(home.file().string() + ":1:41: datasource 'WSO2_CARBON_DB': ", 0), 0u) << error;
  EXPECT_NE(error.find("Oracle databases are not supported yet"), std::string::npos) << error;
}

// Carbon's embedded default is relative to the home Carbon runs in.
TEST(CarbonDatasource, AnEmbeddedH2DatabaseIsFoundInsideTheHome) {
  CarbonHome home(R"(<datasources-configuration><datasources><datasource><name>WSO2_CARBON_DB</name>
<definition><configuration><url>jdbc:h2:./repository/database/WSO2CARBON_DB;DB_CLOSE_ON_EXIT=FALSE</url>
<username>wso2carbon</username></configuration></definition></datasource></datasources></datasources-configuration>)");
  EXPECT_EQ(carbon_datasource_dsn(home.dir.path(), "WSO2_CARBON_DB"),
            "jdbc:h2:" + (home.dir.path() / "repository/database/WSO2CARBON_DB").string() + ";DB_CLOSE_ON_EXIT=FALSE");
}

}  // namespace
}  // namespace planrun
