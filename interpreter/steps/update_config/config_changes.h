#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "interpreter/steps/update_config/text_edit.h"
#include "interpreter/values/value.h"

namespace planrun {

// One `set`/`value` of an update-config step: where (an XPath, a property key, a YAML path),
// the value, and whether a `where` that matches nothing is skipped instead of failing.
struct ConfigAssignment {
  std::string where;
  Value value;
  bool optional = false;
};

// What an editor found: the edits to make, and the optional assignments that matched nothing.
struct ConfigChanges {
  std::vector<TextEdit> edits;
  std::vector<std::string> skipped;
};

// Each editor reads `text` only to find what to change and where; it throws ConfigEditError
// naming the selector and the cause (and the line:column where there is one).

// XML: each `where` is an XPath selecting elements (their text is replaced) or attributes.
// `namespaces` maps the prefixes the XPaths use to namespace URIs.
ConfigChanges xml_changes(std::string_view text, const std::vector<ConfigAssignment>& assignments,
                          const std::map<std::string, std::string>& namespaces);
// Java properties: each `where` is a key (every line that defines it is changed).
ConfigChanges properties_changes(std::string_view text, const std::vector<ConfigAssignment>& assignments);
// YAML: each `where` is a dotted path of keys (and list indexes), e.g. server.port.
ConfigChanges yaml_changes(std::string_view text, const std::vector<ConfigAssignment>& assignments);

}  // namespace planrun
