#include "interpreter/frontend/yaml_tree_builder.h"

#include <string_view>

namespace planrun {

namespace {

// A map's keys are looked up by scanning its entries up to this many, which for the short maps
// of a plan is faster than hashing them; longer maps keep a set.
constexpr size_t kKeysScanned = 16;

}  // namespace

std::optional<ast::Node> YamlTreeBuilder::finish(Diagnostics& diagnostics) {
  for (const Diagnostic& finding : findings_.all()) diagnostics.error(finding.location, finding.message);
  if (failed_) return std::nullopt;
  if (root_) return std::move(root_);
  ast::Node empty;  // an empty file, or only comments
  empty.location = {source_.path(), 1, 1};
  return empty;
}

void YamlTreeBuilder::OnDocumentStart(const YAML::Mark& read) {
  const YAML::Mark mark = in_file(read);
  if (document_start_) throw SecondDocument{*document_start_, mark};
  document_start_ = mark;
}

void YamlTreeBuilder::OnNull(const YAML::Mark& read, YAML::anchor_t anchor) {
  const YAML::Mark mark = in_file(read);
  if (failed_) return;
  if (anchor != YAML::NullAnchor) anchored(anchor) = {ast::Node(), mark, true};
  add_null(mark);
}

void YamlTreeBuilder::OnAlias(const YAML::Mark&, YAML::anchor_t anchor) {
  if (failed_) return;
  const Anchored& target = anchored(anchor);
  if (target.complete && target.node.is_null()) {
    add_null(target.mark);  // an empty one is located from where the alias is, like one written there
  } else if (target.complete) {
    if (auto copy = expand(target.node, depth())) add(std::move(*copy));
  } else {
    SourceLocation where = source_.node_position(target.mark).location;
    if (count(where) && within_depth(depth(), where)) fail(where, "an alias refers to a node that contains it");
  }
}

void YamlTreeBuilder::OnScalar(const YAML::Mark& read, const std::string& tag, YAML::anchor_t anchor,
                               const std::string& value) {
  const YAML::Mark mark = in_file(read);
  if (failed_) return;
  YamlSourceText::Position at = source_.node_position(mark);
  if (!count(at.location)) return;
  ast::Node scalar;
  scalar.kind = ast::Node::Kind::Scalar;
  scalar.location = std::move(at.location);
  scalar.scalar = value;
  // yaml-cpp tags every non-plain scalar (quoted, literal, folded) "!"; `!!str` also says string.
  scalar.quoted = std::string_view(tag) == "!" || std::string_view(tag) == "tag:yaml.org,2002:str";
  scalar.content_offset = source_.content_offset(at.offset, value);
  if (anchor != YAML::NullAnchor) anchored(anchor) = {scalar, mark, true};
  add(std::move(scalar));
}

void YamlTreeBuilder::OnSequenceStart(const YAML::Mark& read, const std::string&, YAML::anchor_t anchor,
                                      YAML::EmitterStyle::value) {
  open(ast::Node::Kind::Sequence, in_file(read), anchor);
}

void YamlTreeBuilder::OnMapStart(const YAML::Mark& read, const std::string&, YAML::anchor_t anchor,
                                 YAML::EmitterStyle::value) {
  open(ast::Node::Kind::Mapping, in_file(read), anchor);
}

// A mark of yaml-cpp's, which counts lines from the start of the part it reads, in the file.
YAML::Mark YamlTreeBuilder::in_file(const YAML::Mark& read) const {
  YAML::Mark mark = read;
  if (mark.line >= 0) mark.line += origin_.line;
  return mark;
}

void YamlTreeBuilder::open(ast::Node::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
  if (failed_) return;
  SourceLocation where = source_.node_position(mark).location;
  if (!count(where) || !within_depth(depth(), where)) return;
  Frame& frame = open_.emplace_back();
  frame.kind = kind;
  frame.location = std::move(where);
  frame.anchor = anchor;
  frame.first = items_.size();
  // Open, so that an alias inside it is seen as a cycle.
  if (anchor != YAML::NullAnchor) anchored(anchor) = {ast::Node(), mark, false};
}

void YamlTreeBuilder::close() {
  if (failed_) return;
  Frame& frame = open_.back();
  ast::Node node;
  node.kind = frame.kind;
  node.location = std::move(frame.location);
  auto first = items_.begin() + static_cast<std::ptrdiff_t>(frame.first);
  if (node.is_sequence()) {
    node.items.assign(std::make_move_iterator(first), std::make_move_iterator(items_.end()));
  } else {
    node.entries.reserve(static_cast<size_t>(items_.end() - first) / 2);
    for (auto key = first; key != items_.end(); key += 2)
      node.entries.emplace_back(std::move(key[0]), std::move(key[1]));
  }
  items_.erase(first, items_.end());
  YAML::anchor_t anchor = frame.anchor;
  open_.pop_back();
  if (anchor != YAML::NullAnchor) {
    Anchored& target = anchored(anchor);
    target.node = node;
    target.complete = true;
  }
  add(std::move(node));
}

// Puts a finished node where it belongs: the root, the next item, a key, or a key's value.
void YamlTreeBuilder::add(ast::Node&& node) {
  if (open_.empty())
    root_ = std::move(node);
  else if (open_.back().kind == ast::Node::Kind::Sequence)
    items_.push_back(std::move(node));
  else
    add_to_mapping(open_.back(), std::move(node));
}

void YamlTreeBuilder::add_to_mapping(Frame& mapping, ast::Node&& node) {
  if (awaits_value(mapping) && !accept_key(mapping, items_.back()))
    items_.pop_back();  // the entry is left out: its key now, its value by not adding it
  else
    items_.push_back(std::move(node));
}

// Reports a key that is not a scalar or repeats an earlier one; such a key's entry is left out.
bool YamlTreeBuilder::accept_key(Frame& mapping, const ast::Node& key) {
  if (!key.is_scalar()) {
    findings_.error(key.location, "a map key must be a plain name, not " + ast::describe_kind(key));
    return false;
  }
  if (!is_new_key(mapping, key.scalar)) {
    // The first one stays, so that later checks see what the author most likely meant once.
    findings_.error(key.location, "duplicate key '" + key.scalar + "'");
    return false;
  }
  return true;
}

bool YamlTreeBuilder::awaits_value(const Frame& mapping) const { return (items_.size() - mapping.first) % 2 == 1; }

// Whether `key`, the last one read, is not among the mapping's earlier keys.
bool YamlTreeBuilder::is_new_key(Frame& mapping, const std::string& key) {
  size_t last = items_.size() - 1;
  if (last - mapping.first < 2 * kKeysScanned) {
    for (size_t i = mapping.first; i < last; i += 2)
      if (items_[i].scalar == key) return false;
    return true;
  }
  if (mapping.keys.empty())
    for (size_t i = mapping.first; i < last; i += 2) mapping.keys.insert(items_[i].scalar);
  return mapping.keys.insert(key).second;
}

void YamlTreeBuilder::add_null(const YAML::Mark& mark) {
  YamlSourceText::Position at = source_.node_position(mark);
  if (!count(at.location)) return;
  ast::Node null;
  bool written = source_.written_null_at(at.offset);
  null.location = written ? std::move(at.location) : empty_value_location(mark, at.location);
  add(std::move(null));
}

// Where an empty value is. yaml-cpp marks it at the next token; the author sees it at its key,
// at the `-` of its item, or, for an empty document, at the start of the file.
SourceLocation YamlTreeBuilder::empty_value_location(const YAML::Mark& mark, const SourceLocation& marked) const {
  if (open_.empty()) return {source_.path(), 1, 1};
  const Frame& parent = open_.back();
  if (parent.kind == ast::Node::Kind::Sequence) return source_.dash_before(mark);
  if (awaits_value(parent)) return items_.back().location;  // its key's
  return marked;  // an empty key
}

// A copy of an anchored node for an alias `depth` collections deep, counted and bounded like the
// nodes written out.
std::optional<ast::Node> YamlTreeBuilder::expand(const ast::Node& node, size_t depth) {
  if (!count(node.location)) return std::nullopt;
  if (node.is_scalar() || node.is_null()) return node;
  if (!within_depth(depth, node.location)) return std::nullopt;
  ast::Node copy;
  copy.kind = node.kind;
  copy.location = node.location;
  copy.items.reserve(node.items.size());
  for (const ast::Node& item : node.items) {
    auto item_copy = expand(item, depth + 1);
    if (!item_copy) return std::nullopt;
    copy.items.push_back(std::move(*item_copy));
  }
  copy.entries.reserve(node.entries.size());
  for (const auto& [key, value] : node.entries) {
    auto key_copy = expand(key, depth + 1);
    auto value_copy = key_copy ? expand(value, depth + 1) : std::nullopt;
    if (!value_copy) return std::nullopt;
    copy.entries.emplace_back(std::move(*key_copy), std::move(*value_copy));
  }
  return copy;
}

YamlTreeBuilder::Anchored& YamlTreeBuilder::anchored(YAML::anchor_t anchor) {
  if (anchor >= anchors_.size()) anchors_.resize(anchor + 1);
  return anchors_[anchor];
}

bool YamlTreeBuilder::count(const SourceLocation& where) {
  if (++count_ <= kMaxNodes) return true;
  fail(where, "the document is too large: more than " + std::to_string(kMaxNodes) + " values after expanding aliases");
  return false;
}

bool YamlTreeBuilder::within_depth(size_t depth, const SourceLocation& where) {
  if (depth < kMaxDepth) return true;
  fail(where, "the document is nested too deeply");
  return false;
}

// Stops the building, though not the parse: the tree would be unusable, and reporting once is
// enough.
void YamlTreeBuilder::fail(const SourceLocation& where, std::string message) {
  findings_.error(where, std::move(message));
  failed_ = true;
}

}  // namespace planrun
