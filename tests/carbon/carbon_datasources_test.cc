// The Carbon reader on small real homes: every datasource of every file, what uses each, and
// errors at file:line:col.

#include "interpreter/carbon/carbon_datasources.h"

#include <gtest/gtest.h>

#include "interpreter/expressions/expression.h"

#include "tests/support/carbon_fixture_home.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;
using testing::FixtureDatasource;

class CarbonDatasourcesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::write_datasources(home(), "master-datasources.xml",
                               {{"WSO2_CARBON_DB", "jdbc/WSO2CarbonDB", "jdbc:postgresql://db:5432/carbon"},
                                {"WSO2_DEMO_DB", "jdbc/Demo", "jdbc:h2:repository/database/DEMO;DB_CLOSE_ON_EXIT=FALSE"}});
    FixtureDatasource user_store{"WSO2_UM_DB", "jdbc/WSO2UMDB", "jdbc:mysql://um:3306/um", "um"};
    user_store.password_alias = "UM.DB.Password";
    user_store.driver = "com.mysql.jdbc.Driver";
    testing::write_datasources(home(), "um-datasources.xml", {user_store});
    testing::write_user_mgt(home(), "jdbc/WSO2UMDB");
    testing::write_registry(home(), "jdbc/WSO2CarbonDB");
  }
  fs::path home() const { return dir.path() / "home"; }
  fs::path file(const std::string& name) const { return home() / "repository" / "conf" / name; }
  std::string error_of() {
    try {
      carbon_datasources(home());
    } catch (const CarbonConfigError& error) {
      return error.what();
    }
    return "no error";
  }
  testing::TempDir dir;
};

TEST_F(CarbonDatasourcesTest, ListsEveryDatasourceOfEveryFileWithWhatUsesIt) {
  std::vector<CarbonDatasource> all = carbon_datasources(home());
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].name, "WSO2_CARBON_DB");
  EXPECT_EQ(all[0].jndi_name, "jdbc/WSO2CarbonDB");
  EXPECT_EQ(all[0].url, "jdbc:postgresql://db:5432/carbon");
  EXPECT_EQ(all[0].username, "carbon");
  EXPECT_EQ(all[0].driver_class, "org.postgresql.Driver");
  EXPECT_FALSE(all[0].password_alias);
  EXPECT_EQ(all[0].position, file("datasources/master-datasources.xml").string() + ":6:9");
  EXPECT_EQ(all[0].used_by, std::vector<std::string>{file("registry.xml").string() +
                                                    ":4:9 <dbConfig name=\"wso2registry\"> (<currentDBConfig>)"});
  EXPECT_EQ(all[1].name, "WSO2_DEMO_DB");
  EXPECT_FALSE(all[1].in_use());
  EXPECT_EQ(all[1].url, "jdbc:h2:" + (fs::absolute(home()) / "repository/database/DEMO").string() + ";DB_CLOSE_ON_EXIT=FALSE");
  EXPECT_EQ(all[2].name, "WSO2_UM_DB");
  EXPECT_EQ(all[2].file, file("datasources/um-datasources.xml"));
  EXPECT_EQ(all[2].password_alias, "UM.DB.Password");
  EXPECT_EQ(all[2].used_by, std::vector<std::string>{file("user-mgt.xml").string() + ":5:13 <Property name=\"dataSource\">"});
}

TEST_F(CarbonDatasourcesTest, ARegistryMountedFromAnotherDatabaseUsesItsDatasource) {
  testing::write_registry(home(), "jdbc/WSO2CarbonDB", "jdbc/Demo");
  std::vector<CarbonDatasource> all = carbon_datasources(home());
  EXPECT_EQ(all[1].used_by, std::vector<std::string>{file("registry.xml").string() +
                                                    ":7:9 <dbConfig name=\"shared\"> of <remoteInstance> 'config' "
                                                    "mounted at /_system/config"});
}

TEST_F(CarbonDatasourcesTest, MalformedXmlIsAnErrorAtItsLineAndColumn) {
  testing::write_file(file("datasources/um-datasources.xml"),
                      "<datasources-configuration>\n  <datasources>\n    <datasource><name>X</name>\n  </datasources>\n");
  EXPECT_EQ(error_of(), file("datasources/um-datasources.xml").string() +
                            ":4:5: not well-formed XML: Start-end tags mismatch");
}

TEST_F(CarbonDatasourcesTest, AReferenceToNoDatasourceIsAnErrorAtTheReference) {
  testing::write_user_mgt(home(), "jdbc/Nowhere");
  EXPECT_EQ(error_of(), file("user-mgt.xml").string() + ":5:13: <Property name=\"dataSource\"> names 'jdbc/Nowhere', which "
                                                        "no datasource in " +
                            (home() / "repository/conf/datasources").string() + " has as its JNDI name");
}

TEST_F(CarbonDatasourcesTest, ANameDeclaredTwiceIsAnErrorNamingBoth) {
  testing::write_datasources(home(), "um-datasources.xml", {{"WSO2_CARBON_DB", "jdbc/Other", "jdbc:mysql://um/um"}});
  EXPECT_EQ(error_of(), file("datasources/um-datasources.xml").string() +
                            ":6:9: datasource 'WSO2_CARBON_DB' is declared again (first at " +
                            file("datasources/master-datasources.xml").string() + ":6:9)");
}

TEST_F(CarbonDatasourcesTest, AMountOfNoRemoteInstanceIsAnErrorAtTheMount) {
  testing::write_file(file("registry.xml"),
                      "<wso2registry>\n  <mount path=\"/_system/config\">\n    <instanceId>gone</instanceId>\n  </mount>\n"
                      "</wso2registry>\n");
  EXPECT_EQ(error_of(), file("registry.xml").string() + ":3:5: <mount> uses instance 'gone', which no <remoteInstance> has as its <id>");
}

TEST_F(CarbonDatasourcesTest, AHomeWithoutUserManagementOrRegistryFilesUsesNothing) {
  fs::remove(file("user-mgt.xml"));
  fs::remove(file("registry.xml"));
  for (const CarbonDatasource& datasource : carbon_datasources(home())) EXPECT_FALSE(datasource.in_use()) << datasource.name;
}

class HomeScope final : public expr::Scope {
 public:
  explicit HomeScope(fs::path home) : home_(std::move(home)) {}
  std::optional<Value> lookup(const std::vector<std::string>& path) const override {
    if (path == std::vector<std::string>{"home"}) return Value(home_.string());
    return std::nullopt;
  }

 private:
  fs::path home_;
};

TEST_F(CarbonDatasourcesTest, TheExpressionFunctionGivesAListOfMapsWithoutPasswords) {
  Value list = expr::evaluate(expr::parse_template("${carbon_datasources(home)}"), HomeScope(home()));
  ASSERT_TRUE(list.is_list());
  ASSERT_EQ(list.as_list().size(), 3u);
  const Value::Map& user_store = list.as_list()[2].as_map();
  EXPECT_EQ(user_store.at("name"), Value("WSO2_UM_DB"));
  EXPECT_EQ(user_store.at("jndi_name"), Value("jdbc/WSO2UMDB"));
  EXPECT_EQ(user_store.at("url"), Value("jdbc:mysql://um:3306/um"));
  EXPECT_EQ(user_store.at("username"), Value("um"));
  EXPECT_EQ(user_store.at("driver_class"), Value("com.mysql.jdbc.Driver"));
  EXPECT_EQ(user_store.at("password_alias"), Value("UM.DB.Password"));
  EXPECT_EQ(user_store.at("file"), Value(file("datasources/um-datasources.xml").string()));
  EXPECT_EQ(user_store.at("position"), Value(file("datasources/um-datasources.xml").string() + ":6:9"));
  EXPECT_EQ(user_store.at("in_use"), Value(true));
  EXPECT_EQ(user_store.at("used_by").as_list().size(), 1u);
  EXPECT_EQ(user_store.count("password"), 0u);
  EXPECT_TRUE(list.as_list()[0].as_map().at("password_alias").is_null());
}

}  // namespace
}  // namespace planrun
