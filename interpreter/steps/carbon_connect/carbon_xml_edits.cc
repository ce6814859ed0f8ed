#include "interpreter/steps/carbon_connect/carbon_xml_edits.h"

namespace planrun {
namespace {

constexpr const char* kAliasAttribute = "svns:secretAlias";

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// One attribute of a start tag as it is in the bytes: from the blank before its name to its
// closing quote, and where its value is.
struct AttributeSpan {
  size_t start, end;              // [start, end): " name='value'"
  size_t value_start, value_end;  // the value, without its quotes
};

// Reads the start tag of the element whose name begins at `name_offset`: its attributes by
// name, and where the tag's "/>" or ">" is.
std::optional<AttributeSpan> find_attribute(std::string_view text, size_t name_offset, std::string_view wanted,
                                            size_t* tag_end = nullptr) {
  size_t at = name_offset;
  while (at < text.size() && !is_space(text[at]) && text[at] != '/' && text[at] != '>') ++at;
  std::optional<AttributeSpan> found;
  for (;;) {
    size_t start = at;
    while (at < text.size() && is_space(text[at])) ++at;
    if (at >= text.size() || text[at] == '/' || text[at] == '>') break;
    size_t name_start = at;
    while (at < text.size() && !is_space(text[at]) && text[at] != '=') ++at;
    std::string_view name = text.substr(name_start, at - name_start);
    while (at < text.size() && (is_space(text[at]) || text[at] == '=')) ++at;
    char quote = at < text.size() ? text[at] : '"';
    size_t close = std::min(text.find(quote, at + 1), text.size());
    if (name == wanted) found = AttributeSpan{start, close + 1, at + 1, close};
    at = std::min(close + 1, text.size());
  }
  if (tag_end) *tag_end = at;
  return found;
}

size_t name_offset(const pugi::xml_node& element) { return static_cast<size_t>(element.offset_debug()); }

std::string escaped_attribute(const std::string& value) {
  std::string out;
  for (char c : value) out += c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '"' ? "&quot;" : std::string(1, c);
  return out;
}

}  // namespace

void parse_for_edits(pugi::xml_document& document, std::string_view text) {
  pugi::xml_parse_result parsed = document.load_buffer(text.data(), text.size(), kByteOffsetParse, pugi::encoding_utf8);
  if (!parsed)
    throw ConfigEditError(line_column(text, static_cast<size_t>(parsed.offset)) + ": not well-formed XML: " + parsed.description());
}

std::vector<TextEdit> secret_alias_edits(std::string_view text, const pugi::xml_document& document,
                                         const pugi::xml_node& element, const std::string& alias) {
  std::vector<TextEdit> edits;
  std::string where = std::string("<") + element.name() + "> " + kAliasAttribute;
  size_t tag_end = 0;
  if (std::optional<AttributeSpan> found = find_attribute(text, name_offset(element), kAliasAttribute, &tag_end)) {
    if (text.substr(found->value_start, found->value_end - found->value_start) != alias)
      edits.push_back({found->value_start, found->value_end - found->value_start, escaped_attribute(alias), false, where});
  } else {
    size_t after_name = name_offset(element) + std::string_view(element.name()).size();
    edits.push_back({after_name, 0, std::string(" ") + kAliasAttribute + "=\"" + escaped_attribute(alias) + "\"", false, where});
  }
  pugi::xml_node root = document.document_element();
  if (!root.attribute("xmlns:svns")) {
    size_t after_name = name_offset(root) + std::string_view(root.name()).size();
    edits.push_back({after_name, 0, std::string(" xmlns:svns=\"") + kSecureVaultNamespace + "\"", false, "xmlns:svns"});
  }
  return edits;
}

std::optional<TextEdit> secret_alias_removal(std::string_view text, const pugi::xml_node& element) {
  std::optional<AttributeSpan> found = find_attribute(text, name_offset(element), kAliasAttribute);
  if (!found) return std::nullopt;
  return TextEdit{found->start, found->end - found->start, "", false, std::string("<") + element.name() + "> " + kAliasAttribute};
}

std::string_view element_bytes(std::string_view text, const pugi::xml_node& element) {
  size_t start = name_offset(element) - 1;
  size_t tag_end = 0;
  find_attribute(text, name_offset(element), "", &tag_end);
  if (tag_end < text.size() && text[tag_end] == '/') return text.substr(start, tag_end + 2 - start);
  std::string end_tag = std::string("</") + element.name() + ">";
  size_t end = text.find(end_tag, tag_end);
  if (end == std::string_view::npos) return text.substr(start);
  return text.substr(start, end + end_tag.size() - start);
}

TextEdit insertion_before_end_of(std::string_view text, const pugi::xml_node& parent, std::string_view element, std::string where) {
  std::string_view bytes = element_bytes(text, parent);
  if (bytes.rfind("</") == std::string_view::npos)
    throw ConfigEditError(line_column(text, name_offset(parent) - 1) + ": <" + parent.name() +
                          "/> is empty; write it as <" + parent.name() + "></" + parent.name() + "> to add to it");
  size_t end_tag = static_cast<size_t>(bytes.data() - text.data()) + bytes.rfind("</");
  size_t line_start = text.rfind('\n', end_tag);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  std::string_view indent = text.substr(line_start, end_tag - line_start);
  bool own_line = indent.find_first_not_of(" \t") == std::string_view::npos;
  std::string inserted = own_line ? "    " + std::string(element) + "\n" + std::string(indent)
                                  : "\n" + std::string(element) + "\n";
  return {end_tag, 0, inserted, false, std::move(where)};
}

}  // namespace planrun
