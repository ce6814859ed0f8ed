#include "tests/tools/fake_carbon_server/carbon_datasources.h"

#include <algorithm>

#include "interpreter/carbon/carbon_datasource.h"
#include "interpreter/carbon/carbon_xml_file.h"

namespace planrun::fake_carbon {

namespace fs = std::filesystem;

namespace {

void read_file(const fs::path& file, std::vector<DatasourceDefinition>& into) {
  CarbonXmlFile xml(file, "datasources file");
  for (pugi::xpath_node found : xml.document.select_nodes("/datasources-configuration/datasources/datasource")) {
    pugi::xml_node datasource = found.node();
    pugi::xml_node configuration = datasource.child("definition").child("configuration");
    into.push_back({trimmed_text(datasource.child_value("name")), trimmed_text(datasource.child("jndiConfig").child_value("name")),
                    trimmed_text(configuration.child_value("url")), trimmed_text(configuration.child_value("username")),
                    trimmed_text(configuration.child_value("password")),
                    trimmed_text(configuration.child_value("driverClassName")), xml.position_of(datasource)});
  }
}

std::vector<fs::path> datasource_files(const fs::path& folder) {
  std::vector<fs::path> others;
  std::error_code ignored;
  for (const fs::directory_entry& entry : fs::directory_iterator(folder, ignored)) {
    std::string name = entry.path().filename().string();
    if (name != "master-datasources.xml" && name.ends_with("-datasources.xml")) others.push_back(entry.path());
  }
  std::sort(others.begin(), others.end());
  if (fs::exists(folder / "master-datasources.xml")) others.insert(others.begin(), folder / "master-datasources.xml");
  return others;
}

void user_management_use(const fs::path& conf, std::vector<DatasourceUse>& into) {
  CarbonXmlFile xml(conf / "user-mgt.xml", "user management configuration");
  for (pugi::xpath_node found : xml.document.select_nodes("/UserManager/Realm/Configuration/Property[@name='dataSource']"))
    into.push_back({trimmed_text(found.node().child_value()), DatasourceRole::UserManagement, xml.position_of(found.node())});
}

void registry_use(const fs::path& conf, std::vector<DatasourceUse>& into) {
  CarbonXmlFile xml(conf / "registry.xml", "registry configuration");
  pugi::xml_node root = xml.document.child("wso2registry");
  std::vector<std::string> configs = {trimmed_text(root.child_value("currentDBConfig"))};
  for (pugi::xml_node remote : root.children("remoteInstance"))
    if (remote.child("dbConfig")) configs.push_back(trimmed_text(remote.child_value("dbConfig")));
  for (pugi::xml_node config : root.children("dbConfig")) {
    if (std::find(configs.begin(), configs.end(), config.attribute("name").value()) == configs.end()) continue;
    pugi::xml_node source = config.child("dataSource");
    into.push_back({trimmed_text(source.child_value()), DatasourceRole::Registry, xml.position_of(source ? source : config)});
  }
}

}  // namespace

std::vector<DatasourceDefinition> read_datasources(const fs::path& home) {
  std::vector<DatasourceDefinition> definitions;
  for (const fs::path& file : datasource_files(home / "repository" / "conf" / "datasources")) read_file(file, definitions);
  return definitions;
}

std::vector<DatasourceUse> datasources_in_use(const fs::path& home) {
  std::vector<DatasourceUse> uses;
  user_management_use(home / "repository" / "conf", uses);
  registry_use(home / "repository" / "conf", uses);
  return uses;
}

}  // namespace planrun::fake_carbon
