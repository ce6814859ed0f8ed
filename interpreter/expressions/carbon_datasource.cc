#include "interpreter/expressions/carbon_datasource.h"

#include <pugixml.hpp>

#include <fstream>
#include <sstream>

#include "interpreter/values/dsn.h"

namespace planrun {

namespace fs = std::filesystem;

namespace {

// "file:line:col" of a byte offset into the file's text.
std::string position(const fs::path& file, const std::string& text, ptrdiff_t offset) {
  size_t line = 1, column = 1;
  for (ptrdiff_t i = 0; i < offset && i < static_cast<ptrdiff_t>(text.size()); ++i) {
    column = text[i] == '\n' ? 1 : column + 1;
    line += text[i] == '\n';
  }
  return file.string() + ":" + std::to_string(line) + ":" + std::to_string(column);
}

std::string trimmed(std::string text) {
  size_t first = text.find_first_not_of(" \t\r\n");
  size_t last = text.find_last_not_of(" \t\r\n");
  return first == std::string::npos ? "" : text.substr(first, last - first + 1);
}

std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw CarbonConfigError(file.string() + ": cannot read the Carbon datasources file");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

pugi::xml_node find_datasource(const pugi::xml_document& document, const std::string& name) {
  for (pugi::xpath_node found : document.select_nodes("//datasources/datasource"))
    if (trimmed(found.node().child_value("name")) == name) return found.node();
  return {};
}

}  // namespace

std::string carbon_datasource_dsn(const fs::path& home, const std::string& name) {
  fs::path file = home / "repository" / "conf" / "datasources" / "master-datasources.xml";
  std::string text = read_text(file);
  pugi::xml_document document;
  pugi::xml_parse_result parsed = document.load_buffer(text.data(), text.size());
  if (!parsed) throw CarbonConfigError(position(file, text, parsed.offset) + ": not well-formed XML: " + parsed.description());
  pugi::xml_node datasource = find_datasource(document, name);
  if (!datasource) throw CarbonConfigError(file.string() + ": no datasource named '" + name + "'");
  pugi::xml_node configuration = datasource.child("definition").child("configuration");
  // offset_debug() is where the element's name starts; the '<' before it is where people look.
  std::string where = position(file, text, datasource.offset_debug() - 1) + ": datasource '" + name + "'";
  std::string url = trimmed(configuration.child_value("url"));
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
  if (dsn->user.empty()) dsn->user = trimmed(configuration.child_value("username"));
  return dsn->to_string();
}

}  // namespace planrun
