#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "interpreter/carbon/carbon_config_error.h"

namespace planrun {

// One key store entry of carbon.xml <Security>: <KeyStore> (the primary key store, which
// encrypts user store passwords, registry properties and the secure vault), <TrustStore>, or
// <RegistryKeyStore>.
struct CarbonKeyStore {
  std::string element;          // "KeyStore", "TrustStore", "RegistryKeyStore"
  std::string location;         // <Location> as written, e.g. ${carbon.home}/repository/resources/security/wso2carbon.jks
  std::filesystem::path path;   // the file: ${carbon.home} replaced by the home, a relative path made absolute against it
  std::string type;             // <Type>: JKS, PKCS12
  std::string password;         // <Password>'s text (with an alias, Carbon's stand-in text, not the password)
  std::optional<std::string> password_alias;      // svns:secretAlias of <Password>
  std::string key_alias;        // <KeyAlias> (not in TrustStore)
  std::string key_password;     // <KeyPassword>
  std::optional<std::string> key_password_alias;  // svns:secretAlias of <KeyPassword>
  std::string position;         // "file:line:col" of the element

  // The file lies in the home (the usual case): it can be carried to the same relative path.
  std::optional<std::filesystem::path> path_in_home(const std::filesystem::path& home) const;
};

// Carbon's secure vault: passwords in the configuration replaced by aliases
// (svns:secretAlias), their values encrypted with a key store in cipher-text.properties.
struct CarbonSecureVault {
  bool used = false;                  // an alias is used (carbon.xml, datasources) or cipher-text.properties exists
  std::vector<std::string> used_at;   // "file:line:col alias" of each alias, and the cipher text file if it exists
  std::filesystem::path secret_conf;  // repository/conf/security/secret-conf.properties
  std::filesystem::path cipher_text;  // its secretRepositories.file.location, else repository/conf/security/cipher-text.properties
  std::optional<std::filesystem::path> key_store;  // its keystore.identity.location, when it names one
};

// What of a Carbon installation's security must go with its data to a new home.
struct CarbonSecurity {
  std::filesystem::path carbon_xml;
  std::vector<CarbonKeyStore> key_stores;  // those carbon.xml has, in its order
  CarbonSecureVault secure_vault;
};

// Reads <home>/repository/conf/carbon.xml <Security> and the secure vault's files. Throws
// CarbonConfigError at file:line:col for a missing carbon.xml, malformed XML, or a key store
// entry without a <Location>.
CarbonSecurity carbon_security(const std::filesystem::path& home);

// "${carbon.home}/x" or "x" -> <home>/x; an absolute path stays.
std::filesystem::path resolve_carbon_path(const std::filesystem::path& home, const std::string& written);

}  // namespace planrun
