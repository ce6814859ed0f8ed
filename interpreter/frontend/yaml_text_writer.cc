#include "interpreter/frontend/yaml_text_writer.h"

#include <cstdio>

#include "interpreter/frontend/document_layout.h"

namespace planrun {

namespace {

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Whether YAML reads `text`, written plain, back as the same plain scalar: no indicator at the
// start, no ': ' or ' #' inside, no line break, no blank or ':' at the end, not a word YAML reads
// as null. Inside a flow collection ({...}, [...]) the flow indicators , [ ] { } end a plain
// scalar too; in block context they are text.
bool plain_is_safe(const std::string& text, bool in_flow) {
  if (text.empty() || text == "null" || text == "Null" || text == "NULL" || text == "~") return false;
  char first = text[0];
  bool signed_number = (first == '-' || first == '+') && text.size() > 1 && (is_digit(text[1]) || text[1] == '.');
  if (!is_alnum(first) && first != '_' && first != '.' && first != '/' && !signed_number) return false;
  if (text.back() == ' ' || text.back() == ':' || text.find(": ") != std::string::npos ||
      text.find(" #") != std::string::npos)
    return false;
  std::string_view allowed = in_flow ? " _./+-()'=<>$@%*!~?|^&;:#" : " _./+-()'=<>$@%*!~?|^&;:#,[]{}";
  for (char c : text)
    if (!is_alnum(c) && allowed.find(c) == std::string_view::npos) return false;
  return true;
}

std::string double_quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02X", static_cast<unsigned char>(c));
      out += escaped;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// Whether YAML's literal block style (`|` with one final line break, `|-` without) holds `text`
// exactly: text of several lines, printable but for tabs, not starting with a blank or a break
// (which would need an indentation indicator), no line of blanks alone, at most one final break.
bool fits_literal_block(const std::string& text) {
  if (text.find('\n') == std::string::npos || text.ends_with("\n\n")) return false;
  if (text[0] == ' ' || text[0] == '\t' || text[0] == '\n') return false;
  for (char c : text)
    if ((static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') || c == 0x7f) return false;
  size_t start = 0;
  for (size_t end = text.find('\n'); start < text.size(); end = text.find('\n', start)) {
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + start, end - start);
    if (!line.empty() && line.find_first_not_of(" \t") == std::string_view::npos) return false;
    start = end + 1;
  }
  return true;
}

bool holds_literal_block(const ast::Node& node) {
  if (node.is_scalar()) return fits_literal_block(node.scalar);
  for (const ast::Node& item : node.items)
    if (holds_literal_block(item)) return true;
  for (const auto& [key, value] : node.entries)
    if (holds_literal_block(value)) return true;
  return false;
}

std::string scalar_text(const ast::Node& node, bool in_flow) {
  if (node.is_null()) return "null";
  if (!node.quoted && plain_is_safe(node.scalar, in_flow)) return node.scalar;
  return double_quoted(node.scalar);
}

class YamlWriter : LaidOutText {
 public:
  explicit YamlWriter(const CommentMap& comments) : comments_(comments) {}

  std::string write(const ast::Node& document) {
    comment_lines(comments_.header(), 0);
    if (!comments_.header().empty() && !document.is_null()) out_ += "\n";
    if (document.is_mapping() && !document.entries.empty()) {
      for (const Entry* entry : canonical_entries(document, NodeRole::Document))
        write_entry(*entry, NodeRole::Document, 0);
    } else if (document.is_sequence() && !document.items.empty()) {
      write_items(document, NodeRole::Data, 0);
    } else if (!document.is_null()) {
      out_ += one_line_text(document, NodeRole::Data) + "\n";
    }
    comment_lines(comments_.footer(), 0);
    return std::move(out_);
  }

 private:
  std::string flow(const ast::Node& node, NodeRole role) const {
    if (node.is_sequence()) {
      std::string out = "[";
      for (const ast::Node& item : node.items) out += (out.size() > 1 ? ", " : "") + flow(item, NodeRole::Data);
      return out + "]";
    }
    if (node.is_mapping()) {
      std::string out = "{";
      for (const Entry* entry : canonical_entries(node, role))
        out += (out.size() > 1 ? ", " : "") + scalar_text(entry->first, true) + ": " + flow(entry->second, NodeRole::Data);
      return out + "}";
    }
    return scalar_text(node, true);
  }

  // A node written on one line where it stands alone (a key's value, a list item): a scalar is
  // in block context there.
  std::string one_line_text(const ast::Node& node, NodeRole role) const {
    return node.is_scalar() || node.is_null() ? scalar_text(node, false) : flow(node, role);
  }

  // The flow form of `node` when it may go on a line at `column`, or "".
  std::string one_line(const ast::Node& node, NodeRole role, size_t column) const {
    bool empty = node.items.empty() && node.entries.empty();
    if (!empty && (takes_several_lines(role) || comments_.inside(node))) return "";
    if (holds_literal_block(node)) return "";  // text of several lines reads best as a block
    std::string text = one_line_text(node, role);
    return empty || column + text.size() <= kFormatWidth ? text : "";
  }

  // A key's value after "key:", and the rest of the line and lines below for a block value.
  void write_value(const ast::Node& value, NodeRole role, size_t indent, const LineComments& line) {
    if (std::string text = one_line(value, role, column() + 1); !text.empty()) {
      out_ += " " + text;
      end_line(line);
      return;
    }
    if (value.is_scalar()) return write_literal(value.scalar, indent + 2, line);
    end_line(line);
    if (value.is_mapping()) {
      for (const Entry* entry : canonical_entries(value, role)) write_entry(*entry, role, indent + 2);
    } else {
      write_items(value, role, indent + 2);
    }
  }

  void write_entry(const Entry& entry, NodeRole parent, size_t indent) {
    LineComments line = line_comments(comments_, {&entry.first});
    comment_lines(line.before, indent);
    out_ += std::string(indent, ' ') + scalar_text(entry.first, false) + ":";
    write_value(entry.second, child_role(parent, entry.first.scalar), indent, line);
  }

  void write_items(const ast::Node& list, NodeRole role, size_t indent) {
    NodeRole item_role = child_role(role, "");
    for (const ast::Node& item : list.items) write_item(item, item_role, indent);
  }

  // "- " then the item: a map's first entry on the same line, a block list below.
  void write_item(const ast::Node& item, NodeRole role, size_t indent) {
    std::string prefix = std::string(indent, ' ') + "-";
    // A map in a block list reads best as `- key: value` lines, whatever its size.
    bool block = (item.is_mapping() && !item.entries.empty()) || one_line(item, role, indent + 2).empty();
    if (item.is_scalar() && block) {
      LineComments line = line_comments(comments_, {&item});
      comment_lines(line.before, indent);
      out_ += prefix;
      return write_literal(item.scalar, indent + 2, line);
    }
    if (!block || item.is_sequence()) {
      LineComments line = line_comments(comments_, {&item});
      comment_lines(line.before, indent);
      out_ += prefix;
      if (!block) out_ += " " + one_line_text(item, role);
      end_line(line);
      if (block) write_items(item, role, indent + 2);
      return;
    }
    std::vector<const Entry*> entries = canonical_entries(item, role);
    LineComments line = line_comments(comments_, {&item, &entries[0]->first});
    comment_lines(line.before, indent);
    out_ += prefix + " " + scalar_text(entries[0]->first, false) + ":";
    write_value(entries[0]->second, child_role(role, entries[0]->first.scalar), indent + 2, line);
    for (size_t i = 1; i < entries.size(); ++i) write_entry(*entries[i], role, indent + 2);
  }

  // " |" (or " |-" for text without a final break), the rest of the line, then the text's lines.
  void write_literal(const std::string& text, size_t indent, const LineComments& line) {
    out_ += text.ends_with('\n') ? " |" : " |-";
    end_line(line);
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      if (end > start) out_ += std::string(indent, ' ') + text.substr(start, end - start);
      out_ += "\n";
      start = end + 1;
    }
  }

  const CommentMap& comments_;
};

}  // namespace

std::string write_yaml_text(const ast::Node& document, const CommentMap& comments) {
  return YamlWriter(comments).write(document);
}

}  // namespace planrun
