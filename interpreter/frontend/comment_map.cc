#include "interpreter/frontend/comment_map.h"

#include <algorithm>

namespace planrun {

namespace {

const std::vector<std::string> kNone;

int line_of(const ast::Node& node) { return node.location.line; }

}  // namespace

CommentMap::CommentMap(const ast::Node& document, const std::vector<SourceComment>& comments)
    : count_(comments.size()) {
  std::vector<const ast::Node*> ancestors;
  collect_units(document, ancestors);
  int first_unit = units_.empty() ? 0 : units_.begin()->first;
  // The header: own-line comments above the first unit, up to the last blank line before it.
  int header_end = 0;
  for (size_t i = 0; i < comments.size(); ++i) {
    const SourceComment& comment = comments[i];
    if (!comment.own_line || (first_unit != 0 && comment.line >= first_unit)) break;
    bool run_ends = i + 1 == comments.size() || comments[i + 1].line != comment.line + 1;
    if (run_ends && comment.line + 1 != first_unit) header_end = comment.line;
  }
  for (const SourceComment& comment : comments) {
    if (comment.own_line && comment.line <= header_end) {
      header_.push_back(comment.text);
      continue;
    }
    const Unit* unit = unit_from_line(comment.line, comment.own_line);
    if (!unit) {
      footer_.push_back(comment.text);
      continue;
    }
    (comment.own_line ? before_ : after_)[unit->node].push_back(comment.text);
    attach(*unit);
  }
}

void CommentMap::collect_units(const ast::Node& collection, std::vector<const ast::Node*>& ancestors) {
  ancestors.push_back(&collection);
  // A node of no line (the `params` key that .plan statements imply) holds no comments.
  for (const ast::Node& item : collection.items) {
    if (line_of(item) > 0) units_.emplace(line_of(item), Unit{&item, ancestors});
    collect_units(item, ancestors);
  }
  for (const auto& [key, value] : collection.entries) {
    if (line_of(key) > 0) units_.emplace(line_of(key), Unit{&key, ancestors});
    collect_units(value, ancestors);
  }
  ancestors.pop_back();
}

// A multimap keeps equal keys in insertion order, and units are inserted outermost first.
const CommentMap::Unit* CommentMap::unit_from_line(int line, bool own_line) const {
  if (own_line) {
    auto next = units_.upper_bound(line);
    return next == units_.end() ? nullptr : &next->second;
  }
  auto same = units_.find(line);
  if (same != units_.end()) return &same->second;
  auto after = units_.upper_bound(line);
  if (after == units_.begin()) return after == units_.end() ? nullptr : &after->second;
  int previous_line = std::prev(after)->first;
  return &units_.find(previous_line)->second;
}

void CommentMap::attach(const Unit& unit) {
  // The document itself is never written on one line, so it need not be marked.
  for (size_t i = 1; i < unit.ancestors.size(); ++i) holders_.insert(unit.ancestors[i]);
}

const std::vector<std::string>& CommentMap::before(const ast::Node* unit) const {
  auto found = before_.find(unit);
  return found == before_.end() ? kNone : found->second;
}

const std::vector<std::string>& CommentMap::after(const ast::Node* unit) const {
  auto found = after_.find(unit);
  return found == after_.end() ? kNone : found->second;
}

}  // namespace planrun
