#include "interpreter/carbon/carbon_xml_file.h"

#include <fstream>
#include <sstream>

#include "interpreter/carbon/carbon_config_error.h"
#include "interpreter/diagnostics/source_location.h"

namespace planrun {

CarbonXmlFile::CarbonXmlFile(std::filesystem::path path, const std::string& what) : file(std::move(path)) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw CarbonConfigError(file.string() + ": cannot read the Carbon " + what);
  std::ostringstream read;
  read << in.rdbuf();
  text = read.str();
  pugi::xml_parse_result parsed = document.load_buffer(text.data(), text.size());
  if (!parsed) throw CarbonConfigError(position(parsed.offset) + ": not well-formed XML: " + parsed.description());
}

std::string CarbonXmlFile::position(ptrdiff_t offset) const {
  return file.string() + ":" + line_column(text, offset < 0 ? 0 : static_cast<size_t>(offset));
}

// offset_debug() is where the element's name starts; the '<' before it is where people look.
std::string CarbonXmlFile::position_of(const pugi::xml_node& element) const { return position(element.offset_debug() - 1); }

std::string trimmed_text(const std::string& text) {
  size_t first = text.find_first_not_of(" \t\r\n");
  size_t last = text.find_last_not_of(" \t\r\n");
  return first == std::string::npos ? "" : text.substr(first, last - first + 1);
}

}  // namespace planrun
