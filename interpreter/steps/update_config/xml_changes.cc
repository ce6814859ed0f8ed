// pugixml parses the file only to find what each XPath selects and where it is in the bytes
// (offset_debug()); the new text is spliced into the original bytes, never re-serialised.
// pugixml keeps no offsets of attributes or of an element's end, so those are found by reading
// the original bytes from the element's start.

#include <pugixml.hpp>

#include "interpreter/steps/update_config/config_changes.h"
#include "interpreter/steps/update_config/xpath_namespaces.h"

namespace planrun {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string escaped(const std::string& text, char quote) {
  std::string out;
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (quote && c == quote) out += quote == '"' ? "&quot;" : "&apos;";
    else out += c;
  }
  return out;
}

// Reads an element's start tag from the original bytes: its attributes' value spans and where
// the tag ends.
class StartTag {
 public:
  StartTag(std::string_view text, size_t name_offset) : text_(text), at_(name_offset) {
    while (at_ < text_.size() && !is_space(text_[at_]) && text_[at_] != '/' && text_[at_] != '>') ++at_;
    for (;;) {
      while (at_ < text_.size() && is_space(text_[at_])) ++at_;
      if (at_ >= text_.size() || text_[at_] == '/' || text_[at_] == '>') break;
      read_attribute();
    }
    self_closing_ = at_ < text_.size() && text_[at_] == '/';
  }
  struct Span {
    size_t offset, length;
    char quote;
  };
  const std::vector<std::pair<std::string, Span>>& attributes() const { return attributes_; }
  bool self_closing() const { return self_closing_; }
  size_t end() const { return at_; }  // the '/' of "/>" or the '>'

 private:
  void read_attribute() {
    size_t name_start = at_;
    while (at_ < text_.size() && !is_space(text_[at_]) && text_[at_] != '=') ++at_;
    std::string name(text_.substr(name_start, at_ - name_start));
    while (at_ < text_.size() && (is_space(text_[at_]) || text_[at_] == '=')) ++at_;
    char quote = at_ < text_.size() ? text_[at_] : '"';
    size_t close = text_.find(quote, at_ + 1);
    if (close == std::string_view::npos) close = text_.size();
    attributes_.push_back({name, {at_ + 1, close - at_ - 1, quote}});
    at_ = std::min(close + 1, text_.size());
  }

  std::string_view text_;
  size_t at_;
  bool self_closing_ = false;
  std::vector<std::pair<std::string, Span>> attributes_;
};

// Where an element's content ends: the first "</" that is not inside a comment, CDATA section
// or processing instruction (the element holds no elements, so it is its end tag).
size_t content_end(std::string_view text, size_t at) {
  while (at < text.size() && !text.substr(at).starts_with("</")) {
    auto skip_to = [&](std::string_view close) {
      size_t found = text.find(close, at);
      at = found == std::string_view::npos ? text.size() : found + close.size();
    };
    if (text.substr(at).starts_with("<!--")) skip_to("-->");
    else if (text.substr(at).starts_with("<![CDATA[")) skip_to("]]>");
    else if (text.substr(at).starts_with("<?")) skip_to("?>");
    else ++at;
  }
  return at;
}

struct Target {
  const ConfigAssignment& assignment;
  std::string_view text;
  std::string value;
  bool secret;

  TextEdit edit(size_t offset, size_t length, std::string replacement) const {
    return {offset, length, std::move(replacement), secret, assignment.where};
  }

  std::string where(const pugi::xml_node& node) const {
    return "'" + assignment.where + "' selects <" + node.name() + "> at " +
           line_column(text, static_cast<size_t>(node.offset_debug() - 1));
  }

  TextEdit attribute(const pugi::xml_node& element, const pugi::xml_attribute& attribute) const {
    StartTag tag(text, static_cast<size_t>(element.offset_debug()));
    for (const auto& [name, span] : tag.attributes())
      if (name == attribute.name()) return edit(span.offset, span.length, escaped(value, span.quote));
    throw ConfigEditError(where(element) + ", but its attribute '" + attribute.name() + "' was not found in the text");
  }

  TextEdit element(const pugi::xml_node& element) const {
    for (pugi::xml_node child : element.children())
      if (child.type() == pugi::node_element)
        throw ConfigEditError(where(element) + ", which holds elements: select an element that holds text, or an attribute");
    StartTag tag(text, static_cast<size_t>(element.offset_debug()));
    if (tag.self_closing())
      return edit(tag.end(), 2, ">" + escaped(value, 0) + "</" + element.name() + ">");
    size_t start = tag.end() + 1;
    return edit(start, content_end(text, start) - start, escaped(value, 0));
  }

  TextEdit text_node(const pugi::xml_node& node) const {
    size_t start = static_cast<size_t>(node.offset_debug());
    size_t end = text.find('<', start);
    return edit(start, (end == std::string_view::npos ? text.size() : end) - start, escaped(value, 0));
  }

  TextEdit of(const pugi::xpath_node& found) const {
    if (found.attribute()) return attribute(found.parent(), found.attribute());
    if (found.node().type() == pugi::node_element) return element(found.node());
    if (found.node().type() == pugi::node_pcdata) return text_node(found.node());
    throw ConfigEditError("'" + assignment.where + "' selects something other than an element, its text or an attribute");
  }
};

pugi::xpath_node_set select(const pugi::xml_document& document, const ConfigAssignment& assignment,
                            const std::map<std::string, std::string>& namespaces) {
  try {
    return document.select_nodes(bind_xpath_namespaces(assignment.where, namespaces).c_str());
  } catch (const pugi::xpath_exception& error) {
    throw ConfigEditError("'" + assignment.where + "' is not an XPath: " + error.what());
  }
}

}  // namespace

ConfigChanges xml_changes(std::string_view text, const std::vector<ConfigAssignment>& assignments,
                          const std::map<std::string, std::string>& namespaces) {
  pugi::xml_document document;
  // No end-of-line normalisation: it could move the offsets of what follows a CR LF.
  pugi::xml_parse_result parsed =
      document.load_buffer(text.data(), text.size(), pugi::parse_default & ~pugi::parse_eol, pugi::encoding_utf8);
  if (!parsed)
    throw ConfigEditError(line_column(text, static_cast<size_t>(parsed.offset)) + ": not well-formed XML: " +
                          parsed.description());
  ConfigChanges changes;
  for (const ConfigAssignment& assignment : assignments) {
    pugi::xpath_node_set found = select(document, assignment, namespaces);
    if (found.empty()) {
      if (!assignment.optional) throw ConfigEditError("'" + assignment.where + "' matches nothing");
      changes.skipped.push_back(assignment.where);
      continue;
    }
    Target target{assignment, text, assignment.value.to_text(), assignment.value.contains_secret()};
    for (const pugi::xpath_node& node : found) changes.edits.push_back(target.of(node));
  }
  return changes;
}

}  // namespace planrun
