// Field names are part of the plan format: add fields, never rename them.
//
// Everything is worked out before anything is written (which datasources, which databases,
// the files' new texts, the jars), so a plan that cannot be carried out changes nothing. The
// writes are each atomic and the result does not depend on what an earlier attempt did: a run
// killed half-way and run again computes the same texts and jars and finishes the rest.

#include "interpreter/steps/carbon_connect/carbon_connect_step.h"
#include "interpreter/steps/carbon_connect/carbon_connect_fields.h"

#include <map>
#include <set>

#include "interpreter/files/verified_copy.h"
#include "interpreter/step_kit/file_system.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/step_kit/step_secret_masker.h"
#include "interpreter/steps/carbon_connect/datasource_connection.h"
#include "interpreter/steps/carbon_connect/datasource_file_change.h"
#include "interpreter/steps/carbon_connect/driver_jars.h"

namespace planrun {
namespace {

namespace fs = std::filesystem;
using Kind = StepFailure::Kind;

const CarbonConnectFields& fields() { return carbon_connect_fields(); }

// The old home's datasources in use, connected to their databases.
std::vector<DatasourceConnection> connections_for(const Value::Map& given, const Databases* databases) {
  fs::path old_home = fields().old_home.read(given);
  std::vector<CarbonDatasource> in_use;
  try {
    for (CarbonDatasource& datasource : carbon_datasources(old_home))
      if (datasource.in_use()) in_use.push_back(std::move(datasource));
  } catch (const CarbonConfigError& error) {
    throw StepFailure(Kind::Failed, error.what());
  }
  if (in_use.empty())
    throw StepFailure(Kind::Failed, old_home.string() + " uses no datasource (no user-mgt.xml <Property name=\"dataSource\">, "
                                                        "no registry.xml <dbConfig>): is it a Carbon home?");
  std::vector<DatasourceConnection> connections;
  for (const auto& [datasource, database] : datasource_databases(in_use, given))
    connections.push_back(connect_datasource(datasource, database, databases));
  return connections;
}

// The new home's file for each connection: the one that declares the datasource, else the
// file of the old one's name.
std::map<fs::path, std::vector<DatasourceConnection>> by_new_file(const fs::path& new_home,
                                                                   const std::vector<DatasourceConnection>& connections) {
  std::vector<CarbonDatasource> declared;
  try {
    declared = declared_carbon_datasources(new_home);
  } catch (const CarbonConfigError& error) {
    throw StepFailure(Kind::Failed, error.what());
  }
  std::map<fs::path, std::vector<DatasourceConnection>> files;
  for (const DatasourceConnection& connection : connections) {
    fs::path file = carbon_datasources_dir(new_home) / connection.old.file.filename();
    for (const CarbonDatasource& there : declared)
      if (there.name == connection.old.name) file = there.file;
    files[file].push_back(connection);
  }
  return files;
}

std::vector<DatasourceFileChange> file_changes(const FileSystem& files, const fs::path& new_home,
                                               const std::vector<DatasourceConnection>& connections) {
  std::vector<DatasourceFileChange> changes;
  for (const auto& [file, connected] : by_new_file(new_home, connections))
    changes.push_back(change_datasource_file(files, file, connected));
  return changes;
}

ComponentsPlan components_for(const Value::Map& given, const std::vector<DatasourceConnection>& connections) {
  std::set<std::string> classes;
  for (const DatasourceConnection& connection : connections) classes.insert(connection.driver_class);
  return plan_components(fields().old_home.read(given), fields().new_home.read(given), classes);
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += (out.empty() ? "" : "; ") + line;
  return out;
}

std::string connection_line(const DatasourceConnection& connection) {
  std::string password = connection.password_alias ? "the secure-vault alias " + *connection.password_alias + " (kept)"
                                                    : "***";
  return "datasource '" + connection.old.name + "' (used by " + connection.old.used_by.front() + "): url " + connection.url +
         ", username " +
         (connection.username.empty() ? "''" : connection.username) + ", password " + password + ", driver " + connection.driver_class;
}

std::vector<std::string> file_lines(const DatasourceFileChange& change, const std::string& verb) {
  std::vector<std::string> lines = change.notes;
  if (!change.changes_the_file()) lines.push_back(change.file.string() + " already holds these settings");
  else lines.push_back(verb + " " + change.file.string() + ":");
  lines.insert(lines.end(), change.diff.begin(), change.diff.end());
  return lines;
}

std::vector<std::string> review_lines(const ComponentsPlan& components) {
  std::vector<std::string> lines;
  for (const std::string& item : components.review)
    lines.push_back("for review (the old home has it, the new one has not; not copied): " + item);
  return lines;
}

Value::List texts(const std::vector<std::string>& items) { return Value::List(items.begin(), items.end()); }

void write_change(FileSystem& files, const DatasourceFileChange& change) {
  if (!change.changes_the_file()) return;
  if (change.original) return files.rewrite_durably(change.file, change.after);
  files.create_directories(change.file.parent_path());
  files.write_durably(change.file, change.after, 0600);  // it holds passwords
}

// What a run would do, read from both homes; problems as StepFailure.
std::vector<std::string> described_lines(const DescribeContext& context) {
  std::vector<DatasourceConnection> connections = connections_for(context.fields, context.services.databases);
  std::vector<std::string> lines;
  for (const DatasourceConnection& connection : connections) lines.push_back("would connect " + connection_line(connection));
  ComponentsPlan components = components_for(context.fields, connections);
  if (!components.missing.empty()) throw StepFailure(Kind::Failed, joined(components.missing));
  for (const DriverJar& jar : components.jars) lines.push_back("driver " + jar.note);
  fs::path new_home = fields().new_home.read(context.fields);
  if (!context.services.files->exists(new_home / "repository" / "conf")) {
    lines.push_back(new_home.string() + " is not a Carbon home yet: the datasource files' diffs and the review list "
                                        "show once it is");
    return lines;
  }
  for (const DatasourceFileChange& change : file_changes(*context.services.files, new_home, connections))
    for (std::string& line : file_lines(change, "would change")) lines.push_back(std::move(line));
  for (std::string& line : review_lines(components)) lines.push_back(std::move(line));
  return lines;
}

}  // namespace

const StepSchema& CarbonConnectStep::schema() const { return carbon_connect_schema(); }

// An old home that is not there yet (made by an earlier step of a chained plan) is read when the
// step runs; one that is there is read now, and what would make the run fail fails the plan.
std::vector<std::string> CarbonConnectStep::describe(const DescribeContext& context) const {
  fs::path old_home = fields().old_home.read(context.fields);
  if (!context.services.files->exists(old_home / "repository" / "conf"))
    return {context.masker.mask("would read the datasources of " + old_home.string() + " when it runs (not there yet)")};
  try {
    std::vector<std::string> lines = described_lines(context);
    for (std::string& line : lines) line = context.masker.mask(line);
    return lines;
  } catch (const StepFailure& failure) {
    throw DescribedFailure(context.masker.mask(failure.what()));
  } catch (const EnvironmentError& error) {
    throw DescribedFailure(context.masker.mask(error.what()));
  }
}

void CarbonConnectStep::run(StepContext& context) const {
  StepSecretMasker masker(context);
  FileSystem& files = *context.services.files;
  fs::path new_home = fields().new_home.read(context.fields);
  std::vector<DatasourceConnection> connections = connections_for(context.fields, context.services.databases);
  if (!files.exists(new_home / "repository" / "conf"))
    throw StepFailure(Kind::Failed, new_home.string() + " is not a Carbon home: it has no repository/conf");
  ComponentsPlan components = components_for(context.fields, connections);
  if (!components.missing.empty()) throw StepFailure(Kind::Failed, joined(components.missing));
  std::vector<DatasourceFileChange> changes = file_changes(files, new_home, connections);
  for (const DatasourceConnection& connection : connections) context.log.info(masker.mask("connects " + connection_line(connection)));
  for (const std::string& line : review_lines(components)) context.log.warn(masker.mask(line));
  Value::List jars;
  for (const DriverJar& jar : components.jars) {
    context.log.info(masker.mask("driver " + jar.note));
    if (jar.source) copy_file_verified(*jar.source, jar.target);
    if (jar.source) jars.push_back(Value(jar.target.string()));
  }
  for (const DatasourceFileChange& change : changes) {
    for (const std::string& line : file_lines(change, "changes")) context.log.info(masker.mask(line));
    write_change(files, change);
  }
  Value::List names;
  for (const DatasourceConnection& connection : connections) names.push_back(Value(connection.old.name));
  context.outputs["datasources"] = Value(names);
  context.outputs["jars"] = Value(jars);
  context.outputs["review"] = Value(texts(components.review));
}

}  // namespace planrun
