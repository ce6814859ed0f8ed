#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "interpreter/step_kit/step_field.h"
#include "interpreter/step_kit/step_schema.h"

namespace planrun {

// The fields of `carbon-keystores`, declared once: the schema is made of them and the action reads them.
struct CarbonKeystoresFields {
  StepField<std::filesystem::path> old_home = StepField<std::filesystem::path>::required(
      "old_home", types::path(), "the old Carbon installation, read only: its carbon.xml <Security>, key stores, secure vault");
  StepField<std::filesystem::path> new_home = StepField<std::filesystem::path>::required(
      "new_home", types::path(), "the new Carbon installation that receives them");
  StepField<Value> passwords = StepField<Value>::optional(
      "passwords", types::map_of(types::secret()),
      "passwords written into the new carbon.xml instead of the old file's, by setting: KeyStore.Password, "
      "KeyStore.KeyPassword, TrustStore.Password, RegistryKeyStore.Password, RegistryKeyStore.KeyPassword");
};

// The settings `passwords` may name, "Element.Setting".
const std::vector<std::string>& carbon_keystore_password_settings();

// The one instance, which the schema is made of and the action reads.
const CarbonKeystoresFields& carbon_keystores_fields();
// `carbon-keystores` in the catalogue: its fields, effect and outputs (compiler, explain, fingerprint).
const StepSchema& carbon_keystores_schema();

}  // namespace planrun
