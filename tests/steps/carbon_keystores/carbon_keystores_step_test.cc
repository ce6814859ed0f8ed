// carbon-keystores on small real Carbon homes: a custom PKCS#12 key store named in carbon.xml,
// the trust store, a RegistryKeyStore the pack's carbon.xml lacks, the secure vault, passwords
// from secrets, the pack's originals kept, and re-runs after a kill.

#include "interpreter/steps/carbon_keystores/carbon_keystores_step.h"

#include <gtest/gtest.h>

#include "interpreter/step_kit/step_failure.h"
#include "tests/support/carbon_fixture_home.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;
using testing::FixtureKeyStore;
using testing::read_text;

const fs::path kSecurity = "repository/resources/security";

class CarbonKeystoresStepTest : public ::testing::Test {
 protected:
  void SetUp() override {
    FixtureKeyStore custom{"KeyStore", "${carbon.home}/repository/resources/security/acme.p12", "PKCS12", "acme-pw", "acme", "acme-key"};
    FixtureKeyStore trust{"TrustStore", "${carbon.home}/repository/resources/security/client-truststore.jks", "JKS", "trust-pw"};
    testing::write_carbon_xml(old_home(), {custom, trust});
    testing::write_file(old_home() / kSecurity / "acme.p12", "old key store bytes", 0600);
    testing::write_file(old_home() / kSecurity / "client-truststore.jks", "old trust store bytes", 0640);
    testing::write_carbon_xml(new_home(), {FixtureKeyStore{}, FixtureKeyStore{"TrustStore", "${carbon.home}/repository/resources/security/client-truststore.jks", "JKS", "wso2carbon"}});
    testing::write_file(new_home() / kSecurity / "wso2carbon.jks", "pack key store bytes");
    testing::write_file(new_home() / kSecurity / "client-truststore.jks", "pack trust store bytes");
  }
  fs::path old_home() const { return fs::absolute(fixture.dir.path() / "old"); }
  fs::path new_home() const { return fs::absolute(fixture.dir.path() / "new"); }
  fs::path new_carbon_xml() const { return new_home() / "repository/conf/carbon.xml"; }
  fs::path originals() const { return fixture.run_dir() / "keystores.originals"; }
  Value::Map fields() const { return {{"old_home", Value(old_home().string())}, {"new_home", Value(new_home().string())}}; }
  void run(Value::Map given) {
    StepContext context = fixture.context(std::move(given));
    context.work_dir = fixture.dir.path() / "work";
    CarbonKeystoresStep().run(context);
    outputs = context.outputs;
  }
  std::string failure_of(Value::Map given) {
    return testing::failure_message([&] { run(std::move(given)); });
  }

  testing::StepFixture fixture{"carbon-keystores", "keystores"};
  Value::Map outputs;
};

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

TEST_F(CarbonKeystoresStepTest, TheKeyStoresAreCarriedToTheSamePathsWithTheirModes) {
  run(fields());
  EXPECT_EQ(read_text(new_home() / kSecurity / "acme.p12"), "old key store bytes");
  EXPECT_EQ(read_text(new_home() / kSecurity / "client-truststore.jks"), "old trust store bytes");
  EXPECT_EQ(fs::status(new_home() / kSecurity / "acme.p12").permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_EQ(outputs["files"], Value(Value::List{(new_home() / kSecurity / "acme.p12").string(),
                                                (new_home() / kSecurity / "client-truststore.jks").string(),
                                                new_carbon_xml().string()}));
  EXPECT_EQ(outputs["secure_vault"], Value(false));
}

TEST_F(CarbonKeystoresStepTest, TheNewCarbonXmlNamesThemAsTheOldOneDoes) {
  run(fields());
  std::string carbon_xml = read_text(new_carbon_xml());
  EXPECT_NE(carbon_xml.find("<KeyStore>\n"
                            "            <Location>${carbon.home}/repository/resources/security/acme.p12</Location>\n"
                            "            <Type>PKCS12</Type>\n"
                            "            <Password>acme-pw</Password>\n"
                            "            <KeyAlias>acme</KeyAlias>\n"
                            "            <KeyPassword>acme-key</KeyPassword>"),
            std::string::npos)
      << carbon_xml;
  EXPECT_NE(carbon_xml.find("<Password>trust-pw</Password>"), std::string::npos) << carbon_xml;
}

TEST_F(CarbonKeystoresStepTest, ThePacksFilesAreKeptInTheRunDirectory) {
  run(fields());
  EXPECT_EQ(read_text(originals() / kSecurity / "client-truststore.jks"), "pack trust store bytes");
  EXPECT_NE(read_text(originals() / "repository/conf/carbon.xml").find("wso2carbon.jks"), std::string::npos);
  EXPECT_FALSE(fs::exists(originals() / kSecurity / "acme.p12")) << "the pack had none";
  EXPECT_EQ(outputs["originals"], Value(originals().string()));
}

TEST_F(CarbonKeystoresStepTest, ARerunAfterAKillKeepsThePacksOriginalsNotWhatTheFirstAttemptWrote) {
  run(fields());
  // The work directory survives an interrupted attempt: a second attempt finds the home changed.
  fs::remove_all(originals());
  run(fields());
  EXPECT_EQ(read_text(originals() / kSecurity / "client-truststore.jks"), "pack trust store bytes");
  EXPECT_EQ(read_text(new_home() / kSecurity / "client-truststore.jks"), "old trust store bytes");
  EXPECT_NE(joined(fixture.log.infos).find(new_carbon_xml().string() + " already has the old key store settings"),
            std::string::npos);
}

TEST_F(CarbonKeystoresStepTest, StartingOverWithOtherInputsPutsThePacksFilesBackFirst) {
  std::string pack_carbon_xml = read_text(new_carbon_xml());
  run(fields());
  StepContext context = fixture.context(fields());
  context.work_dir = fixture.dir.path() / "work";
  CarbonKeystoresStep().discard_partial_work(context);
  EXPECT_EQ(read_text(new_home() / kSecurity / "client-truststore.jks"), "pack trust store bytes");
  EXPECT_EQ(read_text(new_carbon_xml()), pack_carbon_xml);
}

TEST_F(CarbonKeystoresStepTest, PasswordsFromSecretsReplaceTheOldOnesAndAreNeverShown) {
  fixture.masker.secrets = {"n3w-key-s3cret"};
  Value::Map given = fields();
  given["passwords"] = Value(Value::Map{{"KeyStore.Password", Value("n3w-key-s3cret").mark_secret()}});
  run(given);
  EXPECT_NE(read_text(new_carbon_xml()).find("<Password>n3w-key-s3cret</Password>"), std::string::npos);
  std::string shown = joined(fixture.log.infos);
  EXPECT_EQ(shown.find("n3w-key-s3cret"), std::string::npos) << shown;
  EXPECT_EQ(shown.find("acme-pw"), std::string::npos) << shown;
  EXPECT_NE(shown.find("+            <Password>***</Password>"), std::string::npos) << shown;
}

TEST_F(CarbonKeystoresStepTest, AnUnknownPasswordSettingIsAnError) {
  Value::Map given = fields();
  given["passwords"] = Value(Value::Map{{"KeyStore.Pasword", Value("x").mark_secret()}});
  EXPECT_EQ(failure_of(given), "`passwords` names 'KeyStore.Pasword', which is no key store setting (did you mean 'KeyStore.Password'?)");
}

TEST_F(CarbonKeystoresStepTest, ARegistryKeyStoreThePackLacksIsCarriedWhole) {
  FixtureKeyStore custom{"KeyStore", "${carbon.home}/repository/resources/security/acme.p12", "PKCS12", "acme-pw", "acme", "acme-key"};
  FixtureKeyStore registry{"RegistryKeyStore", "${carbon.home}/repository/resources/security/registry.jks", "JKS", "reg-pw", "reg", "reg-key"};
  testing::write_carbon_xml(old_home(), {custom, registry});
  testing::write_file(old_home() / kSecurity / "registry.jks", "registry key store bytes");
  run(fields());
  std::string carbon_xml = read_text(new_carbon_xml());
  EXPECT_NE(carbon_xml.find(testing::key_store_element(registry) + "    </Security>"), std::string::npos) << carbon_xml;
  EXPECT_EQ(read_text(new_home() / kSecurity / "registry.jks"), "registry key store bytes");
}

TEST_F(CarbonKeystoresStepTest, TheSecureVaultIsCarriedWhenTheOldHomeUsesIt) {
  FixtureKeyStore custom{"KeyStore", "${carbon.home}/repository/resources/security/acme.p12", "PKCS12", "password", "acme", "acme-key"};
  custom.password_alias = "Carbon.Security.KeyStore.Password";
  testing::write_carbon_xml(old_home(), {custom});
  fs::path security = fs::path("repository/conf/security");
  testing::write_file(old_home() / security / "secret-conf.properties",
                      "keystore.identity.location=repository/resources/security/acme.p12\n");
  testing::write_file(old_home() / security / "cipher-text.properties", "Carbon.Security.KeyStore.Password=c2VjcmV0\n");
  run(fields());
  EXPECT_EQ(read_text(new_home() / security / "cipher-text.properties"), "Carbon.Security.KeyStore.Password=c2VjcmV0\n");
  EXPECT_TRUE(fs::exists(new_home() / security / "secret-conf.properties"));
  std::string carbon_xml = read_text(new_carbon_xml());
  EXPECT_NE(carbon_xml.find("<Server xmlns:svns=\"http://org.wso2.securevault/configuration\" xmlns="), std::string::npos) << carbon_xml;
  EXPECT_NE(carbon_xml.find("<Password svns:secretAlias=\"Carbon.Security.KeyStore.Password\">password</Password>"),
            std::string::npos)
      << carbon_xml;
  EXPECT_EQ(outputs["secure_vault"], Value(true));
}

TEST_F(CarbonKeystoresStepTest, AnAliasWithoutItsCipherTextFails) {
  FixtureKeyStore custom{"KeyStore", "${carbon.home}/repository/resources/security/acme.p12", "PKCS12", "password", "acme", "acme-key"};
  custom.password_alias = "Carbon.Security.KeyStore.Password";
  testing::write_carbon_xml(old_home(), {custom});
  EXPECT_EQ(failure_of(fields()), "the old home uses the secure vault (" + (old_home() / "repository/conf/carbon.xml").string() +
                                      ":8:9 Carbon.Security.KeyStore.Password) but has no " +
                                      (old_home() / "repository/conf/security/cipher-text.properties").string());
}

TEST_F(CarbonKeystoresStepTest, AKeyStoreTheOldHomeLacksFailsNamingWhereItIsNamed) {
  fs::remove(old_home() / kSecurity / "acme.p12");
  EXPECT_EQ(failure_of(fields()), "KeyStore (" + (old_home() / "repository/conf/carbon.xml").string() + ":8:9) names " +
                                      (old_home() / kSecurity / "acme.p12").string() + ", which the old home does not have");
}

}  // namespace
}  // namespace planrun
