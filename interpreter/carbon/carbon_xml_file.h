#pragma once

#include <pugixml.hpp>

#include <cstddef>
#include <filesystem>
#include <string>

namespace planrun {

// One XML file of a Carbon installation, read and parsed for the carbon_* functions. Its text
// is kept so positions can be given as file:line:column.
struct CarbonXmlFile {
  std::filesystem::path file;
  std::string text;
  pugi::xml_document document;

  // Reads and parses `file`; CarbonConfigError ("cannot read the Carbon `what`", or the position
  // of malformed XML) otherwise.
  CarbonXmlFile(std::filesystem::path file, const std::string& what);
  // "file:line:col" of a byte offset into the text.
  std::string position(ptrdiff_t offset) const;
  // "file:line:col" of an element's '<'.
  std::string position_of(const pugi::xml_node& element) const;
};

// An element's text without the blanks around it.
std::string trimmed_text(const std::string& text);

}  // namespace planrun
