#include "interpreter/frontend/document_layout.h"

#include <algorithm>

namespace planrun {

namespace {

const std::vector<std::string> kDocumentFirst{"planrun", "name", "description"};
const std::vector<std::string> kDocumentLast{"params", "steps"};
const std::vector<std::string> kStepFirst{"id",   "type",  "description", "needs",
                                          "when", "retry", "timeout",     "continue_on_error"};
const std::vector<std::string> kStepLast{"with"};
const std::vector<std::string> kParamFirst{"type"};
const std::vector<std::string> kNothing;

bool listed(const std::vector<std::string>& keys, const std::string& key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

// `first` in their order, then the entries named in neither list as written, then `last`.
std::vector<const Entry*> ordered(const ast::Node& map, const std::vector<std::string>& first,
                                  const std::vector<std::string>& last) {
  std::vector<const Entry*> entries;
  auto add_named = [&](const std::vector<std::string>& keys) {
    for (const std::string& key : keys)
      for (const Entry& entry : map.entries)
        if (entry.first.scalar == key) entries.push_back(&entry);
  };
  add_named(first);
  for (const Entry& entry : map.entries)
    if (!listed(first, entry.first.scalar) && !listed(last, entry.first.scalar)) entries.push_back(&entry);
  add_named(last);
  return entries;
}

bool is_scalar_entry(const ast::Node& map, const char* key) {
  const ast::Node* value = map.find(key);
  return value && value->is_scalar();
}

}  // namespace

std::vector<const Entry*> canonical_entries(const ast::Node& map, NodeRole role) {
  switch (role) {
    case NodeRole::Document:
      return ordered(map, kDocumentFirst, kDocumentLast);
    case NodeRole::Step:
      return ordered(map, kStepFirst, kStepLast);
    case NodeRole::Param:
      return ordered(map, kParamFirst, kNothing);
    default:
      return ordered(map, kNothing, kNothing);
  }
}

NodeRole child_role(NodeRole role, const std::string& key) {
  if (role == NodeRole::Document && key == "params") return NodeRole::Params;
  if (role == NodeRole::Document && key == "steps") return NodeRole::Steps;
  if (role == NodeRole::Params) return NodeRole::Param;
  if (role == NodeRole::Steps) return NodeRole::Step;
  return NodeRole::Data;
}

bool takes_several_lines(NodeRole role) {
  return role == NodeRole::Document || role == NodeRole::Params || role == NodeRole::Steps || role == NodeRole::Step;
}

bool params_fit_statements(const ast::Node& params) {
  if (!params.is_mapping() || params.entries.empty()) return false;
  return std::all_of(params.entries.begin(), params.entries.end(), [](const Entry& param) {
    return param.second.is_mapping() && is_scalar_entry(param.second, "type");
  });
}

bool steps_fit_statements(const ast::Node& steps) {
  if (!steps.is_sequence() || steps.items.empty()) return false;
  return std::all_of(steps.items.begin(), steps.items.end(), [](const ast::Node& step) {
    return step.is_mapping() && is_scalar_entry(step, "id") && is_scalar_entry(step, "type");
  });
}

LineComments line_comments(const CommentMap& comments, const std::vector<const ast::Node*>& units) {
  LineComments line;
  std::vector<std::string> ends;
  for (const ast::Node* unit : units) {
    const auto& before = comments.before(unit);
    line.before.insert(line.before.end(), before.begin(), before.end());
    const auto& after = comments.after(unit);
    ends.insert(ends.end(), after.begin(), after.end());
  }
  if (!ends.empty()) {
    line.has_end = true;
    line.end = ends.back();
    ends.pop_back();
    line.before.insert(line.before.end(), ends.begin(), ends.end());
  }
  return line;
}

void LaidOutText::comment_lines(const std::vector<std::string>& lines, size_t indent) {
  for (const std::string& line : lines) out_ += std::string(indent, ' ') + "#" + line + "\n";
}

void LaidOutText::end_line(const LineComments& line) {
  if (line.has_end) out_ += "  #" + line.end;
  out_ += "\n";
}

size_t LaidOutText::column() const {
  size_t start = out_.rfind('\n');
  return start == std::string::npos ? out_.size() : out_.size() - start - 1;
}

}  // namespace planrun
