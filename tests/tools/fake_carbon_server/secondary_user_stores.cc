#include "tests/tools/fake_carbon_server/secondary_user_stores.h"

#include <pugixml.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "interpreter/files/durable_write.h"
#include "tests/tools/fake_carbon_server/carbon_realm_database.h"
#include "tests/tools/fake_carbon_server/soap_message.h"

namespace planrun::fake_carbon {
namespace {

namespace fs = std::filesystem;

// The properties a store file holds apart from the ones the DTO has fields for.
bool is_dto_field(const std::string& name) { return name == "DomainName" || name == "Description" || name == "Disabled"; }

std::optional<UserStoreConfig> read_config(const fs::path& file) {
  pugi::xml_document document;
  if (!document.load_file(file.c_str())) return std::nullopt;
  pugi::xml_node root = document.child("UserStoreManager");
  UserStoreConfig store;
  store.class_name = root.attribute("class").value();
  for (pugi::xml_node property : root.children("Property")) {
    std::string name = property.attribute("name").value();
    if (name == "DomainName") store.domain = property.child_value();
    else if (name == "Description") store.description = property.child_value();
    else if (name == "Disabled") store.disabled = std::string(property.child_value()) == "true";
    else store.properties.emplace_back(name, property.child_value());
  }
  return store;
}

std::string config_text(const UserStoreConfig& store) {
  std::string text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<UserStoreManager class=\"" + xml_escaped(store.class_name) + "\">\n";
  auto property = [&](const std::string& name, const std::string& value) {
    text += "    <Property name=\"" + xml_escaped(name) + "\">" + xml_escaped(value) + "</Property>\n";
  };
  property("DomainName", store.domain);
  property("Description", store.description);
  property("Disabled", store.disabled ? "true" : "false");
  for (const auto& [name, value] : store.properties)
    if (!is_dto_field(name)) property(name, value);
  return text + "</UserStoreManager>\n";
}

}  // namespace

std::string upper_case(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

SecondaryUserStores::SecondaryUserStores(fs::path home, int tenant_id) : home_(std::move(home)), tenant_id_(tenant_id) {}

fs::path SecondaryUserStores::folder() const {
  if (tenant_id_ == super_tenant_id) return home_ / "repository" / "deployment" / "server" / "userstores";
  return home_ / "repository" / "tenants" / std::to_string(tenant_id_) / "userstores";
}

fs::path SecondaryUserStores::users_file(const std::string& domain) const {
  return home_ / "repository" / "data" / "fake-carbon-users" / std::to_string(tenant_id_) / upper_case(domain);
}

std::optional<fs::path> SecondaryUserStores::file_of(const std::string& domain) const {
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(folder(), error)) {
    if (entry.path().extension() != ".xml") continue;
    std::optional<UserStoreConfig> store = read_config(entry.path());
    if (store && upper_case(store->domain) == upper_case(domain)) return entry.path();
  }
  return std::nullopt;
}

std::vector<UserStoreConfig> SecondaryUserStores::list() const {
  std::vector<fs::path> files;
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(folder(), error))
    if (entry.path().extension() == ".xml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<UserStoreConfig> stores;
  for (const fs::path& file : files)
    if (std::optional<UserStoreConfig> store = read_config(file)) stores.push_back(*store);
  return stores;
}

std::optional<UserStoreConfig> SecondaryUserStores::find(const std::string& domain) const {
  std::optional<fs::path> file = file_of(domain);
  return file ? read_config(*file) : std::nullopt;
}

void SecondaryUserStores::add(const UserStoreConfig& store) const {
  std::string name = store.domain;
  std::replace(name.begin(), name.end(), '.', '_');
  fs::create_directories(folder());
  write_file_durably(folder() / (name + ".xml"), config_text(store));
}

bool SecondaryUserStores::remove(const std::string& domain) const {
  std::optional<fs::path> file = file_of(domain);
  return file && fs::remove(*file);
}

std::vector<std::string> SecondaryUserStores::users(const std::string& domain) const {
  std::vector<std::string> names;
  std::ifstream in(users_file(domain));
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) names.push_back(line);
  return names;
}

void SecondaryUserStores::write_users(const std::string& domain, const std::vector<std::string>& users) const {
  std::string text;
  for (const std::string& user : users) text += user + "\n";
  fs::create_directories(users_file(domain).parent_path());
  write_file_durably(users_file(domain), text);
}

bool SecondaryUserStores::user_exists(const std::string& domain, const std::string& user) const {
  std::vector<std::string> names = users(domain);
  return std::find(names.begin(), names.end(), user) != names.end();
}

void SecondaryUserStores::add_user(const std::string& domain, const std::string& user) const {
  std::vector<std::string> names = users(domain);
  names.push_back(user);
  write_users(domain, names);
}

bool SecondaryUserStores::delete_user(const std::string& domain, const std::string& user) const {
  std::vector<std::string> names = users(domain);
  auto found = std::find(names.begin(), names.end(), user);
  if (found == names.end()) return false;
  names.erase(found);
  write_users(domain, names);
  return true;
}

}  // namespace planrun::fake_carbon
