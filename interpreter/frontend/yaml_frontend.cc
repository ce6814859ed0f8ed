#include "interpreter/frontend/yaml_frontend.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <string_view>
#include <vector>

namespace planrun {

namespace {

// Plans are small. These bound what a broken or hostile file can make us build: yaml-cpp shares
// one node between an anchor and its aliases, so a few lines of nested aliases expand to billions
// of nodes ("billion laughs"), and an alias inside its own anchor (`&a [*a]`) makes a cycle.
constexpr size_t kMaxNodes = 200000;
constexpr size_t kMaxDepth = 1000;

// The file text, and where yaml-cpp's 0-based marks lie in it. yaml-cpp counts lines at '\n'
// (CRLF is one break, a lone CR none) and columns in bytes from the line start, not counting
// a UTF-8 byte order mark.
class SourceText {
 public:
  SourceText(std::string path, std::string_view text)
      : path_(std::move(path)), text_(text), bom_(text.starts_with("\xEF\xBB\xBF") ? 3 : 0) {
    line_starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') line_starts_.push_back(i + 1);
  }

  const std::string& path() const { return path_; }
  std::string_view text() const { return text_; }

  // The byte offset of a mark, or npos when yaml-cpp gave no usable position.
  size_t offset(const YAML::Mark& mark) const { return offset(mark.line, mark.column); }
  size_t offset(const SourceLocation& where) const { return offset(where.line - 1, where.column - 1); }

  SourceLocation location(const YAML::Mark& mark) const {
    if (mark.line < 0) return {path_, 0, 0};  // no position: the whole file
    return {path_, mark.line + 1, std::max(mark.column, 0) + 1};
  }

  SourceLocation location_at(size_t offset) const {
    auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    size_t line = static_cast<size_t>(next - line_starts_.begin()) - 1;
    size_t start = line_starts_[line] + (line == 0 ? bom_ : 0);
    return {path_, static_cast<int>(line) + 1, static_cast<int>(offset > start ? offset - start : 0) + 1};
  }

  size_t line_start(size_t offset) const {
    auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    return *(next - 1);
  }

 private:
  size_t offset(int line, int column) const {
    if (line < 0 || column < 0 || static_cast<size_t>(line) >= line_starts_.size()) return std::string_view::npos;
    return std::min(line_starts_[line] + (line == 0 ? bom_ : 0) + column, text_.size());
  }

  std::string path_;
  std::string_view text_;
  size_t bom_;
  std::vector<size_t> line_starts_;
};

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// yaml-cpp marks a node at its properties (`&anchor`, `!tag`) when it has any; authors see the
// node where its content starts. Returns how many bytes to skip, or 0 when the content is not
// on the same line (a block collection under `key: &anchor`), where the properties are the
// best place to point at.
size_t properties_length(std::string_view text, size_t start) {
  size_t at = start;
  while (at < text.size() && (text[at] == '&' || text[at] == '!')) {
    while (at < text.size() && !is_blank(text[at]) && text[at] != '\n' && text[at] != '\r') ++at;
    while (at < text.size() && is_blank(text[at])) ++at;
  }
  bool content_follows = at < text.size() && text[at] != '\n' && text[at] != '\r' && text[at] != '#';
  return content_follows ? at - start : 0;
}

// The part of a source line before a comment: `#` starts one at the line start or after a blank.
std::string_view before_comment(std::string_view line) {
  for (size_t i = 0; i < line.size(); ++i)
    if (line[i] == '#' && (i == 0 || is_blank(line[i - 1]))) return line.substr(0, i);
  return line;
}

// Turns yaml-cpp's document tree into located ast::Nodes, reporting what yaml-cpp accepts but a
// plan must not have: duplicate keys, keys that are not scalars, cycles, runaway expansion.
class TreeBuilder {
 public:
  TreeBuilder(const SourceText& source, Diagnostics& diagnostics) : source_(source), diagnostics_(diagnostics) {}

  // `empty_at`: where an empty (implicit null) node is, since yaml-cpp marks it at the next token.
  std::optional<ast::Node> build(const YAML::Node& node, const SourceLocation& empty_at) {
    if (++count_ > kMaxNodes) return fail(node, "the document is too large: more than " +
                                                    std::to_string(kMaxNodes) + " values after expanding aliases");
    switch (node.Type()) {
      case YAML::NodeType::Scalar: return scalar(node);
      case YAML::NodeType::Sequence: return within(node, [&] { return sequence(node); });
      case YAML::NodeType::Map: return within(node, [&] { return mapping(node); });
      default: return null(node, empty_at);
    }
  }

  SourceLocation location(const YAML::Node& node) const {
    YAML::Mark mark = node.Mark();
    size_t offset = source_.offset(mark);
    SourceLocation where = source_.location(mark);
    if (offset == std::string_view::npos) return where;
    return where.shifted(static_cast<int>(properties_length(source_.text(), offset)));
  }

 private:
  // Builds a collection's children with the collection on the ancestor stack.
  template <typename Build>
  std::optional<ast::Node> within(const YAML::Node& node, Build build_children) {
    if (ancestors_.size() >= kMaxDepth) return fail(node, "the document is nested too deeply");
    for (const YAML::Node& ancestor : ancestors_)
      if (ancestor.is(node)) return fail(node, "an alias refers to a node that contains it");
    ancestors_.push_back(node);
    std::optional<ast::Node> result = build_children();
    ancestors_.pop_back();
    return result;
  }

  // Stops the whole build: the result would be unusable, and reporting once is enough.
  std::nullopt_t fail(const YAML::Node& node, const std::string& message) {
    diagnostics_.error(location(node), message);
    return std::nullopt;
  }

  ast::Node null(const YAML::Node& node, const SourceLocation& empty_at) {
    ast::Node result;
    result.location = location(node);
    if (!written_null_at(result.location)) result.location = empty_at;
    return result;
  }

  // `~`, `null`, `Null`, `NULL` written out, as opposed to nothing at all.
  bool written_null_at(const SourceLocation& where) const {
    size_t offset = source_.offset(where);
    if (offset == std::string_view::npos) return false;
    std::string_view rest = source_.text().substr(offset);
    return rest.starts_with("~") || rest.starts_with("null") || rest.starts_with("Null") || rest.starts_with("NULL");
  }

  ast::Node scalar(const YAML::Node& node) {
    ast::Node result;
    result.kind = ast::Node::Kind::Scalar;
    result.location = location(node);
    result.scalar = node.Scalar();
    // yaml-cpp tags every non-plain scalar (quoted, literal, folded) "!"; `!!str` also says string.
    result.quoted = node.Tag() == "!" || node.Tag() == "tag:yaml.org,2002:str";
    result.content_offset = content_offset(result);
    return result;
  }

  // 0 for plain text and 1 for quoted text that lies column for column in the file; -1 when
  // escapes, doubled quotes, line folding or a block scalar break that correspondence.
  int content_offset(const ast::Node& scalar) const {
    if (scalar.scalar.find('\n') != std::string::npos) return -1;
    size_t offset = source_.offset(scalar.location);
    if (offset == std::string_view::npos) return -1;
    std::string_view text = source_.text().substr(offset);
    // A plain scalar cannot start with a quote, so a quote here opens a quoted one.
    int skip = !text.empty() && (text[0] == '"' || text[0] == '\'') ? 1 : 0;
    return text.substr(skip).starts_with(scalar.scalar) ? skip : -1;
  }

  std::optional<ast::Node> sequence(const YAML::Node& node) {
    ast::Node result;
    result.kind = ast::Node::Kind::Sequence;
    result.location = location(node);
    for (const YAML::Node& item : node) {
      auto built = build(item, item.IsNull() ? dash_before(item) : SourceLocation{});
      if (!built) return std::nullopt;
      result.items.push_back(std::move(*built));
    }
    return result;
  }

  // Where the `-` of an empty block sequence item is: the last thing before the next token,
  // skipping blank lines and comments.
  SourceLocation dash_before(const YAML::Node& item) const {
    size_t end = source_.offset(item.Mark());
    SourceLocation fallback = source_.location(item.Mark());
    while (end != std::string_view::npos && end > 0) {
      size_t start = source_.line_start(end - 1);
      std::string_view line = before_comment(source_.text().substr(start, end - start));
      size_t last = line.find_last_not_of(" \t\r\n");
      if (last != std::string_view::npos)
        return line[last] == '-' ? source_.location_at(start + last) : fallback;
      end = start;
    }
    return fallback;
  }

  std::optional<ast::Node> mapping(const YAML::Node& node) {
    ast::Node result;
    result.kind = ast::Node::Kind::Mapping;
    result.location = location(node);
    std::set<std::string> seen;
    for (const auto& entry : node) {
      auto key = build(entry.first, location(entry.first));
      if (!key) return std::nullopt;
      auto value = build(entry.second, key->location);
      if (!value) return std::nullopt;
      if (!key->is_scalar()) {
        diagnostics_.error(key->location, "a map key must be a plain name, not " + ast::describe_kind(*key));
      } else if (!seen.insert(key->scalar).second) {
        // The first one stays, so that later checks see what the author most likely meant once.
        diagnostics_.error(key->location, "duplicate key '" + key->scalar + "'");
      } else {
        result.entries.emplace_back(std::move(*key), std::move(*value));
      }
    }
    return result;
  }

  const SourceText& source_;
  Diagnostics& diagnostics_;
  std::vector<YAML::Node> ancestors_;
  size_t count_ = 0;
};

// Records where each document starts and nothing else: enough to tell whether a text holds a
// second document without building (or expanding the aliases of) any tree.
class DocumentStarts : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override { starts.push_back(mark); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}

  std::vector<YAML::Mark> starts;
};

// A plan is one document. yaml-cpp also starts a new document where a block collection ends
// early (`- a` then `b: 1`), and on a stray `,` it starts an endless run of empty documents
// without consuming anything, so at most two are read and the second is explained by its cause.
// Throws what the parser throws for a syntax error.
bool check_single_document(const SourceText& source, const std::string& text, Diagnostics& diagnostics) {
  std::istringstream input(text);
  YAML::Parser parser(input);
  DocumentStarts documents;
  if (!parser.HandleNextDocument(documents) || !parser.HandleNextDocument(documents)) return true;
  const YAML::Mark& first = documents.starts.at(0);
  const YAML::Mark& second = documents.starts.at(1);
  size_t offset = source.offset(second);
  std::string_view rest = offset == std::string_view::npos ? "" : source.text().substr(offset);
  std::string message;
  if (second.pos == first.pos && !rest.empty())
    message = "unexpected '" + std::string(1, rest[0]) + "'";
  else if (rest.starts_with("---") || rest.starts_with("%"))
    message = "a plan file holds one YAML document, but a second one starts here";
  else
    message = "unexpected text after the end of the document (check the indentation)";
  diagnostics.error(source.location(second), message);
  return false;
}

std::optional<ast::Node> load(const SourceText& source, const std::string& text, Diagnostics& diagnostics) {
  if (!check_single_document(source, text, diagnostics)) return std::nullopt;
  YAML::Node document = YAML::Load(text);
  if (!document.IsDefined() || (document.IsNull() && document.Mark().is_null())) {
    ast::Node empty;  // an empty file, or only comments
    empty.location = {source.path(), 1, 1};
    return empty;
  }
  return TreeBuilder(source, diagnostics).build(document, {source.path(), 1, 1});
}

}  // namespace

std::optional<ast::Node> parse_yaml(const std::string& path, const std::string& text, Diagnostics& diagnostics) {
  SourceText source(path, text);
  try {
    return load(source, text, diagnostics);
  } catch (const YAML::DeepRecursion& error) {
    // yaml-cpp's own text for this is "bad file".
    diagnostics.error(source.location(error.mark), "the document is nested too deeply");
  } catch (const YAML::Exception& error) {
    diagnostics.error(source.location(error.mark), error.msg);
  }
  return std::nullopt;
}

}  // namespace planrun
