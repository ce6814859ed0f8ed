#include "interpreter/carbon/carbon_security.h"

#include <fstream>
#include <map>
#include <sstream>

#include "interpreter/carbon/carbon_datasources.h"
#include "interpreter/carbon/carbon_xml_file.h"

namespace planrun {

namespace fs = std::filesystem;

namespace {

constexpr const char* kAliasAttribute = "svns:secretAlias";

std::optional<std::string> alias_of(const pugi::xml_node& element) {
  pugi::xml_attribute alias = element.attribute(kAliasAttribute);
  if (!alias) return std::nullopt;
  return trimmed_text(alias.value());
}

CarbonKeyStore key_store_of(const CarbonXmlFile& xml, const pugi::xml_node& element, const fs::path& home) {
  CarbonKeyStore store;
  store.element = element.name();
  store.position = xml.position_of(element);
  store.location = trimmed_text(element.child_value("Location"));
  if (store.location.empty()) throw CarbonConfigError(store.position + ": <" + store.element + "> has no <Location>");
  store.path = resolve_carbon_path(home, store.location);
  store.type = trimmed_text(element.child_value("Type"));
  store.password = trimmed_text(element.child_value("Password"));
  store.password_alias = alias_of(element.child("Password"));
  store.key_alias = trimmed_text(element.child_value("KeyAlias"));
  store.key_password = trimmed_text(element.child_value("KeyPassword"));
  store.key_password_alias = alias_of(element.child("KeyPassword"));
  return store;
}

// Java properties as secret-conf.properties has them: key=value or key: value, # and ! comments.
std::map<std::string, std::string> read_properties(const fs::path& file) {
  std::map<std::string, std::string> properties;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);) {
    std::string text = trimmed_text(line);
    if (text.empty() || text[0] == '#' || text[0] == '!') continue;
    size_t separator = text.find_first_of("=:");
    if (separator == std::string::npos) continue;
    properties[trimmed_text(text.substr(0, separator))] = trimmed_text(text.substr(separator + 1));
  }
  return properties;
}

void note_alias(CarbonSecureVault& vault, const std::string& position, const std::optional<std::string>& alias) {
  if (alias) vault.used_at.push_back(position + " " + *alias);
}

CarbonSecureVault secure_vault_of(const fs::path& home, const std::vector<CarbonKeyStore>& key_stores) {
  CarbonSecureVault vault;
  vault.secret_conf = home / "repository" / "conf" / "security" / "secret-conf.properties";
  std::map<std::string, std::string> conf = read_properties(vault.secret_conf);
  auto named = conf.find("secretRepositories.file.location");
  vault.cipher_text = named != conf.end() && !named->second.empty()
                          ? resolve_carbon_path(home, named->second)
                          : home / "repository" / "conf" / "security" / "cipher-text.properties";
  auto identity = conf.find("keystore.identity.location");
  if (identity != conf.end() && !identity->second.empty()) vault.key_store = resolve_carbon_path(home, identity->second);
  for (const CarbonKeyStore& store : key_stores) {
    note_alias(vault, store.position, store.password_alias);
    note_alias(vault, store.position, store.key_password_alias);
  }
  for (const CarbonDatasource& datasource : declared_carbon_datasources(home))
    note_alias(vault, datasource.position, datasource.password_alias);
  if (fs::exists(vault.cipher_text)) vault.used_at.push_back(vault.cipher_text.string());
  vault.used = !vault.used_at.empty();
  return vault;
}

}  // namespace

std::optional<fs::path> CarbonKeyStore::path_in_home(const fs::path& home) const {
  fs::path relative = path.lexically_normal().lexically_relative(fs::absolute(home).lexically_normal());
  if (relative.empty() || *relative.begin() == "..") return std::nullopt;
  return relative;
}

fs::path resolve_carbon_path(const fs::path& home, const std::string& written) {
  static const std::string kHome = "${carbon.home}";
  std::string text = written;
  for (size_t at = text.find(kHome); at != std::string::npos; at = text.find(kHome))
    text.replace(at, kHome.size(), fs::absolute(home).string());
  fs::path path(text);
  return (path.is_absolute() ? path : fs::absolute(home) / path).lexically_normal();
}

CarbonSecurity carbon_security(const fs::path& home) {
  CarbonSecurity security;
  security.carbon_xml = home / "repository" / "conf" / "carbon.xml";
  CarbonXmlFile xml(security.carbon_xml, "configuration file");
  // pugixml ignores namespaces, so carbon.xml's default xmlns does not hide the names.
  for (const char* element : {"KeyStore", "TrustStore", "RegistryKeyStore"})
    if (pugi::xml_node found = xml.document.child("Server").child("Security").child(element))
      security.key_stores.push_back(key_store_of(xml, found, home));
  security.secure_vault = secure_vault_of(home, security.key_stores);
  return security;
}

}  // namespace planrun
