// Reads template text into expr::Template with the PEGTL grammar in grammar/: the actions
// below build Expr nodes on a stack as rules succeed, and the control turns a failed must<>
// into an ExpressionError carrying the message from grammar/expression_errors.h.
//
// The grammar commits (must<>) before any action whose rule could be backtracked over, so
// every action that runs belongs to the final parse and the stack never needs undoing.

#include <charconv>
#include <stdexcept>
#include <tao/pegtl.hpp>

#include "grammar/expression_errors.h"
#include "grammar/expression_grammar.h"
#include "interpreter/expressions/expression.h"
#include "interpreter/expressions/string_escapes.h"

namespace planrun::expr {
namespace {

namespace pegtl = tao::pegtl;

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Offsets count UTF-8 code points, so that they match the columns an editor shows.
size_t count_characters(std::string_view text) {
  size_t count = 0;
  for (char c : text)
    if (!is_continuation_byte(c)) ++count;
  return count;
}

// Expr is built field by field: designated initializers that skip fields warn under -Wextra.
Expr node(Expr::Kind kind, size_t offset, std::string name, std::vector<Expr> operands, size_t operator_offset = 0) {
  Expr expression;
  expression.kind = kind;
  expression.offset = offset;
  expression.name = std::move(name);
  expression.operands = std::move(operands);
  expression.operator_offset = operator_offset;
  return expression;
}

// What the parser has read so far: finished template parts, plus a stack of operands and of
// pending operators for the expression being read.
class TemplateBuilder {
 public:
  explicit TemplateBuilder(std::string_view text) : text_(text) {}

  size_t offset_of(const char* at) const { return count_characters(text_.substr(0, at - text_.data())); }

  void add_text(std::string_view piece, const char* at) {
    if (parts_.empty() || parts_.back().expression) parts_.push_back({"", std::nullopt, offset_of(at)});
    parts_.back().text += piece;
  }
  void open_interpolation(const char* at) {
    interpolation_start_ = offset_of(at);
    inside_interpolation_ = true;
  }
  void close_interpolation() {
    parts_.push_back({"", pop(), interpolation_start_});
    inside_interpolation_ = false;
  }

  void push_literal(Value value, const char* at) {
    Expr literal = node(Expr::Kind::Literal, offset_of(at), "", {});
    literal.literal = std::move(value);
    operands_.push_back(std::move(literal));
  }
  void push_name(std::string name, const char* at) {
    operands_.push_back(node(Expr::Kind::Name, offset_of(at), std::move(name), {}));
  }
  void push_operator(std::string sign, const char* at) { operators_.push_back({std::move(sign), offset_of(at)}); }

  void combine_binary() {
    Expr right = pop();
    Expr left = pop();
    auto [sign, at] = pop_operator();
    size_t offset = left.offset;
    operands_.push_back(node(Expr::Kind::Binary, offset, std::move(sign), {std::move(left), std::move(right)}, at));
  }
  void combine_unary() {
    Expr operand = pop();
    auto [sign, at] = pop_operator();
    operands_.push_back(node(Expr::Kind::Unary, at, std::move(sign), {std::move(operand)}, at));
  }
  void wrap_member(std::string member, const char* at) {
    Expr object = pop();
    size_t offset = object.offset;
    operands_.push_back(node(Expr::Kind::Member, offset, std::move(member), {std::move(object)}, offset_of(at)));
  }
  // The name just read turns out to be a function: its arguments follow one by one.
  void begin_call() { operands_.back().kind = Expr::Kind::Call; }
  void add_argument() {
    Expr argument = pop();
    operands_.back().operands.push_back(std::move(argument));
  }

  [[noreturn]] void fail(const char* at, std::string_view message) const;

  Template finish() { return Template{std::move(parts_)}; }

 private:
  Expr pop() {
    Expr top = std::move(operands_.back());
    operands_.pop_back();
    return top;
  }
  std::pair<std::string, size_t> pop_operator() {
    auto top = std::move(operators_.back());
    operators_.pop_back();
    return top;
  }
  // The whole UTF-8 character at `at`, for messages that quote what was found.
  std::string_view character_at(const char* at) const {
    size_t start = at - text_.data();
    size_t end = start + 1;
    while (end < text_.size() && is_continuation_byte(text_[end])) ++end;
    return text_.substr(start, std::min(end, text_.size()) - start);
  }

  std::string_view text_;
  std::vector<Template::Part> parts_;
  std::vector<Expr> operands_;
  std::vector<std::pair<std::string, size_t>> operators_;
  size_t interpolation_start_ = 0;
  bool inside_interpolation_ = false;
};

void TemplateBuilder::fail(const char* at, std::string_view message) const {
  // Text that ends inside `${` is almost always missing its `}`: point at the `${` that
  // needs closing rather than past the end of the text.
  if (at == text_.data() + text_.size() && inside_interpolation_)
    throw ExpressionError(interpolation_start_, grammar::error_message<grammar::interpolation_open>);
  std::string text(message);
  if (size_t hole = text.find("{}"); hole != std::string::npos) text.replace(hole, 2, character_at(at));
  throw ExpressionError(offset_of(at), text);
}

Value number_value(std::string_view digits, size_t offset) {
  const char* end = digits.data() + digits.size();
  if (digits.find('.') != std::string_view::npos) {
    double number = 0;
    std::from_chars(digits.data(), end, number);
    return number;
  }
  int64_t number = 0;
  if (std::from_chars(digits.data(), end, number).ec == std::errc::result_out_of_range)
    throw ExpressionError(offset, "integer " + std::string(digits) + " is too large");
  return number;
}

// Turns a failed must<> into an ExpressionError with the grammar's message for the rule.
template <typename Rule>
struct report_errors : pegtl::normal<Rule> {
  template <typename Input>
  [[noreturn]] static void raise(const Input& in, TemplateBuilder& builder) {
    static_assert(grammar::error_message<Rule> != nullptr, "add a message for this rule to grammar/expression_errors.h");
    builder.fail(in.current(), grammar::error_message<Rule>);
  }
};

template <typename Rule>
struct build : pegtl::nothing<Rule> {};

// Records an operator's sign and offset until its operands are complete.
struct record_operator {
  template <typename Input>
  static void apply(const Input& in, TemplateBuilder& builder) { builder.push_operator(in.string(), in.begin()); }
};

template <> struct build<grammar::not_sign> : record_operator {};
template <> struct build<grammar::plus_sign> : record_operator {};
template <> struct build<grammar::less_equal_sign> : record_operator {};
template <> struct build<grammar::less_sign> : record_operator {};
template <> struct build<grammar::greater_equal_sign> : record_operator {};
template <> struct build<grammar::greater_sign> : record_operator {};
template <> struct build<grammar::equal_sign> : record_operator {};
template <> struct build<grammar::not_equal_sign> : record_operator {};
template <> struct build<grammar::and_sign> : record_operator {};
template <> struct build<grammar::or_sign> : record_operator {};

template <typename Sign, typename Operand>
struct build<grammar::infix<Sign, Operand>> {
  static void apply0(TemplateBuilder& builder) { builder.combine_binary(); }
};

template <>
struct build<grammar::negation> {
  static void apply0(TemplateBuilder& builder) { builder.combine_unary(); }
};

template <>
struct build<grammar::name> {
  template <typename Input>
  static void apply(const Input& in, TemplateBuilder& builder) { builder.push_name(in.string(), in.begin()); }
};

template <>
struct build<grammar::member_name> {
  template <typename Input>
  static void apply(const Input& in, TemplateBuilder& builder) { builder.wrap_member(in.string(), in.begin()); }
};

template <>
struct build<grammar::call_open> {
  static void apply0(TemplateBuilder& builder) { builder.begin_call(); }
};

template <>
struct build<grammar::argument> {
  static void apply0(TemplateBuilder& builder) { builder.add_argument(); }
};

// Literals: the value a literal rule stands for, at the literal's offset.
template <auto Literal>
struct push_constant {
  template <typename Input>
  static void apply(const Input& in, TemplateBuilder& builder) { builder.push_literal(Literal, in.begin()); }
};

template <> struct build<grammar::true_literal> : push_constant<true> {};
template <> struct build<grammar::false_literal> : push_constant<false> {};
template <> struct build<grammar::null_literal> : push_constant<nullptr> {};

template <>
struct build<grammar::number_literal> {
  template <typename Input>
  static void apply(const Input& in, TemplateBuilder& builder) {
    builder.push_literal(number_value(in.string_view(), builder.offset_of(in.begin())), in.begin());
  }
};

template <char Quote>
struct build<grammar::quoted<Quote>> {
  template <typename Input>
  static void apply(const Input& in, TemplateBuilder& builder) {
    builder.push_literal(unescape_quoted(in.string_view()), in.begin());
  }
};

// Template structure: text, `$${` as literal text, and `${ ... }`.
template <>
struct build<grammar::text> {
  template <typename Input>
  static void apply(const Input& in, TemplateBuilder& builder) { builder.add_text(in.string_view(), in.begin()); }
};

template <>
struct build<grammar::escaped_open> {
  template <typename Input>
  static void apply(const Input& in, TemplateBuilder& builder) { builder.add_text("${", in.begin()); }
};

template <>
struct build<grammar::interpolation_open> {
  template <typename Input>
  static void apply(const Input& in, TemplateBuilder& builder) { builder.open_interpolation(in.begin()); }
};

template <>
struct build<grammar::interpolation> {
  static void apply0(TemplateBuilder& builder) { builder.close_interpolation(); }
};

}  // namespace

bool Template::is_literal() const {
  for (const Part& part : parts)
    if (part.expression) return false;
  return true;
}

bool Template::is_single_expression() const { return parts.size() == 1 && parts.front().expression.has_value(); }

Template parse_template(std::string_view text) {
  TemplateBuilder builder(text);
  pegtl::memory_input input(text.data(), text.size(), "template");
  try {
    if (!pegtl::parse<grammar::template_text, build, report_errors>(input, builder))
      throw std::logic_error("the template grammar rejected text it accepts by construction");
  } catch (const pegtl::parse_error& error) {
    // Every must<> reports through report_errors; this keeps anything else from leaking out.
    size_t byte = error.positions().empty() ? 0 : error.positions().front().byte;
    throw ExpressionError(builder.offset_of(text.data() + byte), std::string(error.message()));
  }
  return builder.finish();
}

}  // namespace planrun::expr
