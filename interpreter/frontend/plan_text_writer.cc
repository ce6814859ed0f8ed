#include "interpreter/frontend/plan_text_writer.h"

#include "interpreter/frontend/document_layout.h"

namespace planrun {

namespace {

bool is_bare_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("_-./+").find(c) != std::string_view::npos;
}

bool is_bare_word(const std::string& text) {
  if (text.empty()) return false;
  for (char c : text)
    if (!is_bare_char(c)) return false;
  return true;
}

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n')
      out += "\\n";
    else if (c == '\t')
      out += "\\t";
    else if (c == '\r')
      out += "\\r";
    else
      out += c;
  }
  return out + "\"";
}

std::string key_text(const ast::Node& key) { return is_bare_word(key.scalar) ? key.scalar : quoted(key.scalar); }

// A bare word reads back as the same plain scalar, except `null`, which reads as null.
std::string scalar_text(const ast::Node& node) {
  if (node.is_null()) return "null";
  if (!node.quoted && is_bare_word(node.scalar) && node.scalar != "null") return node.scalar;
  return quoted(node.scalar);
}

class PlanWriter : LaidOutText {
 public:
  explicit PlanWriter(const CommentMap& comments) : comments_(comments) {}

  std::string write(const ast::Node& document) {
    comment_lines(comments_.header(), 0);
    bool blank = !comments_.header().empty();
    bool last_was_field = false;
    for (const Entry* entry : canonical_entries(document, NodeRole::Document)) {
      const auto& [key, value] = *entry;
      bool params = key.scalar == "params" && params_fit_statements(value);
      bool steps = key.scalar == "steps" && steps_fit_statements(value);
      if (blank && !(last_was_field && !params && !steps)) out_ += "\n";
      blank = true;
      last_was_field = !params && !steps;
      if (params)
        write_params(entry->first, value);
      else if (steps)
        write_steps(entry->first, value);
      else
        write_entry(*entry, NodeRole::Document, 0);
    }
    comment_lines(comments_.footer(), 0);
    return std::move(out_);
  }

 private:
  // The comments of the `params` or `steps` key, which the statements do not write, go before
  // the first statement.
  void write_section_comments(const ast::Node& key) {
    LineComments line = line_comments(comments_, {&key});
    comment_lines(line.before, 0);
    if (line.has_end) comment_lines({line.end}, 0);
  }

  void write_params(const ast::Node& key, const ast::Node& params) {
    write_section_comments(key);
    for (const Entry& param : params.entries) {
      std::vector<const Entry*> fields = canonical_entries(param.second, NodeRole::Param);
      const Entry* type = fields.front();
      fields.erase(fields.begin());
      LineComments line = line_comments(comments_, {&param.first, &type->first});
      comment_lines(line.before, 0);
      out_ += "param " + key_text(param.first) + ": " + scalar_text(type->second);
      write_body(param.second, fields, NodeRole::Param, 0, line);
    }
  }

  void write_steps(const ast::Node& key, const ast::Node& steps) {
    write_section_comments(key);
    for (const ast::Node& step : steps.items) {
      if (&step != &steps.items.front()) out_ += "\n";
      std::vector<const Entry*> fields = canonical_entries(step, NodeRole::Step);
      const Entry* id = fields[0];
      const Entry* type = fields[1];
      fields.erase(fields.begin(), fields.begin() + 2);
      LineComments line = line_comments(comments_, {&step, &id->first, &type->first});
      comment_lines(line.before, 0);
      out_ += "step " + scalar_text(id->second) + ": " + scalar_text(type->second);
      write_body(step, fields, NodeRole::Step, 0, line);
    }
  }

  // A statement's `{ ... }` after its header, when it has fields.
  void write_body(const ast::Node& map, const std::vector<const Entry*>& fields, NodeRole role, size_t indent,
                  const LineComments& line) {
    if (!fields.empty()) {
      out_ += " ";
      write_map(map, fields, role, indent, line);
    } else {
      end_line(line);
    }
  }

  std::string flow(const ast::Node& node, NodeRole role) const {
    if (node.is_sequence()) {
      std::string out = "[";
      for (const ast::Node& item : node.items) out += (out.size() > 1 ? ", " : "") + flow(item, NodeRole::Data);
      return out + "]";
    }
    if (node.is_mapping()) return flow_map(canonical_entries(node, role));
    return scalar_text(node);
  }

  std::string flow_map(const std::vector<const Entry*>& entries) const {
    if (entries.empty()) return "{}";
    std::string out = "{ ";
    for (const Entry* entry : entries)
      out += (out.size() > 2 ? ", " : "") + key_text(entry->first) + " = " + flow(entry->second, NodeRole::Data);
    return out + " }";
  }

  bool fits(const ast::Node& node, NodeRole role, const std::string& text) const {
    if (!takes_several_lines(role) && !comments_.inside(node) && column() + text.size() <= kFormatWidth) return true;
    return node.items.empty() && node.entries.empty();
  }

  // A map's `fields` (all its entries, or those a statement's header does not hold).
  void write_map(const ast::Node& map, const std::vector<const Entry*>& fields, NodeRole role, size_t indent,
                 const LineComments& line) {
    if (std::string text = flow_map(fields); fits(map, role, text)) {
      out_ += text;
      end_line(line);
      return;
    }
    out_ += "{";
    end_line(line);
    for (const Entry* entry : fields) write_entry(*entry, role, indent + 2);
    out_ += std::string(indent, ' ') + "}\n";
  }

  void write_value(const ast::Node& value, NodeRole role, size_t indent, const LineComments& line) {
    if (value.is_mapping()) return write_map(value, canonical_entries(value, role), role, indent, line);
    if (std::string text = flow(value, role); !value.is_sequence() || fits(value, role, text)) {
      out_ += text;
      end_line(line);
      return;
    }
    out_ += "[";
    end_line(line);
    NodeRole item_role = child_role(role, "");
    for (const ast::Node& item : value.items) {
      LineComments item_line = line_comments(comments_, {&item});
      comment_lines(item_line.before, indent + 2);
      out_ += std::string(indent + 2, ' ');
      write_value(item, item_role, indent + 2, item_line);
    }
    out_ += std::string(indent, ' ') + "]\n";
  }

  void write_entry(const Entry& entry, NodeRole parent, size_t indent) {
    LineComments line = line_comments(comments_, {&entry.first});
    comment_lines(line.before, indent);
    out_ += std::string(indent, ' ') + key_text(entry.first) + " = ";
    write_value(entry.second, child_role(parent, entry.first.scalar), indent, line);
  }

  const CommentMap& comments_;
};

}  // namespace

std::optional<std::string> write_plan_text(const ast::Node& document, const CommentMap& comments) {
  if (!document.is_mapping()) return std::nullopt;
  return PlanWriter(comments).write(document);
}

}  // namespace planrun
