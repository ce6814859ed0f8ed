#include "interpreter/carbon/carbon_datasource_uses.h"

#include "interpreter/carbon/carbon_config_error.h"
#include "interpreter/carbon/carbon_xml_file.h"

namespace planrun {

namespace fs = std::filesystem;

namespace {

void add_user_store_references(const fs::path& file, std::vector<DatasourceReference>& references) {
  if (!fs::exists(file)) return;
  CarbonXmlFile xml(file, "user management file");
  for (pugi::xpath_node found : xml.document.select_nodes("//Property[@name='dataSource']"))
    references.push_back({trimmed_text(found.node().child_value()), xml.position_of(found.node()),
                          "<Property name=\"dataSource\">"});
}

// registry.xml's names lead from a mount to a remote instance to a dbConfig to a datasource.
class RegistryReferences {
 public:
  explicit RegistryReferences(const fs::path& file) : xml_(file, "registry file") {}

  void add_to(std::vector<DatasourceReference>& references) const {
    pugi::xml_node current = root().child("currentDBConfig");
    if (current) references.push_back(db_config_reference(current, "(<currentDBConfig>)"));
    for (pugi::xml_node mount : root().children("mount")) {
      pugi::xml_node instance = remote_instance(mount.child("instanceId"), mount);
      pugi::xml_node db_config = instance.child("dbConfig");
      if (!db_config) continue;  // a remote registry reached over HTTP: no datasource here
      std::string via = "of <remoteInstance> '" + trimmed_text(instance.child_value("id")) + "' mounted at " +
                        mount.attribute("path").value();
      references.push_back(db_config_reference(db_config, via));
    }
  }

 private:
  pugi::xml_node root() const { return xml_.document.child("wso2registry"); }

  pugi::xml_node remote_instance(const pugi::xml_node& instance_id, const pugi::xml_node& mount) const {
    std::string id = trimmed_text(instance_id.child_value());
    for (pugi::xml_node instance : root().children("remoteInstance"))
      if (trimmed_text(instance.child_value("id")) == id) return instance;
    throw CarbonConfigError(xml_.position_of(instance_id ? instance_id : mount) + ": <mount> uses instance '" + id +
                            "', which no <remoteInstance> has as its <id>");
  }

  // The reference made by an element whose text names a <dbConfig>.
  DatasourceReference db_config_reference(const pugi::xml_node& naming, const std::string& via) const {
    std::string name = trimmed_text(naming.child_value());
    for (pugi::xml_node db_config : root().children("dbConfig")) {
      if (db_config.attribute("name").value() != name) continue;
      pugi::xml_node data_source = db_config.child("dataSource");
      if (!data_source) throw CarbonConfigError(xml_.position_of(db_config) + ": <dbConfig name=\"" + name + "\"> has no <dataSource>");
      return {trimmed_text(data_source.child_value()), xml_.position_of(data_source),
              "<dbConfig name=\"" + name + "\"> " + via};
    }
    throw CarbonConfigError(xml_.position_of(naming) + ": <" + naming.name() + "> names '" + name +
                            "', which no <dbConfig name=...> is");
  }

  CarbonXmlFile xml_;
};

}  // namespace

std::vector<DatasourceReference> carbon_datasource_references(const fs::path& home) {
  fs::path conf = home / "repository" / "conf";
  std::vector<DatasourceReference> references;
  add_user_store_references(conf / "user-mgt.xml", references);
  if (fs::exists(conf / "registry.xml")) RegistryReferences(conf / "registry.xml").add_to(references);
  return references;
}

}  // namespace planrun
