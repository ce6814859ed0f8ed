// scripts/make-carbon-home.sh and the fake Carbon server it installs, and planrun's product
// steps (assert-servers-stopped, update-config, smoke-test) against them through the binary.

#include <gtest/gtest.h>
#include <soci/soci.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "interpreter/databases/soci_databases.h"
#include "tests/support/planrun_binary.h"
#include "tests/support/tcp_test_listener.h"
#include "tests/tools/carbon_realm_fixture.h"
#include "tests/tools/fake_carbon_home.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;

Dsn sqlite_file(const fs::path& file) {
  Dsn dsn;
  dsn.kind = Dsn::Kind::Sqlite;
  dsn.path = file.string();
  return dsn;
}

using testing::shell;

std::string read(const fs::path& file) { return testing::file_text(file); }

class CarbonHome : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("planrun-carbon-" + std::to_string(getpid()) + "-" +
                                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir / "new");
    for (const fs::path& file : {dir / "old.db", dir / "staging.db"}) {
      auto connection = SociDatabases().open(sqlite_file(file));
      soci::session& db = connection->session();
      for (const std::string& statement : testing::carbon_realm_tables(Dsn::Kind::Sqlite)) db << statement;
      db << "INSERT INTO UM_TENANT (UM_ID, UM_DOMAIN_NAME, UM_CREATED_DATE) VALUES (1, 'a.com', CURRENT_TIMESTAMP)";
      // The registry's table the fake server looks for in a Carbon database besides the realm's.
      db << "CREATE TABLE REG_PATH (REG_PATH_ID INTEGER, REG_PATH_VALUE VARCHAR(255))";
    }
    setenv("FAKE_CARBON_START_DELAY_MS", "100", 1);
    setenv("FAKE_CARBON_STOP_DELAY_MS", "100", 1);
    offset = testing::free_carbon_offset();
    testing::ShellOutcome made = testing::make_carbon_home(dir, offset, "--jdbc-url jdbc:sqlite:" + (dir / "old.db").string());
    ASSERT_EQ(made.exit_code, 0) << made.output;
    old_home = dir / "wso2carbon-4.4.6";
  }
  void TearDown() override {
    testing::stop_carbon(old_home);
    testing::stop_carbon(dir / "new");
    fs::remove_all(dir);
  }
  std::string url(const std::string& path, bool https = true) const {
    return std::string(https ? "https" : "http") + "://127.0.0.1:" + std::to_string((https ? 9443 : 9763) + offset) + path;
  }

  fs::path dir, old_home;
  int offset = 0;
};

TEST_F(CarbonHome, TheOldHomeHasTheFilesAnUpgradeMovesAndTheArchiveANewProduct) {
  for (const char* file : {"bin/wso2server.sh", "repository/conf/carbon.xml", "repository/conf/datasources/master-datasources.xml",
                           "repository/deployment/server/webapps/sample.war", "repository/deployment/server/userstores/SECONDARY.xml",
                           "repository/tenants/1/userstores/TENANT1_STORE.xml", "repository/tenants/3/webapps/tenant3.war",
                           "repository/conf/user-mgt.xml", "repository/conf/registry.xml",
                           "repository/components/lib/sqlite-jdbc-3.34.0.jar", "repository/components/lib/acme-commons-1.0.jar",
                           "repository/components/dropins/acme-extension_1.0.0.jar", "repository/resources/security/acme.jks",
                           "repository/resources/security/wso2carbon.jks"})
    EXPECT_TRUE(fs::exists(old_home / file)) << file;
  EXPECT_TRUE(fs::is_symlink(old_home / "repository/deployment/server/webapps/current.war"));
  EXPECT_TRUE(fs::is_symlink(old_home / "repository/tenants/2/shared-userstores"));
  EXPECT_NE(read(old_home / "repository/conf/datasources/master-datasources.xml")
                .find("<url>jdbc:sqlite:" + (dir / "old.db").string() + "</url>"),
            std::string::npos);
  EXPECT_NE(read(old_home / "repository/conf/carbon.xml").find("<Offset>" + std::to_string(offset) + "</Offset>"), std::string::npos);
  testing::ShellOutcome listing = shell("tar -tzf " + (dir / "wso2carbon-4.4.7.tar.gz").string());
  EXPECT_NE(listing.output.find("wso2carbon-4.4.7/bin/wso2server.sh\n"), std::string::npos) << listing.output;
  EXPECT_NE(listing.output.find("wso2carbon-4.4.7/repository/conf/datasources/master-datasources.xml\n"), std::string::npos);
  EXPECT_NE(listing.output.find("wso2carbon-4.4.7/repository/resources/security/wso2carbon.jks\n"), std::string::npos);
  EXPECT_EQ(listing.output.find(".jar\n"), std::string::npos) << "the pack ships no JDBC driver: " << listing.output;
  // The jar is a zip (its entries' names are in clear in their headers) holding the driver class.
  std::string jar = read(old_home / "repository/components/lib/sqlite-jdbc-3.34.0.jar");
  EXPECT_EQ(jar.substr(0, 4), std::string("PK\x03\x04"));
  EXPECT_NE(jar.find("org/sqlite/JDBC.class"), std::string::npos);
  std::string carbon_xml = read(old_home / "repository/conf/carbon.xml");
  EXPECT_NE(carbon_xml.find("<Location>${carbon.home}/repository/resources/security/acme.jks</Location>"), std::string::npos) << carbon_xml;
  EXPECT_NE(read(old_home / "repository/deployment/server/userstores/SECONDARY.xml").find("<Property encrypted=\"true\" name=\"password\">"),
            std::string::npos);
}

TEST_F(CarbonHome, TheServerStartsAnswersLikeCarbonAndStops) {
  testing::CarbonStart started = testing::start_carbon(old_home);
  ASSERT_TRUE(started.started) << started.log;
  testing::ShellOutcome redirect = shell("curl -s -k -o /dev/null -w '%{http_code} %{redirect_url}' " + url("/carbon/"));
  if (redirect.exit_code == 127) GTEST_SKIP() << "curl is not installed";
  EXPECT_EQ(redirect.output, "302 https://localhost:" + std::to_string(9443 + offset) + "/carbon/admin/login.jsp");
  std::string pid = testing::pid_in(old_home);
  testing::stop_carbon(old_home);
  EXPECT_FALSE(testing::process_runs(pid));
  EXPECT_TRUE(testing::port_free(9443 + offset));
}

// The product steps of examples/446-to-447.yaml, with `run` doing the unpacking.
const char* kPlan = R"(planrun: 1
name: product-steps
params:
  old_home: {type: path}
  new_home: {type: path}
  product_zip: {type: path}
  old_db: {type: database}
  staging_db: {type: database}
  staging_password: {type: secret, env: STAGING_DB_PASSWORD}
  admin_password: {type: secret, env: CARBON_ADMIN_PASSWORD}
steps:
  - id: servers-stopped
    type: assert-servers-stopped
    with: {pid_files: ["${old_home}/wso2carbon.pid"], ports: "${carbon_ports(old_home)}"}
  - id: unpack
    type: run
    with: {command: [tar, -xzf, "${product_zip}", -C, "${new_home}", --strip-components=1]}
  - id: connect-staging
    type: update-config
    needs: [unpack]
    with:
      file: "${new_home}/repository/conf/datasources/master-datasources.xml"
      xml:
        - set: "//datasource[name='WSO2_CARBON_DB']/definition/configuration/url"
          value: "${jdbc_url(staging_db)}"
        - set: "//datasource[name='WSO2_CARBON_DB']/definition/configuration/password"
          value: "${staging_password}"
        - set: "//datasource[name='WSO2_CARBON_DB']/definition/configuration/driverClassName"
          value: org.sqlite.JDBC
  # Carbon loads the driver from repository/components/lib; the pack ships none.
  - id: driver-jar
    type: run
    needs: [unpack]
    with: {command: [cp, "${old_home}/repository/components/lib/sqlite-jdbc-3.34.0.jar", "${new_home}/repository/components/lib/"]}
  - id: start
    type: run
    needs: [servers-stopped, connect-staging, driver-jar]
    with: {command: ["${new_home}/bin/wso2server.sh", start]}
  # start returns at once; the server listens once it has started.
  - id: started
    type: wait-for
    needs: [start]
    with: {tcp: "localhost:${carbon_port(new_home, 'https')}", timeout: 30s, interval: 100ms}
  - id: smoke
    type: smoke-test
    needs: [started]
    with:
      checks:
        - sql: {database: "${staging_db}", query: "SELECT COUNT(*) FROM UM_TENANT", equals_query_on: "${old_db}"}
        - http: {url: "https://localhost:${carbon_port(new_home, 'https')}/carbon/", insecure: true, contains: Management Console}
        - name: add alice to PRIMARY
          http:
            url: "https://localhost:${carbon_port(new_home, 'https')}/services/RemoteUserStoreManagerService"
            method: POST
            status: 202
            insecure: true
            user: admin
            password: "${admin_password}"
            headers: {Content-Type: text/xml, SOAPAction: "urn:addUser"}
            body: >-
              <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ser="http://service.ws.um.carbon.wso2.org">
              <soapenv:Body><ser:addUser><ser:userName>alice</ser:userName><ser:credential>Al1ce-pw</ser:credential>
              </ser:addUser></soapenv:Body></soapenv:Envelope>
        - name: alice is there
          http:
            url: "http://localhost:${carbon_port(new_home, 'http')}/services/RemoteUserStoreManagerService"
            method: POST
            user: admin
            password: "${admin_password}"
            headers: {Content-Type: text/xml, SOAPAction: "urn:isExistingUser"}
            body: >-
              <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ser="http://service.ws.um.carbon.wso2.org">
              <soapenv:Body><ser:isExistingUser><ser:userName>alice</ser:userName></ser:isExistingUser></soapenv:Body></soapenv:Envelope>
            contains: "<ns:return>true</ns:return>"
)";

TEST_F(CarbonHome, TheProductStepsUpgradeAGeneratedHomeEndToEnd) {
  std::ofstream(dir / "plan.yaml") << kPlan;
  std::string sets = " --set old_home=" + old_home.string() + " --set new_home=" + (dir / "new").string() +
                     " --set product_zip=" + (dir / "wso2carbon-4.4.7.tar.gz").string() + " --set old_db=sqlite:" +
                     (dir / "old.db").string() + " --set staging_db=sqlite:" + (dir / "staging.db").string();
  std::string secrets = "STAGING_DB_PASSWORD=St4ging-pw CARBON_ADMIN_PASSWORD=admin";

  // The old server runs: the plan stops at once, naming its pid and ports.
  ASSERT_TRUE(testing::start_carbon(old_home).started);
  std::string pid = testing::pid_in(old_home);
  testing::Outcome refused = testing::run_planrun("run plan.yaml" + sets, dir.string(), secrets);
  EXPECT_EQ(refused.exit_code, 3) << refused.output;
  EXPECT_NE(refused.output.find("process " + pid + " (pid file " + (old_home / "wso2carbon.pid").string() + ") is running"),
            std::string::npos) << refused.output;
  EXPECT_NE(refused.output.find("127.0.0.1:" + std::to_string(9443 + offset) + " accepts connections"), std::string::npos)
      << refused.output;
  testing::stop_carbon(old_home);

  testing::Outcome upgraded = testing::run_planrun("run plan.yaml" + sets, dir.string(), secrets);
  EXPECT_EQ(upgraded.exit_code, 0) << upgraded.output;
  std::string datasources = read(dir / "new/repository/conf/datasources/master-datasources.xml");
  EXPECT_NE(datasources.find("<url>jdbc:sqlite:" + (dir / "staging.db").string() + "</url>"), std::string::npos) << datasources;
  EXPECT_NE(datasources.find("<password>St4ging-pw</password>"), std::string::npos) << datasources;
  EXPECT_EQ(upgraded.output.find("St4ging-pw"), std::string::npos) << upgraded.output;
  auto staging = SociDatabases().open(sqlite_file(dir / "staging.db"));
  int tenant = 0;
  staging->session() << "SELECT UM_TENANT_ID FROM UM_USER WHERE UM_USER_NAME = 'alice'", soci::into(tenant);
  EXPECT_TRUE(staging->session().got_data()) << "alice is a row of the staging database the new home is connected to";
  EXPECT_EQ(tenant, -1234);
}

TEST_F(CarbonHome, ASmokeTestAgainstTheServerListsEachFailure) {
  std::ofstream(dir / "smoke.yaml") << "planrun: 1\nname: smoke\nparams:\n  home: {type: path}\n"
                                       "  admin_password: {type: secret, env: CARBON_ADMIN_PASSWORD}\nsteps:\n"
                                       "  - id: smoke\n    type: smoke-test\n    with:\n      checks:\n"
                                       "        - http: {url: \"https://localhost:${carbon_port(home, 'https')}/carbon/\", insecure: true}\n"
                                       "        - http: {url: \"https://localhost:${carbon_port(home, 'https')}/carbon/\"}\n"
                                       "        - http: {url: \"http://localhost:${carbon_port(home, 'http')}/services/RemoteUserStoreManagerService\",\n"
                                       "                 method: POST, user: admin, password: \"${admin_password}\", body: \"<x/>\"}\n";
  ASSERT_TRUE(testing::start_carbon(old_home).started);
  testing::Outcome outcome = testing::run_planrun("run smoke.yaml --set home=" + old_home.string(), dir.string(),
                                                  "CARBON_ADMIN_PASSWORD=wrong");
  EXPECT_EQ(outcome.exit_code, 3) << outcome.output;
  EXPECT_NE(outcome.output.find("2 of 3 checks failed"), std::string::npos) << outcome.output;
  EXPECT_NE(outcome.output.find("check 2 (http): expected status 200, got no answer: "), std::string::npos) << outcome.output;
  EXPECT_NE(outcome.output.find("check 3 (http): expected status 200, got status 401"), std::string::npos) << outcome.output;
}

}  // namespace
}  // namespace planrun

namespace planrun {
namespace PLANRUN_UNITY_ID {

TEST_F(CarbonHome, PlanShowsTheConfigurationDiffWithTheSecretHidden) {
  std::ofstream(dir / "connect.yaml")
      << "planrun: 1\nname: connect\nparams:\n  home: {type: path}\n  staging_db: {type: database}\n"
         "  staging_password: {type: secret, env: STAGING_DB_PASSWORD}\nsteps:\n"
         "  - id: connect\n    type: update-config\n    with:\n"
         "      file: \"${home}/repository/conf/datasources/master-datasources.xml\"\n      xml:\n"
         "        - {set: \"//datasource[name='WSO2_CARBON_DB']/definition/configuration/url\", value: \"${jdbc_url(staging_db)}\"}\n"
         "        - {set: \"//datasource[name='WSO2_CARBON_DB']/definition/configuration/password\", value: \"${staging_password}\"}\n";
  std::string before = read(old_home / "repository/conf/datasources/master-datasources.xml");
  testing::Outcome outcome = testing::run_planrun(
      "plan connect.yaml --set home=" + old_home.string() + " --set staging_db=postgresql://carbon@db:5432/staging", dir.string(),
      "STAGING_DB_PASSWORD=St4ging-pw");
  EXPECT_EQ(outcome.exit_code, 0) << outcome.output;
  EXPECT_NE(outcome.output.find("      => -                    <url>jdbc:sqlite:" + (dir / "old.db").string() + "</url>\n"),
            std::string::npos) << outcome.output;
  EXPECT_NE(outcome.output.find("      => +                    <url>jdbc:postgresql://db:5432/staging</url>\n"), std::string::npos)
      << outcome.output;
  EXPECT_NE(outcome.output.find("      => -                    <password>***</password>\n"), std::string::npos) << outcome.output;
  EXPECT_NE(outcome.output.find("      => +                    <password>***</password>\n"), std::string::npos) << outcome.output;
  EXPECT_EQ(outcome.output.find("St4ging-pw"), std::string::npos) << outcome.output;
  EXPECT_EQ(outcome.output.find(">wso2carbon</password>"), std::string::npos) << "the old password shows: " << outcome.output;
  EXPECT_EQ(read(old_home / "repository/conf/datasources/master-datasources.xml"), before);
}

}  // namespace
}  // namespace planrun

namespace planrun {
namespace PLANRUN_UNITY_ID {

TEST_F(CarbonHome, TheUserStoreExampleAddsReadsAndRemovesAUserAndAStoreTheServerLacksFails) {
  ASSERT_TRUE(testing::start_carbon(old_home).started);
  std::string plan = std::string(PLANRUN_SOURCE_DIR) + "/examples/carbon-user-store-smoke.yaml";
  std::string args = "run " + plan + " --state " + (dir / "state").string() + " --set home=" + old_home.string();
  std::string secrets = "CARBON_ADMIN_PASSWORD=admin CARBON_CHECK_USER_PASSWORD=Sm0ke-pw";
  testing::Outcome first = testing::run_planrun(args, dir.string(), secrets);
  EXPECT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("passed: SECONDARY/planrun-smoke is gone"), std::string::npos) << first.output;
  EXPECT_EQ(read(old_home / "repository/data/fake-carbon-users/-1234/SECONDARY"), "") << "the user was added, then removed";
  EXPECT_EQ(first.output.find("Sm0ke-pw"), std::string::npos) << first.output;
  testing::Outcome again = testing::run_planrun(args + " --fresh", dir.string(), secrets);
  EXPECT_EQ(again.exit_code, 0) << again.output;
  testing::Outcome missing = testing::run_planrun(args + " --fresh --set user_store=NOPE", dir.string(), secrets);
  EXPECT_EQ(missing.exit_code, 3) << missing.output;
  // (The administrator's name shows as *** here: its password is "admin" too, and is masked.)
  EXPECT_NE(missing.output.find("NOPE/planrun-smoke is added (***): expected status 202, got status 500: SOAP fault: Invalid "
                                "Domain Name: no user store NOPE in tenant carbon.super"),
            std::string::npos)
      << missing.output;
}

}  // namespace
}  // namespace planrun

namespace planrun {
namespace PLANRUN_UNITY_ID {

// The old installation's realm rows (an administrator with password Adm1n-pw, a user olduser,
// a tenant old.example) in the fixture's old.db, the database the old home is connected to.
void add_old_realm_rows(const fs::path& database) {
  auto connection = SociDatabases().open(sqlite_file(database));
  for (const std::string& statement : testing::carbon_realm_rows(Dsn::Kind::Sqlite)) connection->session() << statement;
}

std::string query_text(const fs::path& database, const std::string& sql) {
  auto connection = SociDatabases().open(sqlite_file(database));
  std::string text;
  soci::indicator known = soci::i_ok;
  connection->session() << sql, soci::into(text, known);
  return connection->session().got_data() && known == soci::i_ok ? text : "(none)";
}

const char* kProductionPlan = R"(planrun: 1
name: production-checks
params:
  home: {type: path}
  old_db: {type: database, password: old_db_password}
  old_db_password: {type: secret, env: CARBON_OLD_DB_PASSWORD}
  admin_password: {type: secret, env: CARBON_ADMIN_PASSWORD}
  check_password: {type: secret, env: CARBON_CHECK_USER_PASSWORD}
steps:
  - id: old-data
    use: carbon/fragments/old-data-checks
    with:
      home: "${home}"
      https_port: "${carbon_port(home, 'https')}"
      old_db: "${old_db}"
      old_db_password: "${old_db_password}"
      admin_password: "${admin_password}"
  - id: production
    needs: [old-data]
    use: carbon/fragments/production-checks
    with: {https_port: "${carbon_port(home, 'https')}", admin_password: "${admin_password}", check_password: "${check_password}"}
)";

TEST_F(CarbonHome, TheProductionChecksFindOldDataThenCreateReadAndRemoveStoresTenantsAndUsers) {
  add_old_realm_rows(dir / "old.db");
  ASSERT_TRUE(testing::start_carbon(old_home).started);
  std::ofstream(dir / "production.yaml") << kProductionPlan;
  std::string args = "run production.yaml --set home=" + old_home.string() + " --set old_db=sqlite:" + (dir / "old.db").string();
  std::string secrets = "CARBON_OLD_DB_PASSWORD=unused CARBON_ADMIN_PASSWORD=Adm1n-pw CARBON_CHECK_USER_PASSWORD=Ch3ck-pw";
  testing::Outcome outcome = testing::run_planrun(args, dir.string(), secrets);
  ASSERT_EQ(outcome.exit_code, 0) << outcome.output;
  for (const char* passed : {"passed: the old user olduser is found", "passed: the old tenant old.example is found",
                             "passed: the log has no ERROR or FATAL line", "passed: PLANRUN_CHECK_1/planrun-check is read back",
                             "passed: PLANRUN_CHECK_2/planrun-check is gone", "passed: user store PLANRUN_CHECK_2 is deleted",
                             "passed: PRIMARY/planrun-check is added (admin@planrun-check-2.example.com)",
                             "passed: PLANRUN_TENANT_CHECK/planrun-check is read back",
                             "passed: tenant planrun-check-1.example.com reads back inactive"})
    EXPECT_NE(outcome.output.find(passed), std::string::npos) << passed << "\n" << outcome.output;
  EXPECT_EQ(outcome.output.find("Adm1n-pw"), std::string::npos) << outcome.output;
  EXPECT_EQ(outcome.output.find("Ch3ck-pw"), std::string::npos) << outcome.output;

  // What the checks created is gone, but the tenants, which Carbon only deactivates.
  fs::path old_db = dir / "old.db";
  EXPECT_EQ(query_text(old_db, "SELECT UM_USER_NAME FROM UM_USER WHERE UM_USER_NAME = 'planrun-check'"), "(none)");
  EXPECT_EQ(query_text(old_db, "SELECT UM_ACTIVE FROM UM_TENANT WHERE UM_DOMAIN_NAME = 'planrun-check-1.example.com'"), "0");
  EXPECT_EQ(query_text(old_db, "SELECT UM_ACTIVE FROM UM_TENANT WHERE UM_DOMAIN_NAME = 'planrun-check-2.example.com'"), "0");
  std::string tenant = query_text(old_db, "SELECT UM_ID FROM UM_TENANT WHERE UM_DOMAIN_NAME = 'planrun-check-1.example.com'");
  EXPECT_EQ(query_text(old_db, "SELECT UM_USER_NAME FROM UM_USER WHERE UM_TENANT_ID = " + tenant), "admin")
      << "the tenant's administrator stays with it";
  for (const fs::path& store : {old_home / "repository/deployment/server/userstores/PLANRUN_CHECK_1.xml",
                                old_home / "repository/tenants" / tenant / "userstores/PLANRUN_TENANT_CHECK.xml"})
    EXPECT_FALSE(fs::exists(store)) << store;
  EXPECT_TRUE(fs::exists(old_home / "repository/deployment/server/userstores/SECONDARY.xml"));

  testing::Outcome again = testing::run_planrun(args + " --fresh", dir.string(), secrets);
  EXPECT_EQ(again.exit_code, 3) << again.output;
  EXPECT_NE(again.output.find("SOAP fault: Tenant domain planrun-check-1.example.com is already registered"), std::string::npos)
      << again.output;
  EXPECT_NE(again.output.find("the log has no ERROR or FATAL line"), std::string::npos) << again.output;
}

TEST_F(CarbonHome, TheIntoProductionExampleUpgradesThenRunsTheGuidesTestsOnTheNewServer) {
  // A 4.4.6 database (the upgrade checks its schema against 4.4.7's dbscripts) with the realm's rows.
  fs::remove(dir / "old.db");
  auto loaded = shell("sqlite3 " + (dir / "old.db").string() + " < " + PLANRUN_SOURCE_DIR +
                                  "/tests/fixtures/carbon-446/sqlite-ddl.sql");
  ASSERT_EQ(loaded.exit_code, 0) << loaded.output;
  add_old_realm_rows(dir / "old.db");
  fs::copy_file(std::string(PLANRUN_SOURCE_DIR) + "/examples/446-to-447-into-production.yaml", dir / "plan.yaml");
  std::string args = "run plan.yaml --yes --set old_home=" + old_home.string() + " --set new_home=" + (dir / "new").string() +
                     " --set product_zip=" + (dir / "wso2carbon-4.4.7.tar.gz").string() + " --set old_db=sqlite:" +
                     (dir / "old.db").string() + " --set staging_db=sqlite:" + (dir / "upgraded.db").string();
  std::string secrets = "CARBON_OLD_DB_PASSWORD=unused CARBON_STAGING_DB_PASSWORD=unused CARBON_ADMIN_PASSWORD=Adm1n-pw "
                        "CARBON_CHECK_USER_PASSWORD=Ch3ck-pw";
  testing::Outcome outcome = testing::run_planrun(args, dir.string(), secrets);
  ASSERT_EQ(outcome.exit_code, 0) << outcome.output;
  EXPECT_NE(outcome.output.find("passed: the old user olduser is found"), std::string::npos) << outcome.output;
  EXPECT_NE(outcome.output.find("passed: tenant planrun-check-2.example.com reads back inactive"), std::string::npos) << outcome.output;
  fs::path upgraded = dir / "upgraded.db";
  EXPECT_EQ(query_text(upgraded, "SELECT COUNT(*) FROM UM_TENANT WHERE UM_DOMAIN_NAME LIKE 'planrun-check-%'"), "2")
      << "the tests ran on the staging database the new home is connected to";
  EXPECT_EQ(query_text(dir / "old.db", "SELECT COUNT(*) FROM UM_TENANT WHERE UM_DOMAIN_NAME LIKE 'planrun-check-%'"), "0")
      << "and never on the old one";
}

}  // namespace
}  // namespace planrun
