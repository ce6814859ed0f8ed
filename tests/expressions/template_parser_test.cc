#include <gtest/gtest.h>

#include <string>
#include <tuple>

#include "interpreter/expressions/expression.h"

namespace planrun::expr {
namespace PLANRUN_UNITY_ID {

// An expression tree in prefix form, e.g. (+ a (. b c)), so a test can state a whole tree.
std::string shape(const Expr& e) {
  switch (e.kind) {
    case Expr::Kind::Literal: return e.literal.canonical();
    case Expr::Kind::Name: return e.name;
    case Expr::Kind::Member: return "(. " + shape(e.operands[0]) + " " + e.name + ")";
    default: break;
  }
  std::string out = "(" + e.name + (e.kind == Expr::Kind::Call ? "()" : "");
  for (const Expr& operand : e.operands) out += " " + shape(operand);
  return out + ")";
}

// The single expression of a template such as "${ a + b }".
Expr only_expression(std::string_view text) {
  Template t = parse_template(text);
  EXPECT_TRUE(t.is_single_expression()) << text;
  return t.parts.at(0).expression.value();
}

std::string shape_of(std::string_view text) { return shape(only_expression(text)); }

// The message and offset a template is rejected with.
std::pair<std::string, size_t> error_of(std::string_view text) {
  try {
    parse_template(text);
  } catch (const ExpressionError& error) {
    return {error.what(), error.offset};
  }
  ADD_FAILURE() << "no error for: " << text;
  return {"", 0};
}

using Error = std::pair<std::string, size_t>;

TEST(TemplateParser, PlainTextIsOneLiteralPart) {
  Template t = parse_template("hello } world $5");
  ASSERT_EQ(t.parts.size(), 1u);
  EXPECT_EQ(t.parts[0].text, "hello } world $5");
  EXPECT_FALSE(t.parts[0].expression);
  EXPECT_TRUE(t.is_literal());
  EXPECT_FALSE(t.is_single_expression());
}

TEST(TemplateParser, EmptyTextHasNoParts) {
  Template t = parse_template("");
  EXPECT_TRUE(t.parts.empty());
  EXPECT_TRUE(t.is_literal());
  EXPECT_FALSE(t.is_single_expression());
}

TEST(TemplateParser, SingleExpressionKeepsItsOffsets) {
  Template t = parse_template("${ old_home }");
  ASSERT_TRUE(t.is_single_expression());
  EXPECT_FALSE(t.is_literal());
  EXPECT_EQ(t.parts[0].offset, 0u);
  EXPECT_EQ(t.parts[0].expression->kind, Expr::Kind::Name);
  EXPECT_EQ(t.parts[0].expression->name, "old_home");
  EXPECT_EQ(t.parts[0].expression->offset, 3u);
}

TEST(TemplateParser, TextAndExpressionsAlternateWithOffsets) {
  Template t = parse_template("a ${x} b ${y}");
  ASSERT_EQ(t.parts.size(), 4u);
  EXPECT_EQ(t.parts[0].text, "a ");
  EXPECT_EQ(t.parts[0].offset, 0u);
  EXPECT_EQ(shape(*t.parts[1].expression), "x");
  EXPECT_EQ(t.parts[1].offset, 2u);
  EXPECT_EQ(t.parts[1].expression->offset, 4u);
  EXPECT_EQ(t.parts[2].text, " b ");
  EXPECT_EQ(t.parts[2].offset, 6u);
  EXPECT_EQ(t.parts[3].offset, 9u);
  EXPECT_FALSE(t.is_single_expression());
}

TEST(TemplateParser, TextAroundASingleExpressionMakesItText) {
  EXPECT_FALSE(parse_template(" ${x}").is_single_expression());
  EXPECT_FALSE(parse_template("${x}${y}").is_single_expression());
}

TEST(TemplateParser, DoubleDollarBraceIsALiteralDollarBrace) {
  Template t = parse_template("cost $${HOME} and $$5");
  ASSERT_EQ(t.parts.size(), 1u);
  EXPECT_EQ(t.parts[0].text, "cost ${HOME} and $$5");
  EXPECT_TRUE(t.is_literal());
}

TEST(TemplateParser, EscapedOpenMergesWithTextBeforeAnExpression) {
  Template t = parse_template("$${a} ${b}");
  ASSERT_EQ(t.parts.size(), 2u);
  EXPECT_EQ(t.parts[0].text, "${a} ");
  EXPECT_EQ(t.parts[1].offset, 6u);
  EXPECT_EQ(t.parts[1].expression->offset, 8u);
}

TEST(TemplateParser, PrecedenceFromLoosestToTightest) {
  EXPECT_EQ(shape_of("${ a || b && c == d < e + f }"), "(|| a (&& b (== c (< d (+ e f)))))");
  EXPECT_EQ(shape_of("${ a + b < c == d && e || f }"), "(|| (&& (== (< (+ a b) c) d) e) f)");
  EXPECT_EQ(shape_of("${ !a + b.c }"), "(+ (! a) (. b c))");
}

TEST(TemplateParser, OperatorsAssociateToTheLeft) {
  EXPECT_EQ(shape_of("${ a + b + c }"), "(+ (+ a b) c)");
  EXPECT_EQ(shape_of("${ a || b || c }"), "(|| (|| a b) c)");
  EXPECT_EQ(shape_of("${ a != b == c }"), "(== (!= a b) c)");
}

TEST(TemplateParser, EveryComparisonOperator) {
  EXPECT_EQ(shape_of("${a<b}"), "(< a b)");
  EXPECT_EQ(shape_of("${a<=b}"), "(<= a b)");
  EXPECT_EQ(shape_of("${a>b}"), "(> a b)");
  EXPECT_EQ(shape_of("${a>=b}"), "(>= a b)");
  EXPECT_EQ(shape_of("${a==b}"), "(== a b)");
  EXPECT_EQ(shape_of("${a!=b}"), "(!= a b)");
}

TEST(TemplateParser, ParenthesesGroupWithoutANode) {
  EXPECT_EQ(shape_of("${ (a || b) && c }"), "(&& (|| a b) c)");
  EXPECT_EQ(shape_of("${ a + (b + c) }"), "(+ a (+ b c))");
  EXPECT_EQ(shape_of("${ ((a)) }"), "a");
  EXPECT_EQ(shape_of("${ !(a) }"), "(! a)");
  EXPECT_EQ(shape_of("${ !!a }"), "(! (! a))");
}

TEST(TemplateParser, MemberChainsKeepDashedNames) {
  EXPECT_EQ(shape_of("${ steps.copy-db.outputs.rows }"), "(. (. (. steps copy-db) outputs) rows)");
  EXPECT_EQ(shape_of("${ env.HOME_DIR }"), "(. env HOME_DIR)");
  EXPECT_EQ(shape_of("${ a . b }"), "(. a b)");
}

TEST(TemplateParser, Literals) {
  EXPECT_EQ(shape_of("${ 42 }"), "42");
  EXPECT_EQ(shape_of("${ 1.5 }"), "d:1.5");
  EXPECT_EQ(shape_of("${ true }"), "true");
  EXPECT_EQ(shape_of("${ false }"), "false");
  EXPECT_EQ(shape_of("${ null }"), "null");
  EXPECT_EQ(shape_of("${ 'single' }"), "\"single\"");
  EXPECT_EQ(shape_of("${ \"double\" }"), "\"double\"");
  EXPECT_EQ(shape_of("${ '' }"), "\"\"");
  EXPECT_EQ(shape_of("${ '}' }"), "\"}\"");
}

TEST(TemplateParser, LiteralTypes) {
  EXPECT_TRUE(only_expression("${ 42 }").literal.is_int());
  EXPECT_TRUE(only_expression("${ 007 }").literal.is_int());
  EXPECT_EQ(only_expression("${ 007 }").literal.as_int(), 7);
  EXPECT_TRUE(only_expression("${ 2.0 }").literal.is_double());
  EXPECT_TRUE(only_expression("${ null }").literal.is_null());
  EXPECT_EQ(only_expression("${ 9223372036854775807 }").literal.as_int(), INT64_MAX);
}

TEST(TemplateParser, StringEscapes) {
  EXPECT_EQ(only_expression(R"(${ 'a\'b' })").literal.as_string(), "a'b");
  EXPECT_EQ(only_expression(R"(${ "a\"b" })").literal.as_string(), "a\"b");
  EXPECT_EQ(only_expression(R"(${ "it's" })").literal.as_string(), "it's");
  EXPECT_EQ(only_expression(R"(${ 'back\\slash' })").literal.as_string(), "back\\slash");
  EXPECT_EQ(only_expression(R"(${ 'a\nb\tc\rd' })").literal.as_string(), "a\nb\tc\rd");
  EXPECT_EQ(only_expression("${ 'caf\xC3\xA9' }").literal.as_string(), "caf\xC3\xA9");
}

TEST(TemplateParser, KeywordPrefixesAreNames) {
  EXPECT_EQ(shape_of("${ trueish }"), "trueish");
  EXPECT_EQ(shape_of("${ null_value }"), "null_value");
  EXPECT_EQ(shape_of("${ false-start }"), "false-start");
  EXPECT_EQ(shape_of("${ _x9 }"), "_x9");
}

TEST(TemplateParser, Calls) {
  EXPECT_EQ(shape_of("${ f() }"), "(f())");
  EXPECT_EQ(shape_of("${ default(a.b, 'x') }"), "(default() (. a b) \"x\")");
  EXPECT_EQ(shape_of("${ f ( a , g(b) , 1 ) }"), "(f() a (g() b) 1)");
  EXPECT_EQ(shape_of("${ f(a + b, !c) }"), "(f() (+ a b) (! c))");
  EXPECT_EQ(shape_of("${ f(x).y }"), "(. (f() x) y)");
  EXPECT_EQ(shape_of("${ (a).b }"), "(. a b)");
}

TEST(TemplateParser, NodeOffsetsAreTheirFirstCharacter) {
  //                          0         1         2
  //                          0123456789012345678901234
  Expr e = only_expression("${ !a.b + lower('x') }");
  ASSERT_EQ(e.kind, Expr::Kind::Binary);
  EXPECT_EQ(e.offset, 3u);
  EXPECT_EQ(e.operator_offset, 8u);
  const Expr& negation = e.operands[0];
  EXPECT_EQ(negation.kind, Expr::Kind::Unary);
  EXPECT_EQ(negation.offset, 3u);
  const Expr& member = negation.operands[0];
  EXPECT_EQ(member.kind, Expr::Kind::Member);
  EXPECT_EQ(member.offset, 4u);
  EXPECT_EQ(member.operator_offset, 6u);
  EXPECT_EQ(member.operands[0].offset, 4u);
  const Expr& call = e.operands[1];
  EXPECT_EQ(call.kind, Expr::Kind::Call);
  EXPECT_EQ(call.offset, 10u);
  EXPECT_EQ(call.operands[0].offset, 16u);
}

TEST(TemplateParser, OffsetsCountCharactersNotBytes) {
  Template t = parse_template("\xC3\xA9t\xC3\xA9 ${ x + 'caf\xC3\xA9' + y }");
  ASSERT_EQ(t.parts.size(), 2u);
  EXPECT_EQ(t.parts[1].offset, 4u);
  const Expr& e = *t.parts[1].expression;
  EXPECT_EQ(e.operands[0].operands[1].offset, 11u);
  EXPECT_EQ(e.operands[1].offset, 20u);
  EXPECT_EQ(e.operator_offset, 18u);
}

TEST(TemplateParserErrors, MissingOperand) {
  EXPECT_EQ(error_of("${ a + }"), Error("expected an expression after '+'", 7));
  EXPECT_EQ(error_of("x ${ a +# }"), Error("expected an expression after '+'", 8));
  EXPECT_EQ(error_of("${ ! }"), Error("expected an expression after '!'", 5));
}

TEST(TemplateParserErrors, MissingOperandNamesEachOperator) {
  for (std::string sign : {"||", "&&", "==", "!=", "<", "<=", ">", ">=", "+"})
    EXPECT_EQ(error_of("${ a " + sign + " }"), Error("expected an expression after '" + sign + "'", 6 + sign.size()))
        << sign;
}

TEST(TemplateParserErrors, UnclosedInterpolationIsReportedAtItsOpening) {
  EXPECT_EQ(error_of("ab ${ x"), Error("expected '}' to close '${'", 3));
  EXPECT_EQ(error_of("ab ${"), Error("expected '}' to close '${'", 3));
  EXPECT_EQ(error_of("ab ${ x +"), Error("expected '}' to close '${'", 3));
  EXPECT_EQ(error_of("${ a } ${ f(b"), Error("expected '}' to close '${'", 7));
  EXPECT_EQ(error_of("${ '}'"), Error("expected '}' to close '${'", 0));
}

TEST(TemplateParserErrors, UnterminatedStringIsReportedAtItsQuote) {
  EXPECT_EQ(error_of("${ 'abc }"), Error("unterminated string", 3));
  EXPECT_EQ(error_of("xy ${ a + \"abc }"), Error("unterminated string", 10));
  EXPECT_EQ(error_of("${ 'it\\' }"), Error("unterminated string", 3));
  EXPECT_EQ(error_of("${ 'abc\\"), Error("unterminated string", 3));
}

TEST(TemplateParserErrors, UnexpectedCharacterAfterAnExpression) {
  EXPECT_EQ(error_of("${ a # }"), Error("unexpected character '#'", 5));
  EXPECT_EQ(error_of("${ a b }"), Error("unexpected character 'b'", 5));
  EXPECT_EQ(error_of("${ a = b }"), Error("unexpected character '='", 5));
  EXPECT_EQ(error_of("${ count - 1 }"), Error("unexpected character '-'", 9));
  EXPECT_EQ(error_of("${ a & b }"), Error("unexpected character '&'", 5));
  EXPECT_EQ(error_of("${ 12abc }"), Error("unexpected character 'a'", 5));
  EXPECT_EQ(error_of("${ a.b(1) }"), Error("unexpected character '('", 6));
  EXPECT_EQ(error_of("\xC3\xA9 ${ a \xE2\x82\xAC }"), Error("unexpected character '\xE2\x82\xAC'", 7));
}

TEST(TemplateParserErrors, MissingExpression) {
  EXPECT_EQ(error_of("${}"), Error("expected an expression after '${'", 2));
  EXPECT_EQ(error_of("${ # }"), Error("expected an expression after '${'", 3));
  EXPECT_EQ(error_of("${ (}"), Error("expected an expression after '('", 4));
}

TEST(TemplateParserErrors, Parentheses) {
  EXPECT_EQ(error_of("${ (a }"), Error("expected ')' to close '('", 6));
  EXPECT_EQ(error_of("${ (a b) }"), Error("expected ')' to close '('", 6));
}

TEST(TemplateParserErrors, Members) {
  EXPECT_EQ(error_of("${ a. }"), Error("expected a member name after '.'", 6));
  EXPECT_EQ(error_of("${ a.5 }"), Error("expected a member name after '.'", 5));
}

TEST(TemplateParserErrors, CallArguments) {
  EXPECT_EQ(error_of("${ f(a b) }"), Error("expected ',' or ')' after an argument", 7));
  EXPECT_EQ(error_of("${ f(a, ) }"), Error("expected an argument after ','", 8));
  EXPECT_EQ(error_of("${ f(,) }"), Error("expected an argument or ')' after '('", 5));
}

TEST(TemplateParserErrors, UnknownEscape) {
  EXPECT_EQ(error_of(R"(${ 'a\q' })"), Error(R"(unknown escape '\q' in a string (known: \\ \' \" \n \t \r))", 6));
}

TEST(TemplateParserErrors, IntegerTooLarge) {
  EXPECT_EQ(error_of("x ${ 99999999999999999999 }"), Error("integer 99999999999999999999 is too large", 5));
}

TEST(TemplateParserErrors, ErrorsAreExpressionErrorsNeverParseErrors) {
  for (std::string_view text : {"${", "${ f(", "${ 'x", "${ a +", "${ a $ }", "${ \"\\", "${ (((", "${ !"}) {
    try {
      parse_template(text);
      ADD_FAILURE() << "accepted: " << text;
    } catch (const ExpressionError& error) {
      EXPECT_LE(error.offset, text.size()) << text;
    }
  }
}

// references() and calls(): what a template depends on.

TEST(ExpressionWalk, MemberChainIsOneDottedReference) {
  auto found = references(parse_template("rows: ${ steps.copy-db.outputs.rows }"));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].path, (std::vector<std::string>{"steps", "copy-db", "outputs", "rows"}));
  EXPECT_EQ(found[0].offset, 9u);
}

TEST(ExpressionWalk, ReferencesInsideOperatorsAndArguments) {
  //                                      0         1         2         3         4
  //                                      01234567890123456789012345678901234567890123
  auto found = references(parse_template("${ default(a.b, c) + d == f(x).y || !(e).g }"));
  std::vector<std::tuple<std::string, size_t>> seen;
  for (const Reference& r : found) {
    std::string dotted;
    for (const std::string& segment : r.path) dotted += (dotted.empty() ? "" : ".") + segment;
    seen.emplace_back(dotted, r.offset);
  }
  std::vector<std::tuple<std::string, size_t>> expected = {{"a.b", 11}, {"c", 16}, {"d", 21}, {"x", 28}, {"e.g", 38}};
  EXPECT_EQ(seen, expected);
}

TEST(ExpressionWalk, LiteralTemplateHasNoReferencesOrCalls) {
  Template t = parse_template("plain $${x} text");
  EXPECT_TRUE(references(t).empty());
  EXPECT_TRUE(calls(t).empty());
}

TEST(ExpressionWalk, CallsIncludeNestedOnesWithArgumentCounts) {
  auto found = calls(parse_template("a ${ f(g(1), 2) } b ${ h() }"));
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].function, "f");
  EXPECT_EQ(found[0].argument_count, 2u);
  EXPECT_EQ(found[0].offset, 5u);
  EXPECT_EQ(found[1].function, "g");
  EXPECT_EQ(found[1].argument_count, 1u);
  EXPECT_EQ(found[1].offset, 7u);
  EXPECT_EQ(found[2].function, "h");
  EXPECT_EQ(found[2].argument_count, 0u);
  EXPECT_EQ(found[2].offset, 23u);
}

}  // namespace
}  // namespace planrun::expr
