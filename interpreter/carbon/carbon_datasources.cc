#include "interpreter/carbon/carbon_datasources.h"

#include <algorithm>
#include <map>
#include <system_error>

#include "interpreter/carbon/carbon_datasource_uses.h"
#include "interpreter/carbon/carbon_xml_file.h"
#include "interpreter/values/dsn.h"

namespace planrun {

namespace fs = std::filesystem;

namespace {

// Carbon runs with its home as working directory: a relative H2 path is inside the home. Any
// other URL (even one planrun cannot connect to, such as Oracle's) is kept as written.
std::string resolved_url(const fs::path& home, const std::string& url) {
  std::string ignored;
  std::optional<Dsn> dsn = parse_dsn(url, &ignored);
  if (!dsn || dsn->kind != Dsn::Kind::H2 || fs::path(dsn->path).is_absolute()) return url;
  dsn->path = (fs::absolute(home) / dsn->path).lexically_normal().string();
  return dsn->jdbc_url();
}

CarbonDatasource datasource_of(const CarbonXmlFile& xml, const pugi::xml_node& element, const fs::path& home) {
  pugi::xml_node configuration = element.child("definition").child("configuration");
  CarbonDatasource datasource;
  datasource.name = trimmed_text(element.child_value("name"));
  datasource.position = xml.position_of(element);
  if (datasource.name.empty()) throw CarbonConfigError(datasource.position + ": <datasource> without a <name>");
  datasource.jndi_name = trimmed_text(element.child("jndiConfig").child_value("name"));
  datasource.url = resolved_url(home, trimmed_text(configuration.child_value("url")));
  datasource.username = trimmed_text(configuration.child_value("username"));
  datasource.driver_class = trimmed_text(configuration.child_value("driverClassName"));
  datasource.password = trimmed_text(configuration.child_value("password"));
  if (pugi::xml_attribute alias = configuration.child("password").attribute("svns:secretAlias"))
    datasource.password_alias = trimmed_text(alias.value());
  datasource.file = xml.file;
  return datasource;
}

std::vector<fs::path> datasource_files(const fs::path& home) {
  std::vector<fs::path> files;
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(carbon_datasources_dir(home), error))
    if (entry.path().extension() == ".xml" && entry.is_regular_file()) files.push_back(entry.path());
  if (error && error != std::errc::no_such_file_or_directory)
    throw CarbonConfigError(carbon_datasources_dir(home).string() + ": cannot list the datasources: " + error.message());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

fs::path carbon_datasources_dir(const fs::path& home) { return home / "repository" / "conf" / "datasources"; }

void require_carbon_conf(const fs::path& home) {
  std::error_code error;
  if (!fs::is_directory(home / "repository" / "conf", error))
    throw CarbonConfigError(home.string() + ": not a Carbon installation (it has no repository/conf)");
}

std::vector<CarbonDatasource> declared_carbon_datasources(const fs::path& home) {
  std::vector<CarbonDatasource> datasources;
  std::map<std::string, std::string> declared_at;
  for (const fs::path& file : datasource_files(home)) {
    CarbonXmlFile xml(file, "datasources file");
    for (pugi::xpath_node found : xml.document.select_nodes("/datasources-configuration/datasources/datasource")) {
      CarbonDatasource datasource = datasource_of(xml, found.node(), home);
      auto [earlier, added] = declared_at.emplace(datasource.name, datasource.position);
      if (!added)
        throw CarbonConfigError(datasource.position + ": datasource '" + datasource.name + "' is declared again (first at " +
                                earlier->second + ")");
      datasources.push_back(std::move(datasource));
    }
  }
  return datasources;
}

std::vector<CarbonDatasource> carbon_datasources(const fs::path& home) {
  std::vector<CarbonDatasource> datasources = declared_carbon_datasources(home);
  for (const DatasourceReference& reference : carbon_datasource_references(home)) {
    auto named = std::find_if(datasources.begin(), datasources.end(),
                              [&](const CarbonDatasource& d) { return !d.jndi_name.empty() && d.jndi_name == reference.jndi_name; });
    if (named == datasources.end())
      throw CarbonConfigError(reference.position + ": " + reference.what + " names '" + reference.jndi_name +
                              "', which no datasource in " + carbon_datasources_dir(home).string() + " has as its JNDI name");
    named->used_by.push_back(reference.position + " " + reference.what);
  }
  return datasources;
}

}  // namespace planrun
