#include "interpreter/carbon/carbon_datasource.h"

#include "interpreter/diagnostics/did_you_mean.h"

namespace planrun {

Dsn carbon_datasource_login(const CarbonDatasource& datasource) {
  std::string where = datasource.position + ": datasource '" + datasource.name + "'";
  if (datasource.url.empty()) throw CarbonConfigError(where + " has no <definition><configuration><url>");
  std::string error;
  std::optional<Dsn> dsn = parse_dsn(datasource.url, &error);
  if (!dsn) throw CarbonConfigError(where + ": " + error);
  bool embedded = dsn->kind == Dsn::Kind::H2 || dsn->kind == Dsn::Kind::Sqlite;
  if (!embedded && dsn->user.empty()) dsn->user = datasource.username;
  return *dsn;
}

std::string carbon_datasource_dsn(const std::filesystem::path& home, const std::string& name) {
  require_carbon_conf(home);
  std::vector<CarbonDatasource> all = declared_carbon_datasources(home);
  std::vector<std::string> names;
  for (const CarbonDatasource& datasource : all) {
    if (datasource.name == name) return carbon_datasource_login(datasource).to_string();
    names.push_back(datasource.name);
  }
  throw CarbonConfigError(carbon_datasources_dir(home).string() + ": no datasource named '" + name + "'" +
                          did_you_mean(name, names));
}

}  // namespace planrun
