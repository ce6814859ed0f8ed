#include "interpreter/carbon/carbon_ports.h"

#include <charconv>

#include "interpreter/carbon/carbon_config_error.h"
#include "interpreter/carbon/carbon_xml_file.h"

namespace planrun {

CarbonPorts carbon_ports_of(const std::filesystem::path& home) {
  CarbonXmlFile xml(home / "repository" / "conf" / "carbon.xml", "configuration file");
  // pugixml ignores namespaces, so carbon.xml's default xmlns does not hide the names.
  pugi::xml_node offset = xml.document.select_node("/Server/Ports/Offset").node();
  CarbonPorts ports;
  if (!offset) return ports;  // Carbon's default: no offset
  std::string text = trimmed_text(offset.child_value());
  int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0 || value > 55000)
    throw CarbonConfigError(xml.position_of(offset) + ": <Ports><Offset> is '" + text + "', not a port offset (0 to 55000)");
  ports.https += value;
  ports.http += value;
  return ports;
}

}  // namespace planrun
