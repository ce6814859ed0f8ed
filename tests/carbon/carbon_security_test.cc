// The Carbon reader's view of carbon.xml <Security> and the secure vault, on small real homes.

#include "interpreter/carbon/carbon_security.h"

#include <gtest/gtest.h>

#include "tests/support/carbon_fixture_home.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;
using testing::FixtureKeyStore;

fs::path security_dir(const fs::path& home) { return home / "repository" / "conf" / "security"; }

class CarbonSecurityTest : public ::testing::Test {
 protected:
  fs::path home() const { return fs::absolute(dir.path() / "home"); }
  testing::TempDir dir;
};

TEST_F(CarbonSecurityTest, ReadsEachKeyStoreEntryWithItsLocationResolvedAgainstTheHome) {
  FixtureKeyStore key_store{"KeyStore", "${carbon.home}/repository/resources/security/custom.p12", "PKCS12", "ks-pw", "custom", "key-pw"};
  FixtureKeyStore trust_store{"TrustStore", "repository/resources/security/client-truststore.jks", "JKS", "ts-pw"};
  FixtureKeyStore registry{"RegistryKeyStore", "/etc/wso2/registry.jks", "JKS", "rk-pw", "reg", "rk-key"};
  testing::write_carbon_xml(home(), {key_store, trust_store, registry});
  CarbonSecurity security = carbon_security(home());
  ASSERT_EQ(security.key_stores.size(), 3u);
  const CarbonKeyStore& primary = security.key_stores[0];
  EXPECT_EQ(primary.element, "KeyStore");
  EXPECT_EQ(primary.location, "${carbon.home}/repository/resources/security/custom.p12");
  EXPECT_EQ(primary.path, home() / "repository/resources/security/custom.p12");
  EXPECT_EQ(primary.type, "PKCS12");
  EXPECT_EQ(primary.password, "ks-pw");
  EXPECT_EQ(primary.key_alias, "custom");
  EXPECT_EQ(primary.key_password, "key-pw");
  EXPECT_EQ(primary.position, (home() / "repository/conf/carbon.xml").string() + ":8:9");
  EXPECT_EQ(primary.path_in_home(home()), fs::path("repository/resources/security/custom.p12"));
  EXPECT_EQ(security.key_stores[1].path, home() / "repository/resources/security/client-truststore.jks");
  EXPECT_EQ(security.key_stores[2].path_in_home(home()), std::nullopt);
  EXPECT_FALSE(security.secure_vault.used);
}

TEST_F(CarbonSecurityTest, AnAliasedPasswordMeansTheSecureVaultIsUsed) {
  FixtureKeyStore key_store;
  key_store.password_alias = "Carbon.Security.KeyStore.Password";
  key_store.password = "password";
  testing::write_carbon_xml(home(), {key_store});
  testing::write_file(security_dir(home()) / "secret-conf.properties",
                      "# secure vault\nkeystore.identity.location=repository/resources/security/vault.jks\n"
                      "secretRepositories.file.location = repository/conf/security/cipher-text.properties\n");
  CarbonSecurity security = carbon_security(home());
  EXPECT_EQ(security.key_stores[0].password_alias, "Carbon.Security.KeyStore.Password");
  EXPECT_TRUE(security.secure_vault.used);
  EXPECT_EQ(security.secure_vault.used_at,
            std::vector<std::string>{(home() / "repository/conf/carbon.xml").string() + ":8:9 Carbon.Security.KeyStore.Password"});
  EXPECT_EQ(security.secure_vault.cipher_text, security_dir(home()) / "cipher-text.properties");
  EXPECT_EQ(security.secure_vault.key_store, home() / "repository/resources/security/vault.jks");
}

TEST_F(CarbonSecurityTest, AKeyStoreWithoutLocationIsAnErrorAtItsEntry) {
  testing::write_file(home() / "repository/conf/carbon.xml",
                      "<Server xmlns=\"http://wso2.org/projects/carbon/carbon.xml\">\n  <Security>\n    <TrustStore>\n"
                      "      <Type>JKS</Type>\n    </TrustStore>\n  </Security>\n</Server>\n");
  try {
    carbon_security(home());
    FAIL() << "no error";
  } catch (const CarbonConfigError& error) {
    EXPECT_EQ(std::string(error.what()), (home() / "repository/conf/carbon.xml").string() + ":3:5: <TrustStore> has no <Location>");
  }
}

}  // namespace
}  // namespace planrun
