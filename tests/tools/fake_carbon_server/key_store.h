#pragma once

#include <openssl/evp.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

namespace planrun::fake_carbon {

// carbon.xml's <Security><KeyStore>: the primary key store, which decrypts what Carbon keeps
// encrypted (secondary user store passwords, secure vault, registry properties).
struct KeyStoreSettings {
  std::filesystem::path location;  // <Location>, ${carbon.home} resolved
  std::string type;                // <Type>
  std::string password;            // <Password>
  std::string key_alias;           // <KeyAlias>
  std::string key_password;        // <KeyPassword>
  std::string where;               // carbon.xml:line:col of <KeyStore>
};
// Throws CarbonConfigError (carbon.xml missing, malformed, or without <Security><KeyStore>).
KeyStoreSettings primary_key_store_settings(const std::filesystem::path& home);

struct KeyStoreError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The private key of an opened key store.
class KeyStore {
 public:
  // Opens the key store as Java's KeyStore.load and getKey would, or throws KeyStoreError with
  // Carbon's words for the cause (file not found, wrong password, no such alias).
  static KeyStore open(const KeyStoreSettings& settings);
  // The clear text of a value Carbon encrypted with the key store's public key (CryptoUtil:
  // RSA, PKCS#1 v1.5 padding, base64), or nullopt when this key cannot decrypt it.
  std::optional<std::string> decrypt(const std::string& base64) const;
  // "PATH (alias 'acme')", for messages.
  const std::string& name() const { return name_; }

 private:
  KeyStore(EVP_PKEY* key, std::string name) : key_(key, EVP_PKEY_free), name_(std::move(name)) {}
  std::shared_ptr<EVP_PKEY> key_;
  std::string name_;
};

}  // namespace planrun::fake_carbon
