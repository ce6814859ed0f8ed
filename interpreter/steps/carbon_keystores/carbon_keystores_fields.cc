// The catalogue entry of `carbon-keystores`: no database client or archive library is linked from here.

#include "interpreter/steps/carbon_keystores/carbon_keystores_fields.h"

namespace planrun {

const std::vector<std::string>& carbon_keystore_password_settings() {
  static const std::vector<std::string> settings{"KeyStore.Password", "KeyStore.KeyPassword", "TrustStore.Password",
                                                 "RegistryKeyStore.Password", "RegistryKeyStore.KeyPassword"};
  return settings;
}

const CarbonKeystoresFields& carbon_keystores_fields() {
  static const CarbonKeystoresFields declared;
  return declared;
}

const StepSchema& carbon_keystores_schema() {
  const CarbonKeystoresFields& f = carbon_keystores_fields();
  static const StepSchema schema = make_step_schema(
      "carbon-keystores", 1,
      "carries the key stores and trust stores of the old carbon.xml <Security> (and the secure vault when it is used) "
      "to the new home, with their carbon.xml settings; the pack's files are kept in the run directory",
      StepSchema::Effect::Create, {f.old_home.spec(), f.new_home.spec(), f.passwords.spec()}, {},
      {"files", "originals", "secure_vault"});
  return schema;
}

}  // namespace planrun
