// Reads .plan text with the PEGTL grammar in grammar/ into a parse tree of the rules selected
// below, then turns that tree into ast::Node. The control turns a failed must<> into a syntax
// error carrying the message from grammar/plan_errors.h, and bounds the nesting of brackets.

#include "interpreter/frontend/plan_frontend.h"

#include <map>
#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/parse_tree.hpp>

#include "grammar/plan_errors.h"
#include "grammar/plan_grammar.h"
#include "interpreter/diagnostics/did_you_mean.h"
#include "interpreter/expressions/string_escapes.h"

namespace planrun {

namespace {

namespace pegtl = tao::pegtl;
namespace plan = grammar::plan;
using TreeNode = pegtl::parse_tree::node;

// Brackets nested deeper than this are refused before the recursive parse could exhaust the
// stack; plans nest a handful deep.
constexpr int kMaxDepth = 256;

struct SyntaxError {
  pegtl::position at;
  std::string message;
};

struct ParseState {
  int depth = 0;
};

// What was found where a rule failed, for the "{}" of a message.
std::string found_at(std::string_view rest) {
  if (rest.empty()) return "the end of the file";
  if (rest[0] == '\n' || rest[0] == '\r') return "the end of the line";
  size_t end = 1;
  while (end < rest.size() && (static_cast<unsigned char>(rest[end]) & 0xC0) == 0x80) ++end;
  return "'" + std::string(rest.substr(0, end)) + "'";
}

// " (did you mean 'step'?)" when a line starts with a near miss of a keyword.
std::string keyword_hint(std::string_view rest) {
  size_t end = rest.find_first_of(" \t\r\n");
  return did_you_mean(rest.substr(0, end), {"param", "step"});
}

// " (is a '}' missing ...?)" when a key without '=' is a statement keyword at the start of its
// line: the block above it was left open.
std::string unclosed_block_hint(std::string_view line) {
  for (const char* keyword : {"step", "param"})
    if (line.starts_with(std::string(keyword) + " "))
      return " (is a '}' missing above this '" + std::string(keyword) + "' line?)";
  return "";
}

template <typename Rule>
struct report_errors : pegtl::normal<Rule> {
  template <typename Input, typename... States>
  [[noreturn]] static void raise(const Input& in, States&&...) {
    static_assert(plan::error_message<Rule> != nullptr, "add a message for this rule to grammar/plan_errors.h");
    std::string_view rest(in.current(), in.size());
    std::string message = plan::error_message<Rule>;
    if (size_t hole = message.find("{}"); hole != std::string::npos) message.replace(hole, 2, found_at(rest));
    if constexpr (std::is_same_v<Rule, plan::statement_expected>) message += keyword_hint(rest);
    if constexpr (std::is_same_v<Rule, plan::equals>) {
      std::string_view before(in.begin(), static_cast<size_t>(in.current() - in.begin()));
      message += unclosed_block_hint(before.substr(before.rfind('\n') + 1));
    }
    throw SyntaxError{in.position(), message};
  }
};

// Counts open brackets: a list or map starting is one deeper until it ends either way.
template <typename Rule>
struct depth_control : report_errors<Rule> {
  template <typename Input>
  static void start(const Input& in, ParseState& state) {
    if (++state.depth > kMaxDepth) throw SyntaxError{in.position(), "the document is nested too deeply"};
  }
  template <typename Input>
  static void success(const Input&, ParseState& state) {
    --state.depth;
  }
  template <typename Input>
  static void failure(const Input&, ParseState& state) {
    --state.depth;
  }
  template <typename Input>
  static void unwind(const Input&, ParseState& state) {
    --state.depth;
  }
};

template <typename Rule>
struct control : report_errors<Rule> {};
template <>
struct control<plan::list_value> : depth_control<plan::list_value> {};
template <>
struct control<plan::map_value> : depth_control<plan::map_value> {};

template <typename Rule>
using selected = pegtl::parse_tree::selector<
    Rule, pegtl::parse_tree::store_content::on<plan::quoted_string, plan::bare_word>,
    pegtl::parse_tree::remove_content::on<plan::list_value, plan::map_value, plan::entry, plan::top_entry,
                                          plan::param_statement, plan::step_statement>>;

// Turns the parse tree into the document tree, reporting duplicate keys as the YAML front end
// does (the first entry stays).
class DocumentBuilder {
 public:
  DocumentBuilder(const std::string& path, Diagnostics& diagnostics) : path_(path), diagnostics_(diagnostics) {}

  ast::Node document(const TreeNode& root) {
    ast::Node document = collection(ast::Node::Kind::Mapping, {path_, 1, 1});
    for (const auto& statement : root.children) {
      if (statement->is_type<plan::top_entry>())
        add_entry(document, scalar(*statement->children[0]), value(*statement->children[1]));
      else if (statement->is_type<plan::param_statement>())
        add_param(document, *statement);
      else
        add_step(document, *statement);
    }
    return document;
  }

 private:
  SourceLocation location(const TreeNode& node) const {
    pegtl::position at = node.begin();
    return {path_, static_cast<int>(at.line), static_cast<int>(at.column)};
  }

  static ast::Node collection(ast::Node::Kind kind, SourceLocation where) {
    ast::Node node;
    node.kind = kind;
    node.location = std::move(where);
    return node;
  }

  static ast::Node named(std::string text, SourceLocation where) {
    ast::Node node = collection(ast::Node::Kind::Scalar, std::move(where));
    node.scalar = std::move(text);
    node.content_offset = -1;  // written nowhere: the statement implies it
    return node;
  }

  ast::Node scalar(const TreeNode& node) const {
    ast::Node scalar = collection(ast::Node::Kind::Scalar, location(node));
    std::string_view text = node.string_view();
    if (node.is_type<plan::quoted_string>()) {
      scalar.scalar = unescape_quoted(text);
      scalar.quoted = true;
      scalar.content_offset = text.find('\\') == std::string_view::npos ? 1 : -1;
    } else {
      scalar.scalar = std::string(text);
    }
    return scalar;
  }

  ast::Node value(const TreeNode& node) {
    if (node.is_type<plan::list_value>()) {
      ast::Node list = collection(ast::Node::Kind::Sequence, location(node));
      for (const auto& item : node.children) list.items.push_back(value(*item));
      return list;
    }
    if (node.is_type<plan::map_value>()) {
      ast::Node map = collection(ast::Node::Kind::Mapping, location(node));
      add_entries(map, node);
      return map;
    }
    ast::Node read = scalar(node);
    if (!read.quoted && read.scalar == "null") return collection(ast::Node::Kind::Null, read.location);
    return read;
  }

  void add_entries(ast::Node& map, const TreeNode& entries) {
    for (const auto& entry : entries.children) add_entry(map, scalar(*entry->children[0]), value(*entry->children[1]));
  }

  void add_entry(ast::Node& map, ast::Node key, ast::Node value) {
    if (map.find(key.scalar)) {
      diagnostics_.error(key.location, "duplicate key '" + key.scalar + "'");
      return;
    }
    map.entries.emplace_back(std::move(key), std::move(value));
  }

  // The document's entry `key`, made where the first statement that fills it stands.
  ast::Node& statement_entry(ast::Node& document, const std::string& key, ast::Node::Kind kind,
                             const SourceLocation& where) {
    if (auto existing = statement_entries_.find(key); existing != statement_entries_.end())
      return document.entries[existing->second].second;
    if (document.find(key))
      diagnostics_.error(where, "'" + key + " = ...' and '" + key.substr(0, key.size() - 1) +
                                    "' statements both give the " + key + ": write one of them");
    statement_entries_[key] = document.entries.size();
    // The key is written nowhere, so it has no line: comments above the first statement belong
    // to that statement (comment_map.h), as they would above its entry in YAML.
    document.entries.emplace_back(named(key, {path_, 0, 0}), collection(kind, where));
    return document.entries.back().second;
  }

  void add_param(ast::Node& document, const TreeNode& statement) {
    ast::Node& params = statement_entry(document, "params", ast::Node::Kind::Mapping, location(statement));
    ast::Node name = scalar(*statement.children[0]);
    ast::Node type = scalar(*statement.children[1]);
    ast::Node param = collection(ast::Node::Kind::Mapping, name.location);
    param.entries.emplace_back(named("type", type.location), std::move(type));
    if (statement.children.size() > 2) add_entries(param, *statement.children[2]);
    add_entry(params, std::move(name), std::move(param));
  }

  void add_step(ast::Node& document, const TreeNode& statement) {
    ast::Node& steps = statement_entry(document, "steps", ast::Node::Kind::Sequence, location(statement));
    ast::Node id = scalar(*statement.children[0]);
    ast::Node type = scalar(*statement.children[1]);
    ast::Node step = collection(ast::Node::Kind::Mapping, location(statement));
    step.entries.emplace_back(named("id", id.location), std::move(id));
    step.entries.emplace_back(named("type", type.location), std::move(type));
    if (statement.children.size() > 2) add_entries(step, *statement.children[2]);
    steps.items.push_back(std::move(step));
  }

  std::string path_;
  Diagnostics& diagnostics_;
  // Which of the document's entries the `param` and `step` statements fill, by key.
  std::map<std::string, size_t> statement_entries_;
};

}  // namespace

std::optional<ast::Node> parse_plan_text(const std::string& path, const std::string& text, Diagnostics& diagnostics) {
  pegtl::memory_input input(text.data(), text.size(), path);
  ParseState state;
  try {
    auto root = pegtl::parse_tree::parse<plan::document, selected, pegtl::nothing, control>(input, state);
    if (!root) return std::nullopt;
    // Like the YAML front end, duplicate keys are reported and the tree is still compiled, so
    // that the rest of the plan is checked too.
    return DocumentBuilder(path, diagnostics).document(*root);
  } catch (const SyntaxError& error) {
    diagnostics.error({path, static_cast<int>(error.at.line), static_cast<int>(error.at.column)}, error.message);
  }
  return std::nullopt;
}

}  // namespace planrun
