#include "tests/tools/fake_carbon_server/user_store_secrets.h"

#include <algorithm>

#include "interpreter/carbon/carbon_datasource.h"
#include "interpreter/carbon/carbon_xml_file.h"

namespace planrun::fake_carbon {

namespace fs = std::filesystem;

namespace {

void add_xml_files(const fs::path& folder, std::vector<fs::path>& into) {
  std::error_code ignored;
  std::vector<fs::path> found;
  for (const fs::directory_entry& entry : fs::directory_iterator(folder, ignored))
    if (entry.path().extension() == ".xml") found.push_back(entry.path());
  std::sort(found.begin(), found.end());
  into.insert(into.end(), found.begin(), found.end());
}

}  // namespace

std::vector<fs::path> user_store_files(const fs::path& home) {
  std::vector<fs::path> files;
  add_xml_files(home / "repository" / "deployment" / "server" / "userstores", files);
  std::vector<fs::path> tenants;
  std::error_code ignored;
  for (const fs::directory_entry& entry : fs::directory_iterator(home / "repository" / "tenants", ignored))
    if (entry.is_directory()) tenants.push_back(entry.path());
  std::sort(tenants.begin(), tenants.end());
  for (const fs::path& tenant : tenants) add_xml_files(tenant / "userstores", files);
  return files;
}

std::vector<std::string> undecryptable_properties(const fs::path& file, const KeyStore& key_store) {
  std::vector<std::string> failures;
  try {
    CarbonXmlFile xml(file, "user store configuration");
    for (pugi::xpath_node found : xml.document.select_nodes("/UserStoreManager/Property[@encrypted]")) {
      pugi::xml_node property = found.node();
      if (std::string(property.attribute("encrypted").value()) != "true") continue;
      if (!key_store.decrypt(trimmed_text(property.child_value())))
        failures.push_back(xml.position_of(property) + ": encryption of Property=" + property.attribute("name").value() +
                           " failed: the primary key store " + key_store.name() + " cannot decrypt it");
    }
  } catch (const CarbonConfigError& error) {
    failures.push_back(error.what());
  }
  return failures;
}

}  // namespace planrun::fake_carbon
