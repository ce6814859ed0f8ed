#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "interpreter/values/value.h"

namespace planrun::expr {

// One parsed `${...}` expression. Offsets count characters from the start of the template text
// the expression was found in, so that a diagnostic can point at the column inside the string.
struct Expr {
  enum class Kind { Literal, Name, Member, Unary, Binary, Call };

  Kind kind = Kind::Literal;
  size_t offset = 0;
  Value literal;               // Literal
  std::string name;            // Name: identifier; Member: member; Unary/Binary: operator; Call: function
  std::vector<Expr> operands;  // Member: {object}; Unary: {operand}; Binary: {left, right}; Call: arguments
  size_t operator_offset = 0;  // Binary: the operator; Member: the member name (where type errors point)
};

// A string that may mix text and several `${...}`; `$${` stands for a literal `${`.
struct Template {
  struct Part {
    std::string text;           // literal text, when `expression` is empty
    std::optional<Expr> expression;
    size_t offset = 0;          // where the part starts in the template text
  };
  std::vector<Part> parts;

  // No `${...}` at all.
  bool is_literal() const;
  // Exactly one `${...}` and nothing around it: its value keeps its type (list, int, ...).
  bool is_single_expression() const;
};

// A dotted name as written, e.g. {"steps", "copy-db", "outputs", "rows"} at its offset.
struct Reference {
  std::vector<std::string> path;
  size_t offset = 0;
};

// A function call as written, for checking names and argument counts before running.
struct Call {
  std::string function;
  size_t argument_count = 0;
  size_t offset = 0;
};

// A mistake in an expression, at an offset in the template text.
struct ExpressionError : std::runtime_error {
  ExpressionError(size_t offset, const std::string& message) : std::runtime_error(message), offset(offset) {}
  size_t offset;
};

// Raised while evaluating when a name has no value yet (a step output before the step ran).
struct NotYetKnown : std::runtime_error {
  explicit NotYetKnown(const std::string& name) : std::runtime_error(name) {}
};

// Parses template text; throws ExpressionError at the offending offset.
Template parse_template(std::string_view text);

// Every name an expression or template refers to, with member chains flattened into paths.
std::vector<Reference> references(const Template& tmpl);
// Every function call in a template.
std::vector<Call> calls(const Template& tmpl);

// Names the functions the language knows, and how many arguments each takes.
struct FunctionSignature {
  std::string name;
  size_t min_arguments;
  size_t max_arguments;
  std::string doc;
};
const std::vector<FunctionSignature>& functions();

// Resolves names for evaluation: the full dotted path of a reference, e.g. {"old_home"} or
// {"steps", "x", "outputs", "y"}; nullopt when the name has no value yet (NotYetKnown is raised).
class Scope {
 public:
  virtual ~Scope() = default;
  virtual std::optional<Value> lookup(const std::vector<std::string>& path) const = 0;
};

// Evaluates a template: a single expression keeps its value's type, anything else is text.
// Throws ExpressionError for type errors, NotYetKnown for names without a value yet.
Value evaluate(const Template& tmpl, const Scope& scope);
Value evaluate(const Expr& expression, const Scope& scope);

// A value's truth for `when`, `&&`, `||`, `!`: false, null, 0, "" and "false" are false.
bool truthy(const Value& value);

}  // namespace planrun::expr
