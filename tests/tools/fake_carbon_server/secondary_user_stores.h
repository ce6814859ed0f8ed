#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace planrun::fake_carbon {

// A secondary user store's configuration, as UserStoreConfigAdminService's UserStoreDTO and
// the userstores/NAME.xml file hold it.
struct UserStoreConfig {
  std::string class_name;
  std::string domain;
  std::string description;
  bool disabled = false;
  std::vector<std::pair<std::string, std::string>> properties;  // beyond DomainName, Description, Disabled
};

// The secondary user stores of one tenant: their configuration files where Carbon keeps them
// (repository/deployment/server/userstores/ for the super tenant,
// repository/tenants/ID/userstores/ for tenant ID), and their users. Carbon writes a secondary
// JDBC store's users to the database its dataSource names; the fake keeps them in its own file
// repository/data/fake-carbon-users/TENANT_ID/DOMAIN, one name a line, so that a store only
// answers when its configuration was carried to the new home. Domains compare case-insensitively
// (Carbon upper-cases them).
class SecondaryUserStores {
 public:
  SecondaryUserStores(std::filesystem::path home, int tenant_id);

  std::vector<UserStoreConfig> list() const;
  std::optional<UserStoreConfig> find(const std::string& domain) const;
  // Writes the store's file (DOMAIN.xml, dots as underscores, as Carbon names it).
  void add(const UserStoreConfig& store) const;
  // Removes the store's file; false when there is none.
  bool remove(const std::string& domain) const;

  bool user_exists(const std::string& domain, const std::string& user) const;
  void add_user(const std::string& domain, const std::string& user) const;
  bool delete_user(const std::string& domain, const std::string& user) const;
  std::vector<std::string> users(const std::string& domain) const;

 private:
  std::filesystem::path folder() const;
  std::filesystem::path users_file(const std::string& domain) const;
  std::optional<std::filesystem::path> file_of(const std::string& domain) const;
  void write_users(const std::string& domain, const std::vector<std::string>& users) const;

  std::filesystem::path home_;
  int tenant_id_;
};

// `text` in upper case (ASCII), as Carbon keeps domain names.
std::string upper_case(std::string text);

}  // namespace planrun::fake_carbon
