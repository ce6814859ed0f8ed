#pragma once

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>

#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "interpreter/ast/node.h"
#include "interpreter/diagnostics/diagnostic.h"
#include "interpreter/frontend/yaml_source_text.h"

namespace planrun {

// Builds the located ast::Node tree of a YAML document from yaml-cpp's parse events, during the
// parse, and reports what yaml-cpp accepts but a plan must not have: duplicate keys, keys that
// are not scalars, alias cycles, runaway alias expansion, deep nesting. Its findings wait for
// finish(), so that a syntax error later in the file is reported alone, and a mistake that
// makes the tree unusable stops the building but not the parse, which may still find one.
class YamlTreeBuilder : public YAML::EventHandler {
 public:
  // Thrown as a second document starts, to stop the parse there: a plan is one document.
  struct SecondDocument {
    YAML::Mark first;   // where the first document started
    YAML::Mark second;  // where this one starts
  };

  // Where the text yaml-cpp reads lies in `source`, when it is a part of it parsed on its own.
  struct Origin {
    int line = 0;      // 0-based line of the part's first character, which starts a line
    size_t depth = 0;  // collections the part's root lies in, in the whole document
  };

  // Plans are small. These bound what a broken or hostile file can make us build: a few lines
  // of nested aliases expand to billions of nodes ("billion laughs").
  static constexpr size_t kMaxNodes = 200000;
  static constexpr size_t kMaxDepth = 1000;

  // `source` is the whole file's text; it must outlive the builder. `origin` says where the
  // part yaml-cpp reads starts in it, when that is not the whole file.
  explicit YamlTreeBuilder(const YamlSourceText& source) : source_(source) {}
  YamlTreeBuilder(const YamlSourceText& source, Origin origin) : source_(source), origin_(origin) {}

  // The document once the parse has ended (a Null node for a file without one), or nothing
  // after a mistake that makes it unusable. Adds the findings to `diagnostics`.
  std::optional<ast::Node> finish(Diagnostics& diagnostics);
  // Values built so far, aliases expanded: what kMaxNodes bounds.
  size_t node_count() const { return count_; }

  void OnDocumentStart(const YAML::Mark& mark) override;
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override;
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override;
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override;
  void OnMapEnd() override { close(); }

 private:
  // A collection whose items are still being read: they wait at the top of `items_`, from
  // `first` on, and move into the collection's node when it closes, which then allocates once.
  struct Frame {
    ast::Node::Kind kind;  // Sequence or Mapping
    SourceLocation location;
    YAML::anchor_t anchor = YAML::NullAnchor;
    size_t first = 0;                      // a mapping's keys and values alternate
    std::unordered_set<std::string> keys;  // a mapping's keys, once it is too long to scan
  };

  // What an anchor names, kept to be copied where an alias names it.
  struct Anchored {
    ast::Node node;
    YAML::Mark mark;
    bool complete = false;  // false while the anchored collection is still open
  };

  YAML::Mark in_file(const YAML::Mark& mark) const;
  size_t depth() const { return origin_.depth + open_.size(); }
  void open(ast::Node::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor);
  void close();
  void add(ast::Node&& node);
  void add_to_mapping(Frame& mapping, ast::Node&& node);
  bool accept_key(Frame& mapping, const ast::Node& key);
  bool is_new_key(Frame& mapping, const std::string& key);
  bool awaits_value(const Frame& mapping) const;
  void add_null(const YAML::Mark& mark);
  SourceLocation empty_value_location(const YAML::Mark& mark, const SourceLocation& marked) const;
  std::optional<ast::Node> expand(const ast::Node& node, size_t depth);
  Anchored& anchored(YAML::anchor_t anchor);
  bool count(const SourceLocation& where);
  bool within_depth(size_t depth, const SourceLocation& where);
  void fail(const SourceLocation& where, std::string message);

  const YamlSourceText& source_;
  Origin origin_{};
  std::optional<YAML::Mark> document_start_;
  std::vector<Frame> open_;
  std::vector<ast::Node> items_;  // of the open collections, innermost last
  std::optional<ast::Node> root_;
  std::vector<Anchored> anchors_;  // by yaml-cpp's anchor id, which counts from 1 in a document
  size_t count_ = 0;
  bool failed_ = false;
  Diagnostics findings_;
};

}  // namespace planrun
