#include "tests/tools/fake_carbon_server/key_store.h"

#include <openssl/pkcs12.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <fstream>
#include <sstream>
#include <vector>

#include "interpreter/carbon/carbon_datasource.h"
#include "interpreter/carbon/carbon_xml_file.h"

namespace planrun::fake_carbon {

namespace fs = std::filesystem;

namespace {

std::string resolved(std::string location, const fs::path& home) {
  const std::string variable = "${carbon.home}";
  for (size_t at; (at = location.find(variable)) != std::string::npos;) location.replace(at, variable.size(), home.string());
  return location;
}

std::optional<std::string> base64_decoded(std::string text) {
  std::string clean;
  for (char c : text)
    if (!std::isspace(static_cast<unsigned char>(c))) clean += c;
  if (clean.empty() || clean.size() % 4 != 0) return std::nullopt;
  std::string bytes(clean.size() / 4 * 3, '\0');
  int length = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(bytes.data()),
                               reinterpret_cast<const unsigned char*>(clean.data()), static_cast<int>(clean.size()));
  if (length < 0) return std::nullopt;
  size_t padding = clean.ends_with("==") ? 2 : clean.ends_with("=") ? 1 : 0;  // EVP_DecodeBlock counts it as zero bytes
  bytes.resize(static_cast<size_t>(length) - padding);
  return bytes;
}

PKCS12* read_pkcs12(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw KeyStoreError("Keystore File Not Found in configured location: " + file.string());
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::string data = bytes.str();
  const unsigned char* at = reinterpret_cast<const unsigned char*>(data.data());
  PKCS12* store = d2i_PKCS12(nullptr, &at, static_cast<long>(data.size()));
  if (!store) throw KeyStoreError("Keystore File IO operation failed: " + file.string() + " is not a key store (Invalid keystore format)");
  return store;
}

}  // namespace

KeyStoreSettings primary_key_store_settings(const fs::path& home) {
  CarbonXmlFile xml(home / "repository" / "conf" / "carbon.xml", "configuration file");
  pugi::xml_node store = xml.document.select_node("/Server/Security/KeyStore").node();
  if (!store) throw CarbonConfigError(xml.file.string() + ": no <Security><KeyStore>");
  return {resolved(trimmed_text(store.child_value("Location")), home), trimmed_text(store.child_value("Type")),
          trimmed_text(store.child_value("Password")), trimmed_text(store.child_value("KeyAlias")),
          trimmed_text(store.child_value("KeyPassword")), xml.position_of(store)};
}

// Our fixture key stores are PKCS#12 files, even those named .jks with <Type>JKS</Type>: since
// Java 8 a JKS KeyStore reads PKCS#12 content too (keystore.type.compat=true), so Carbon opens
// them as it opens a real JKS file. Real JKS content is not read here.
KeyStore KeyStore::open(const KeyStoreSettings& settings) {
  if (settings.type != "JKS" && settings.type != "PKCS12")
    throw KeyStoreError("Faulty keystore: " + settings.type + " not found (the KeyStore <Type> at " + settings.where + ")");
  std::unique_ptr<PKCS12, void (*)(PKCS12*)> store(read_pkcs12(settings.location), PKCS12_free);
  if (!PKCS12_verify_mac(store.get(), settings.password.c_str(), -1))
    throw KeyStoreError("Keystore File IO operation failed: " + settings.location.string() +
                        ": Keystore was tampered with, or password was incorrect");
  EVP_PKEY* key = nullptr;
  X509* certificate = nullptr;
  // openssl pkcs12 -export protects the key with the store's password: a different
  // <KeyPassword> cannot recover it, as Java's getKey could not.
  if (settings.key_password != settings.password ||
      !PKCS12_parse(store.get(), settings.key_password.c_str(), &key, &certificate, nullptr) || !key)
    throw KeyStoreError("Some parameters assigned to access the keystore is invalid: " + settings.location.string() +
                        ": Cannot recover key '" + settings.key_alias + "'");
  int length = 0;
  const unsigned char* alias = certificate ? X509_alias_get0(certificate, &length) : nullptr;
  std::string found = alias ? std::string(reinterpret_cast<const char*>(alias), static_cast<size_t>(length)) : "";
  X509_free(certificate);
  if (found != settings.key_alias) {
    EVP_PKEY_free(key);
    throw KeyStoreError("Some parameters assigned to access the keystore is invalid: " + settings.location.string() +
                        " has no key with the alias '" + settings.key_alias + "' (it holds '" + found + "')");
  }
  return KeyStore(key, settings.location.string() + " (alias '" + settings.key_alias + "')");
}

std::optional<std::string> KeyStore::decrypt(const std::string& base64) const {
  std::optional<std::string> cipher = base64_decoded(base64);
  if (!cipher) return std::nullopt;
  std::unique_ptr<EVP_PKEY_CTX, void (*)(EVP_PKEY_CTX*)> context(EVP_PKEY_CTX_new(key_.get(), nullptr), EVP_PKEY_CTX_free);
  if (EVP_PKEY_decrypt_init(context.get()) <= 0 || EVP_PKEY_CTX_set_rsa_padding(context.get(), RSA_PKCS1_PADDING) <= 0)
    return std::nullopt;
  // OpenSSL 3.2 and later answer a wrong key with random bytes ("implicit rejection") unless
  // told not to; Java's Cipher throws BadPaddingException, which is what the fake must see.
  EVP_PKEY_CTX_ctrl_str(context.get(), "rsa_pkcs1_implicit_rejection", "0");
  const auto* in = reinterpret_cast<const unsigned char*>(cipher->data());
  size_t size = 0;
  if (EVP_PKEY_decrypt(context.get(), nullptr, &size, in, cipher->size()) <= 0) return std::nullopt;
  std::string clear(size, '\0');
  if (EVP_PKEY_decrypt(context.get(), reinterpret_cast<unsigned char*>(clear.data()), &size, in, cipher->size()) <= 0)
    return std::nullopt;
  clear.resize(size);
  return clear;
}

}  // namespace planrun::fake_carbon
