#include "interpreter/carbon/carbon_datasource.h"

#include "interpreter/carbon/carbon_xml_file.h"
#include "interpreter/values/dsn.h"

namespace planrun {

namespace fs = std::filesystem;

namespace {

pugi::xml_node find_datasource(const pugi::xml_document& document, const std::string& name) {
  for (pugi::xpath_node found : document.select_nodes("//datasources/datasource"))
    if (trimmed_text(found.node().child_value("name")) == name) return found.node();
  return {};
}

}  // namespace

std::string carbon_datasource_dsn(const fs::path& home, const std::string& name) {
  CarbonXmlFile xml(home / "repository" / "conf" / "datasources" / "master-datasources.xml", "datasources file");
  pugi::xml_node datasource = find_datasource(xml.document, name);
  if (!datasource) throw CarbonConfigError(xml.file.string() + ": no datasource named '" + name + "'");
  pugi::xml_node configuration = datasource.child("definition").child("configuration");
  std::string where = xml.position_of(datasource) + ": datasource '" + name + "'";
  std::string url = trimmed_text(configuration.child_value("url"));
  if (url.empty()) throw CarbonConfigError(where + " has no <definition><configuration><url>");
  std::string error;
  std::optional<Dsn> dsn = parse_dsn(url, &error);
  if (!dsn) throw CarbonConfigError(where + ": " + error);
  if (dsn->kind == Dsn::Kind::H2) {
    // Carbon runs with its home as working directory: a relative H2 path is inside the home.
    if (std::filesystem::path(dsn->path).is_relative())
      dsn->path = (std::filesystem::absolute(home) / dsn->path).lexically_normal().string();
    return dsn->to_string();
  }
  if (dsn->user.empty()) dsn->user = trimmed_text(configuration.child_value("username"));
  return dsn->to_string();
}

}  // namespace planrun
