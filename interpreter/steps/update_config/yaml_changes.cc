// yaml-cpp parses the file only to find the node a dotted path names and where it starts
// (Node::Mark()); the extent of its text is read from the original bytes, and the new value is
// written there in the same quoting style, never re-serialising the document. Block scalars
// and block collections are refused: their end is not where a reader of the bytes can tell it
// safely, and replacing them is rare in configuration upgrades.

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>

#include "interpreter/steps/update_config/config_changes.h"

namespace planrun {
namespace {

std::vector<std::string> path_parts(const std::string& path) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t dot; (dot = path.find('.', start)) != std::string::npos; start = dot + 1)
    parts.push_back(path.substr(start, dot - start));
  parts.push_back(path.substr(start));
  return parts;
}

bool is_index(const std::string& part) {
  return !part.empty() && part.size() < 9 && std::all_of(part.begin(), part.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// The node at `path`, or an undefined node when a part is missing.
YAML::Node find(YAML::Node node, const std::string& path) {
  for (const std::string& part : path_parts(path)) {
    if (node.IsMap()) node.reset(node[part]);
    else if (node.IsSequence() && is_index(part) && std::stoul(part) < node.size()) node.reset(node[std::stoul(part)]);
    else return YAML::Node(YAML::NodeType::Undefined);
    if (!node.IsDefined()) return node;
  }
  return node;
}

// The end of a quoted scalar starting at `at` (its opening quote), after the closing quote.
size_t quoted_end(std::string_view text, size_t at) {
  char quote = text[at];
  for (size_t i = at + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') ++i;
    else if (text[i] == quote && quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') ++i;
    else if (text[i] == quote) return i + 1;
  }
  return text.size();
}

// The end of a flow collection starting at `at` ('[' or '{').
size_t flow_end(std::string_view text, size_t at) {
  int depth = 0;
  for (size_t i = at; i < text.size(); ++i) {
    if (text[i] == '"' || text[i] == '\'') i = quoted_end(text, i) - 1;
    else if (text[i] == '[' || text[i] == '{') ++depth;
    else if ((text[i] == ']' || text[i] == '}') && --depth == 0) return i + 1;
  }
  return text.size();
}

// The end of a plain scalar on one line: before a " #" comment, without trailing blanks.
size_t plain_end(std::string_view text, size_t at) {
  size_t end = at;
  while (end < text.size() && text[end] != '\n' && text[end] != '\r' &&
         !(text[end] == '#' && end > at && (text[end - 1] == ' ' || text[end - 1] == '\t')))
    ++end;
  while (end > at && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  return end;
}

bool plain_safe(const std::string& text) {
  if (text.empty() || text.front() == ' ' || text.back() == ' ') return false;
  if (std::string("-?:,[]{}#&*!|>'\"%@`").find(text.front()) != std::string::npos) return false;
  if (text.find(": ") != std::string::npos || text.find(" #") != std::string::npos || text.back() == ':') return false;
  for (char c : text)
    if (static_cast<unsigned char>(c) < 0x20) return false;
  // A string that YAML would read as something else (a number, a boolean, null) is quoted.
  return !std::isdigit(static_cast<unsigned char>(text.front())) &&
         text != "true" && text != "false" && text != "null" && text != "~" && text != "yes" && text != "no" &&
         text != "on" && text != "off" && text != "True" && text != "False" && text != "Null" && text != "NULL";
}

std::string double_quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\', out += c;
    else if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (c == '\r') out += "\\r";
    else out += c;
  }
  return out + "\"";
}

std::string single_quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? "''" : std::string(1, c);
  return out + "'";
}


std::string string_text(const std::string& text, char style) {
  bool controls = std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; });
  if (style == '\'' && !controls) return single_quoted(text);
  if (style == '"' || !plain_safe(text)) return double_quoted(text);
  return text;
}

// A value as YAML flow text; strings in `style` ('"', '\'' or 0 for plain where it is safe).
std::string value_text(const Value& value, char style) {
  if (value.is_string()) return string_text(value.as_string(), style);
  if (value.is_list()) {
    std::string out = "[";
    for (size_t i = 0; i < value.as_list().size(); ++i) out += (i ? ", " : "") + value_text(value.as_list()[i], 0);
    return out + "]";
  }
  if (value.is_map()) {
    std::string out = "{";
    bool first = true;
    for (const auto& [key, item] : value.as_map()) out += (first ? "" : ", ") + string_text(key, 0) + ": " + value_text(item, 0), first = false;
    return out + "}";
  }
  return value.is_null() ? "null" : value.to_text();
}

TextEdit scalar_edit(std::string_view text, const YAML::Node& node, const ConfigAssignment& assignment) {
  size_t at = static_cast<size_t>(node.Mark().pos);
  std::string where = "'" + assignment.where + "' (at " + line_column(text, at) + ")";
  if (at >= text.size() || node.Mark().is_null()) throw ConfigEditError(where + " has no value in the text to replace");
  char first = text[at];
  if (node.IsNull() && first != '~' && first != 'n' && first != 'N')
    throw ConfigEditError(where + " has no value in the text to replace");
  if (node.IsMap() || node.IsSequence()) {
    if (first != '[' && first != '{')
      throw ConfigEditError(where + " is a block " + (node.IsMap() ? "mapping" : "list") +
                            ": planrun replaces scalars and flow ([...], {...}) values only");
  } else if (first == '|' || first == '>') {
    throw ConfigEditError(where + " is a block scalar: planrun replaces one-line values only");
  }
  size_t end = first == '"' || first == '\'' ? quoted_end(text, at) : first == '[' || first == '{' ? flow_end(text, at) : plain_end(text, at);
  if (node.IsScalar() && first != '"' && first != '\'' && std::string(text.substr(at, end - at)) != node.Scalar())
    throw ConfigEditError(where + " spans several lines: planrun replaces one-line values only");
  char style = first == '"' || first == '\'' ? first : 0;
  return {at, end - at, value_text(assignment.value, style), assignment.value.contains_secret(), assignment.where};
}

}  // namespace

ConfigChanges yaml_changes(std::string_view text, const std::vector<ConfigAssignment>& assignments) {
  YAML::Node document;
  try {
    document = YAML::Load(std::string(text));
  } catch (const YAML::Exception& error) {
    throw ConfigEditError(std::to_string(error.mark.line + 1) + ":" + std::to_string(error.mark.column + 1) +
                          ": not valid YAML: " + error.msg);
  }
  ConfigChanges changes;
  for (const ConfigAssignment& assignment : assignments) {
    YAML::Node node = find(document, assignment.where);
    if (node.IsDefined()) {
      changes.edits.push_back(scalar_edit(text, node, assignment));
    } else if (assignment.optional) {
      changes.skipped.push_back(assignment.where);
    } else {
      throw ConfigEditError("'" + assignment.where + "' is not in the file");
    }
  }
  return changes;
}

}  // namespace planrun
