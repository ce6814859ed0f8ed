#include "interpreter/steps/carbon_connect/datasource_file_change.h"

#include "interpreter/step_kit/file_system.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/steps/carbon_connect/carbon_xml_edits.h"
#include "interpreter/steps/update_config/config_changes.h"
#include "interpreter/steps/update_config/unified_diff.h"

namespace planrun {
namespace {

namespace fs = std::filesystem;
using Kind = StepFailure::Kind;

std::string read_or_fail(const FileSystem& files, const fs::path& file) {
  std::optional<std::string> text = files.read_file(file);
  if (!text) throw StepFailure(Kind::Failed, "cannot read " + file.string());
  return *text;
}

// The XPath of a datasource's element, by its <name>.
std::string datasource_xpath(const std::string& name) {
  if (name.find('\'') != std::string::npos && name.find('"') != std::string::npos)
    throw StepFailure(Kind::Failed, "datasource name " + name + " has both kinds of quotes; planrun cannot select it");
  char quote = name.find('\'') == std::string::npos ? '\'' : '"';
  return "/datasources-configuration/datasources/datasource[normalize-space(name)=" + std::string(1, quote) + name +
         std::string(1, quote) + "]";
}

std::string setting_xpath(const std::string& name, const std::string& setting) {
  return datasource_xpath(name) + "/definition/configuration/" + setting;
}

// The old home's datasources that `text` lacks, added as the old files have them.
std::string with_carried_datasources(const FileSystem& files, const std::string& text,
                                     const std::vector<DatasourceConnection>& connections, std::vector<std::string>& notes) {
  pugi::xml_document document;
  parse_for_edits(document, text);
  pugi::xml_node list = document.child("datasources-configuration").child("datasources");
  std::vector<TextEdit> insertions;
  for (const DatasourceConnection& connection : connections) {
    if (document.select_node(datasource_xpath(connection.old.name).c_str())) continue;
    if (!list) throw ConfigEditError("no <datasources-configuration><datasources> to add datasource '" + connection.old.name + "' to");
    std::string old_text = read_or_fail(files, connection.old.file);
    pugi::xml_document old_document;
    parse_for_edits(old_document, old_text);
    pugi::xml_node old_element = old_document.select_node(datasource_xpath(connection.old.name).c_str()).node();
    insertions.push_back(insertion_before_end_of(text, list, element_bytes(old_text, old_element), connection.old.name));
    notes.push_back("adds datasource '" + connection.old.name + "' as the old home has it (" + connection.old.position + ")");
  }
  return apply_edits(text, std::move(insertions));
}

std::vector<TextEdit> password_edits(const std::string& text, const pugi::xml_document& document,
                                     const DatasourceConnection& connection) {
  std::string where = setting_xpath(connection.old.name, "password");
  pugi::xml_node password = document.select_node(where.c_str()).node();
  if (!password) throw ConfigEditError("'" + where + "' matches nothing");
  if (connection.password_alias) return secret_alias_edits(text, document, password, *connection.password_alias);
  std::vector<TextEdit> edits;
  if (std::optional<TextEdit> removal = secret_alias_removal(text, password)) edits.push_back(*removal);
  if (connection.password) {
    ConfigChanges changes = xml_changes(text, {{where, *connection.password, false}}, {});
    edits.insert(edits.end(), changes.edits.begin(), changes.edits.end());
  }
  return edits;
}

std::vector<TextEdit> connection_edits(const std::string& text, const std::vector<DatasourceConnection>& connections) {
  pugi::xml_document document;
  parse_for_edits(document, text);
  std::vector<TextEdit> edits;
  for (const DatasourceConnection& connection : connections) {
    const std::string& name = connection.old.name;
    ConfigChanges plain = xml_changes(text,
                                      {{setting_xpath(name, "url"), Value(connection.url), false},
                                       {setting_xpath(name, "username"), Value(connection.username), false},
                                       {setting_xpath(name, "driverClassName"), Value(connection.driver_class), false}},
                                      {});
    edits.insert(edits.end(), plain.edits.begin(), plain.edits.end());
    std::vector<TextEdit> password = password_edits(text, document, connection);
    edits.insert(edits.end(), password.begin(), password.end());
  }
  return edits;
}

}  // namespace

DatasourceFileChange change_datasource_file(const FileSystem& files, const fs::path& file,
                                            const std::vector<DatasourceConnection>& connections) {
  DatasourceFileChange change{file, files.read_file(file), "", {}, {}};
  try {
    std::string base = change.original ? *change.original : read_or_fail(files, connections.front().old.file);
    if (!change.original) change.notes.push_back("the pack has no " + file.filename().string() + ": carries the old home's " +
                                                 connections.front().old.file.string());
    base = with_carried_datasources(files, base, connections, change.notes);
    std::vector<TextEdit> edits = connection_edits(base, connections);
    change.after = apply_edits(base, edits);
    RedactedTexts shown = redacted_texts(base, std::move(edits));
    change.diff = unified_diff({base, change.after, shown.before, shown.after}, file.string());
  } catch (const ConfigEditError& error) {
    throw StepFailure(Kind::Failed, file.string() + ": " + error.what());
  }
  return change;
}

}  // namespace planrun
