// The fake Carbon server's admin services (tests/tools/fake_carbon_server/soap_admin_*), called
// directly on a real database: SQLite, and the PostgreSQL and MariaDB servers of
// scripts/test-servers.sh. Users and tenants must be the UM_USER and UM_TENANT rows Carbon would
// write, logins must be checked against the realm there, and secondary stores must be the
// files Carbon keeps, or the production tests that run against the fake prove nothing.

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <soci/soci.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "interpreter/databases/soci_databases.h"
#include "tests/support/test_servers.h"
#include "tests/tools/carbon_realm_fixture.h"
#include "tests/tools/fake_carbon_server/carbon_realm_database.h"
#include "tests/tools/fake_carbon_server/soap_admin_services.h"
#include "tests/tools/fake_carbon_server/soap_message.h"

namespace planrun::fake_carbon {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;

const char* kUserNs = "http://service.ws.um.carbon.wso2.org";
const char* kStoreNs = "http://org.apache.axis2/xsd";
const char* kTenantNs = "http://services.mgt.tenant.carbon.wso2.org";

// The realm of an old installation on `kind` (tests/tools/carbon_realm_fixture.h).
std::vector<std::string> realm_ddl(Dsn::Kind kind) {
  std::vector<std::string> statements = testing::carbon_realm_tables(kind);
  for (const std::string& row : testing::carbon_realm_rows(kind)) statements.push_back(row);
  return statements;
}

std::string basic(const std::string& user, const std::string& password) {
  std::string text = user + ":" + password;
  std::string out(4 * ((text.size() + 2) / 3) + 1, '\0');
  int length = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), reinterpret_cast<const unsigned char*>(text.data()),
                               static_cast<int>(text.size()));
  out.resize(static_cast<size_t>(length));
  return "Basic " + out;
}

std::string soap(const std::string& ns, const std::string& operation, const std::string& content) {
  return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:ser=\"" + ns +
         "\" xmlns:xsd=\"http://beans.common.stratos.carbon.wso2.org/xsd\" "
         "xmlns:xsd1=\"http://dto.configuration.store.user.identity.carbon.wso2.org/xsd\"><soapenv:Header/><soapenv:Body><ser:" +
         operation + ">" + content + "</ser:" + operation + "></soapenv:Body></soapenv:Envelope>";
}

std::string read(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A home with user-mgt.xml (whose admin password is NOT the one in the database) and a
// master-datasources.xml pointing at the test's database.
class FakeCarbonAdmin : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::replace(test.begin(), test.end(), '/', '-');
    home = fs::temp_directory_path() / ("planrun-admin-" + std::to_string(::getpid()) + "-" + test);
    fs::remove_all(home);
    fs::create_directories(home / "repository/conf/datasources");
    context.home = home;
    context.admin_password = "from-user-mgt";
    context.log_error = [this](const std::string& logger, const std::string& message) { errors.push_back(logger + ": " + message); };
    if (GetParam() == "sqlite") {
      context.user_database.kind = Dsn::Kind::Sqlite;
      context.user_database.path = (home / "carbon.db").string();
    } else {
      PLANRUN_REQUIRE_SERVER(server, GetParam());
      credentials.add(server->dsn, server->password);
      context.user_database = server->dsn;
      context.user_database.database = "planrun_admin_" + std::to_string(::getpid());
      context.user_database_password = server->password;
      credentials.add(context.user_database, server->password);
      admin().session() << "DROP DATABASE IF EXISTS " + context.user_database.database;
      admin().session() << "CREATE DATABASE " + context.user_database.database;
      made = true;
    }
    auto db = database();
    for (const std::string& statement : realm_ddl(context.user_database.kind)) db->session() << statement;
  }
  void TearDown() override {
    if (made) admin().session() << "DROP DATABASE " + context.user_database.database;
    fs::remove_all(home);
  }
  DatabaseConnection& admin() {
    if (!admin_) admin_ = SociDatabases(credentials).open(server->dsn);
    return *admin_;
  }
  std::unique_ptr<DatabaseConnection> database() { return SociDatabases(credentials).open(context.user_database); }
  std::string value(const std::string& sql) {
    auto db = database();
    std::string text;
    soci::indicator known = soci::i_ok;
    db->session() << sql, soci::into(text, known);
    return db->session().got_data() && known == soci::i_ok ? text : "(none)";
  }
  AdminAnswer call(const std::string& service, const std::string& operation, const std::string& ns, const std::string& content,
                   const std::string& login = "admin", const std::string& password = "Adm1n-pw") {
    AdminRequest request{"/services/" + service, "urn:" + operation, basic(login, password), soap(ns, operation, content)};
    std::optional<AdminAnswer> answer = answer_admin_service(request, context);
    EXPECT_TRUE(answer.has_value());
    return answer.value_or(AdminAnswer{});
  }
  AdminAnswer users(const std::string& operation, const std::string& content, const std::string& login = "admin",
                    const std::string& password = "Adm1n-pw") {
    return call("RemoteUserStoreManagerService", operation, kUserNs, content, login, password);
  }
  std::string exists(const std::string& user, const std::string& login = "admin", const std::string& password = "Adm1n-pw") {
    return element_text(users("isExistingUser", "<ser:userName>" + user + "</ser:userName>", login, password).body, "return");
  }
  AdminAnswer add_store(const std::string& domain, const std::string& login = "admin", const std::string& password = "Adm1n-pw") {
    return call("UserStoreConfigAdminService", "addUserStore", kStoreNs,
                "<ser:userStoreDTO><xsd1:className>org.wso2.carbon.user.core.jdbc.JDBCUserStoreManager</xsd1:className>"
                "<xsd1:description>planrun check</xsd1:description><xsd1:disabled>false</xsd1:disabled><xsd1:domainId>" +
                    domain + "</xsd1:domainId><xsd1:properties><xsd1:name>dataSource</xsd1:name><xsd1:value>jdbc/WSO2CarbonDB"
                             "</xsd1:value></xsd1:properties></ser:userStoreDTO>",
                login, password);
  }
  AdminAnswer tenants(const std::string& operation, const std::string& content, const std::string& login = "admin",
                      const std::string& password = "Adm1n-pw") {
    return call("TenantMgtAdminService", operation, kTenantNs, content, login, password);
  }

  fs::path home;
  AdminContext context;
  std::optional<testing::TestServer> server;
  DatabaseCredentials credentials;
  std::unique_ptr<DatabaseConnection> admin_;
  bool made = false;
  std::vector<std::string> errors;  // what the services logged as ERROR
};

TEST_P(FakeCarbonAdmin, LoginsAreCheckedAgainstTheRealmInTheDatabase) {
  AdminRequest login{"/services/AuthenticationAdmin", "urn:login", "",
                     soap("http://authentication.services.core.carbon.wso2.org", "login",
                          "<ser:username>admin</ser:username><ser:password>Adm1n-pw</ser:password><ser:remoteAddress>127.0.0.1</ser:remoteAddress>")};
  EXPECT_EQ(element_text(answer_admin_service(login, context)->body, "return"), "true");
  login.body = soap("http://authentication.services.core.carbon.wso2.org", "login",
                    "<ser:username>admin</ser:username><ser:password>from-user-mgt</ser:password>");
  EXPECT_EQ(element_text(answer_admin_service(login, context)->body, "return"), "false")
      << "user-mgt.xml's password counts only while the administrator is not in UM_USER";
  EXPECT_EQ(users("isExistingUser", "<ser:userName>admin</ser:userName>", "admin", "wrong").status, 401);
  EXPECT_EQ(exists("admin"), "true");
  EXPECT_EQ(exists("admin", "admin@old.example", "Old-t3nant"), "true");
  EXPECT_EQ(users("isExistingUser", "<ser:userName>admin</ser:userName>", "admin@old.example", "Adm1n-pw").status, 401);
  EXPECT_FALSE(answer_admin_service({"/services/NoSuchService", "", "", ""}, context).has_value());
}

TEST_P(FakeCarbonAdmin, PrimaryUsersAreUmUserRowsOfTheCallersTenant) {
  AdminAnswer added = users("addUser", "<ser:userName>alice</ser:userName><ser:credential>Al1ce-pw</ser:credential>"
                                       "<ser:requirePasswordChange>false</ser:requirePasswordChange>");
  EXPECT_EQ(added.status, 202) << added.body;
  std::string salt = value("SELECT UM_SALT_VALUE FROM UM_USER WHERE UM_USER_NAME = 'alice' AND UM_TENANT_ID = -1234");
  EXPECT_EQ(value("SELECT UM_USER_PASSWORD FROM UM_USER WHERE UM_USER_NAME = 'alice' AND UM_TENANT_ID = -1234"),
            carbon_password_hash("Al1ce-pw", salt));
  EXPECT_EQ(exists("alice"), "true");
  EXPECT_EQ(exists("PRIMARY/alice"), "true");
  EXPECT_EQ(exists("alice", "admin@old.example", "Old-t3nant"), "false") << "users belong to their tenant";
  EXPECT_EQ(exists("alice", "alice", "Al1ce-pw"), "true") << "the new user logs in with its password";

  AdminAnswer again = users("addUser", "<ser:userName>alice</ser:userName><ser:credential>Al1ce-pw</ser:credential>");
  EXPECT_EQ(again.status, 500);
  EXPECT_NE(again.body.find("UserAlreadyExisting"), std::string::npos) << again.body;
  ASSERT_EQ(errors.size(), 1u) << "Carbon logs a fault as an ERROR";
  EXPECT_EQ(errors[0], "org.wso2.carbon.admin.RemoteUserStoreManagerService: UserAlreadyExisting:Username already exists in the "
                       "system. Pick another username.");
  AdminAnswer weak = users("addUser", "<ser:userName>bob</ser:userName><ser:credential>pw</ser:credential>");
  EXPECT_NE(weak.body.find("Credential not valid"), std::string::npos) << weak.body;

  std::string listed = users("listUsers", "<ser:filter>a*</ser:filter><ser:maxItemLimit>100</ser:maxItemLimit>").body;
  EXPECT_EQ(element_texts(listed, "return"), (std::vector<std::string>{"admin", "alice"}));
  EXPECT_EQ(users("deleteUser", "<ser:userName>alice</ser:userName>").status, 202);
  EXPECT_EQ(value("SELECT UM_USER_NAME FROM UM_USER WHERE UM_USER_NAME = 'alice'"), "(none)");
  EXPECT_NE(users("deleteUser", "<ser:userName>alice</ser:userName>").body.find("Cannot delete user who is not exist"), std::string::npos);
  EXPECT_NE(users("deleteUser", "<ser:userName>admin</ser:userName>").body.find("Cannot delete admin user"), std::string::npos);
}

TEST_P(FakeCarbonAdmin, TenantsAreUmTenantRowsWhoseAdminsLogInUntilDeactivated) {
  AdminAnswer added = tenants("addTenant", "<ser:tenantInfoBean><xsd:active>true</xsd:active><xsd:admin>boss</xsd:admin>"
                                           "<xsd:adminPassword>B0ss-pw1</xsd:adminPassword><xsd:email>boss@new.example</xsd:email>"
                                           "<xsd:firstname>B</xsd:firstname><xsd:lastname>Oss</xsd:lastname>"
                                           "<xsd:tenantDomain>new.example</xsd:tenantDomain></ser:tenantInfoBean>");
  ASSERT_EQ(added.status, 200) << added.body;
  std::string id = element_text(added.body, "return");
  EXPECT_EQ(value("SELECT UM_ID FROM UM_TENANT WHERE UM_DOMAIN_NAME = 'new.example'"), id);
  EXPECT_EQ(id, "8") << "the id comes from the table's own sequence, after the old tenant 7";
  EXPECT_TRUE(fs::is_directory(home / "repository/tenants" / id));
  std::string tenant = tenants("getTenant", "<ser:tenantDomain>new.example</ser:tenantDomain>").body;
  EXPECT_EQ(element_text(tenant, "tenantId"), id);
  EXPECT_EQ(element_text(tenant, "active"), "true");
  EXPECT_EQ(element_text(tenant, "email"), "boss@new.example");
  EXPECT_EQ(element_text(tenants("getTenant", "<ser:tenantDomain>old.example</ser:tenantDomain>").body, "tenantId"), "7");

  EXPECT_EQ(users("addUser", "<ser:userName>carol</ser:userName><ser:credential>Car0l-pw</ser:credential>", "boss@new.example",
                  "B0ss-pw1").status, 202);
  EXPECT_EQ(value("SELECT UM_TENANT_ID FROM UM_USER WHERE UM_USER_NAME = 'carol'"), id);
  EXPECT_NE(tenants("getTenant", "<ser:tenantDomain>new.example</ser:tenantDomain>", "boss@new.example", "B0ss-pw1")
                .body.find("cannot manage tenants"), std::string::npos);
  EXPECT_NE(tenants("addTenant", "<ser:tenantInfoBean><xsd:admin>boss</xsd:admin><xsd:adminPassword>B0ss-pw1</xsd:adminPassword>"
                                 "<xsd:tenantDomain>new.example</xsd:tenantDomain></ser:tenantInfoBean>")
                .body.find("already registered"), std::string::npos);

  EXPECT_EQ(tenants("deactivateTenant", "<ser:tenantDomain>new.example</ser:tenantDomain>").status, 202);
  EXPECT_EQ(value("SELECT CASE WHEN UM_ACTIVE THEN 'yes' ELSE 'no' END FROM UM_TENANT WHERE UM_DOMAIN_NAME = 'new.example'"), "no");
  EXPECT_EQ(users("isExistingUser", "<ser:userName>carol</ser:userName>", "boss@new.example", "B0ss-pw1").status, 401);
  EXPECT_EQ(tenants("activateTenant", "<ser:tenantDomain>new.example</ser:tenantDomain>").status, 202);
  EXPECT_EQ(exists("carol", "boss@new.example", "B0ss-pw1"), "true");
  EXPECT_NE(tenants("getTenant", "<ser:tenantDomain>none.example</ser:tenantDomain>").body.find("not registered"), std::string::npos);
}

TEST_P(FakeCarbonAdmin, SecondaryStoresAreTheTenantsUserstoreFilesAndHoldTheirOwnUsers) {
  EXPECT_EQ(users("addUser", "<ser:userName>STORE_A/bob</ser:userName><ser:credential>B0b-pw</ser:credential>").status, 500)
      << "no such store yet";
  ASSERT_EQ(add_store("store_a").status, 202);
  std::string file = read(home / "repository/deployment/server/userstores/STORE_A.xml");
  EXPECT_NE(file.find("<UserStoreManager class=\"org.wso2.carbon.user.core.jdbc.JDBCUserStoreManager\">"), std::string::npos) << file;
  EXPECT_NE(file.find("<Property name=\"DomainName\">STORE_A</Property>"), std::string::npos) << file;
  EXPECT_NE(file.find("<Property name=\"dataSource\">jdbc/WSO2CarbonDB</Property>"), std::string::npos) << file;
  EXPECT_NE(add_store("STORE_A").body.find("already in use"), std::string::npos);

  std::string listed = call("UserStoreConfigAdminService", "getSecondaryRealmConfigurations", kStoreNs, "").body;
  EXPECT_EQ(element_texts(listed, "domainId"), (std::vector<std::string>{"STORE_A"}));
  EXPECT_EQ(element_text(listed, "className"), "org.wso2.carbon.user.core.jdbc.JDBCUserStoreManager");

  EXPECT_EQ(users("addUser", "<ser:userName>store_a/bob</ser:userName><ser:credential>B0b-pw</ser:credential>").status, 202);
  EXPECT_EQ(exists("STORE_A/bob"), "true");
  EXPECT_EQ(exists("bob"), "false") << "a secondary store's user is not in PRIMARY";
  EXPECT_EQ(element_texts(users("listUsers", "<ser:filter>*</ser:filter><ser:maxItemLimit>10</ser:maxItemLimit>").body, "return"),
            (std::vector<std::string>{"admin", "olduser", "STORE_A/bob"}));

  ASSERT_EQ(add_store("TENANT_STORE", "admin@old.example", "Old-t3nant").status, 202);
  EXPECT_TRUE(fs::exists(home / "repository/tenants/7/userstores/TENANT_STORE.xml"));
  EXPECT_EQ(element_texts(call("UserStoreConfigAdminService", "getSecondaryRealmConfigurations", kStoreNs, "").body, "domainId"),
            (std::vector<std::string>{"STORE_A"})) << "each tenant sees its own stores";

  EXPECT_EQ(users("deleteUser", "<ser:userName>STORE_A/bob</ser:userName>").status, 202);
  EXPECT_EQ(exists("STORE_A/bob"), "false");
  EXPECT_EQ(call("UserStoreConfigAdminService", "deleteUserStore", kStoreNs, "<ser:domainName>STORE_A</ser:domainName>").status, 202);
  EXPECT_FALSE(fs::exists(home / "repository/deployment/server/userstores/STORE_A.xml"));
  EXPECT_EQ(users("isExistingUser", "<ser:userName>STORE_A/bob</ser:userName>").status, 500);
}

INSTANTIATE_TEST_SUITE_P(Databases, FakeCarbonAdmin,
                         ::testing::Values("sqlite", "PLANRUN_TEST_POSTGRES", "PLANRUN_TEST_MARIADB"),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return info.param == "sqlite" ? std::string("SQLite")
                                  : info.param == "PLANRUN_TEST_POSTGRES" ? std::string("PostgreSQL")
                                                                          : std::string("MariaDB");
                         });

// A PostgreSQL copy that did not carry a sequence's state: Carbon's INSERT takes an id that is
// taken, and so does the fake's.
TEST(FakeCarbonAdminOnPostgresql, AUserSequenceThatLostItsStateFailsAddUserAsInCarbon) {
  std::optional<testing::TestServer> server;
  PLANRUN_REQUIRE_SERVER(server, "PLANRUN_TEST_POSTGRES");
  DatabaseCredentials credentials;
  credentials.add(server->dsn, server->password);
  AdminContext context;
  context.home = fs::temp_directory_path() / ("planrun-admin-seq-" + std::to_string(::getpid()));
  context.user_database = server->dsn;
  context.user_database.database = "planrun_admin_seq_" + std::to_string(::getpid());
  context.user_database_password = server->password;
  credentials.add(context.user_database, server->password);
  auto admin = SociDatabases(credentials).open(server->dsn);
  admin->session() << "DROP DATABASE IF EXISTS " + context.user_database.database;
  admin->session() << "CREATE DATABASE " + context.user_database.database;
  {
    auto db = SociDatabases(credentials).open(context.user_database);
    for (const std::string& statement : realm_ddl(Dsn::Kind::Postgresql)) db->session() << statement;
    db->session() << "SELECT setval('UM_USER_PK_SEQ', 1, false)";  // the next id is 1: the administrator's
  }
  AdminRequest request{"/services/RemoteUserStoreManagerService", "urn:addUser", basic("admin", "Adm1n-pw"),
                       soap(kUserNs, "addUser", "<ser:userName>alice</ser:userName><ser:credential>Al1ce-pw</ser:credential>")};
  AdminAnswer answer = *answer_admin_service(request, context);
  admin->session() << "DROP DATABASE " + context.user_database.database;
  fs::remove_all(context.home);
  EXPECT_EQ(answer.status, 500);
  EXPECT_NE(answer.body.find("duplicate key"), std::string::npos) << answer.body;
}

TEST(SoapMessage, ElementsAreFoundByLocalNameWithAnyPrefixAndNested) {
  std::string body = "<s:Envelope xmlns:s=\"x\"><s:Body><a:addUserStore><a:userStoreDTO><b:domainId>D&amp;1</b:domainId>"
                     "<b:properties><b:name>n1</b:name><b:value>v1</b:value></b:properties>"
                     "<b:properties><b:name>n2</b:name><b:value/></b:properties></a:userStoreDTO></a:addUserStore></s:Body></s:Envelope>";
  EXPECT_EQ(element_text(body, "domainId"), "D&1");
  EXPECT_EQ(element_texts(body, "name"), (std::vector<std::string>{"n1", "n2"}));
  EXPECT_EQ(element_texts(body, "value"), (std::vector<std::string>{"v1", ""}));
  EXPECT_EQ(elements(body, "properties").size(), 2u);
  EXPECT_EQ(operation_of("", body), "addUserStore");
  EXPECT_EQ(operation_of("\"urn:getTenant\"", body), "getTenant");
  EXPECT_EQ(element_text(fault("a < b"), "faultstring"), "a < b");
}

}  // namespace
}  // namespace planrun::fake_carbon
