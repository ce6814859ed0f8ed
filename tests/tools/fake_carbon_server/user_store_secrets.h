#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "tests/tools/fake_carbon_server/key_store.h"

namespace planrun::fake_carbon {

// The secondary user store configurations Carbon reads: the super tenant's
// repository/deployment/server/userstores/*.xml and each tenant's
// repository/tenants/ID/userstores/*.xml, in a stable order.
std::vector<std::filesystem::path> user_store_files(const std::filesystem::path& home);

// Decrypts every <Property encrypted="true"> of a user store file (a JDBC store's `password`,
// an LDAP store's `ConnectionPassword`) with the primary key store, as Carbon's
// UserStoreConfigXMLProcessor does; one message per property it cannot decrypt (file:line:col
// and the property's name), or per file it cannot read.
std::vector<std::string> undecryptable_properties(const std::filesystem::path& file, const KeyStore& key_store);

}  // namespace planrun::fake_carbon
