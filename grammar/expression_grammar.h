#pragma once

// The `${...}` expression language as a PEGTL grammar. Rules only: the actions that build
// expr::Expr live in interpreter/expressions/template_parser.cc, the messages for every must<>
// in grammar/expression_errors.h.
//
// Precedence, loosest first: || , && , == != , < <= > >= , + , unary ! , postfix (.member, call).
// After a token that commits to a construct (an operator, `(`, `.`, `${`) the rest is must<>,
// so a mistake is reported where it is rather than as a vague failure of the whole template.

#include <tao/pegtl.hpp>

namespace planrun::grammar {

using namespace tao::pegtl;

struct expression;
struct unary;

// Whitespace between tokens.
struct spacing : star<space> {};

// Names: step ids such as copy-db contain dashes, which is why the language has no minus.
struct name_start : ranges<'a', 'z', 'A', 'Z', '_'> {};
struct name_char : sor<ranges<'a', 'z', 'A', 'Z', '0', '9'>, one<'_', '-'>> {};
struct identifier : seq<name_start, star<name_char>> {};
struct keyword_end : not_at<name_char> {};

// Literals. A string is checked for its closing quote before it is read, so that a missing
// quote is reported at the opening one rather than at the end of the text.
struct true_literal : seq<TAO_PEGTL_STRING("true"), keyword_end> {};
struct false_literal : seq<TAO_PEGTL_STRING("false"), keyword_end> {};
struct null_literal : seq<TAO_PEGTL_STRING("null"), keyword_end> {};
struct number_literal : seq<plus<digit>, opt<one<'.'>, plus<digit>>> {};
struct escape_code : one<'\\', '\'', '"', 'n', 't', 'r'> {};
// A backslash that ends the text leaves the string unterminated rather than badly escaped.
struct escape : seq<one<'\\'>, not_at<eof>, must<escape_code>> {};
template <char Quote> struct string_char : sor<escape, not_one<Quote, '\\'>> {};
template <char Quote> struct quoted : seq<one<Quote>, star<string_char<Quote>>, one<Quote>> {};
template <char Quote> struct terminated_string : at<quoted<Quote>> {};
template <char Quote> struct string_of : seq<at<one<Quote>>, must<terminated_string<Quote>>, quoted<Quote>> {};
struct string_literal : sor<string_of<'\''>, string_of<'"'>> {};

// Parentheses group without leaving a node behind.
struct open_paren : one<'('> {};
struct after_open_paren : seq<expression> {};
struct close_paren : one<')'> {};
struct parenthesized : seq<open_paren, spacing, must<after_open_paren>, spacing, must<close_paren>> {};

// A name, or a call when the name is followed by an argument list.
struct name : identifier {};
struct call_open : one<'('> {};
struct call_close : one<')'> {};
struct argument : seq<expression> {};
struct arguments_end : one<')'> {};
struct more_arguments : star<spacing, one<','>, spacing, must<argument>> {};
struct argument_list : sor<call_close, seq<argument, more_arguments, spacing, must<arguments_end>>> {};
struct call_arguments : seq<spacing, call_open, spacing, must<argument_list>> {};
struct name_or_call : seq<name, opt<call_arguments>> {};

struct primary
    : sor<parenthesized, string_literal, number_literal, true_literal, false_literal, null_literal, name_or_call> {};

// Member access binds tightest: steps.copy-db.outputs.rows.
struct dot : one<'.'> {};
struct member_name : identifier {};
struct member_access : seq<spacing, dot, spacing, must<member_name>> {};
struct postfix : seq<primary, star<member_access>> {};

// An operator followed by the operand it requires; the operand rule names the message.
template <typename Sign, typename Operand> struct infix : seq<Sign, spacing, must<Operand>> {};

struct not_sign : one<'!'> {};
struct after_not : seq<unary> {};
struct negation : seq<not_sign, spacing, must<after_not>> {};
struct unary : sor<negation, postfix> {};

struct plus_sign : one<'+'> {};
struct after_plus : seq<unary> {};
struct sum : seq<unary, star<spacing, infix<plus_sign, after_plus>>> {};

struct less_equal_sign : TAO_PEGTL_STRING("<=") {};
struct less_sign : one<'<'> {};
struct greater_equal_sign : TAO_PEGTL_STRING(">=") {};
struct greater_sign : one<'>'> {};
struct after_less_equal : seq<sum> {};
struct after_less : seq<sum> {};
struct after_greater_equal : seq<sum> {};
struct after_greater : seq<sum> {};
struct comparison_tail : sor<infix<less_equal_sign, after_less_equal>, infix<less_sign, after_less>,
                             infix<greater_equal_sign, after_greater_equal>, infix<greater_sign, after_greater>> {};
struct comparison : seq<sum, star<spacing, comparison_tail>> {};

struct equal_sign : TAO_PEGTL_STRING("==") {};
struct not_equal_sign : TAO_PEGTL_STRING("!=") {};
struct after_equal : seq<comparison> {};
struct after_not_equal : seq<comparison> {};
struct equality_tail : sor<infix<equal_sign, after_equal>, infix<not_equal_sign, after_not_equal>> {};
struct equality : seq<comparison, star<spacing, equality_tail>> {};

struct and_sign : TAO_PEGTL_STRING("&&") {};
struct after_and : seq<equality> {};
struct conjunction : seq<equality, star<spacing, infix<and_sign, after_and>>> {};

struct or_sign : TAO_PEGTL_STRING("||") {};
struct after_or : seq<conjunction> {};
struct disjunction : seq<conjunction, star<spacing, infix<or_sign, after_or>>> {};

struct expression : disjunction {};

// Templates: text with `${ expression }` inside; `$${` is a literal `${`.
// Anything after an expression other than `}` is a stray character (at the end of the text,
// the template parser reports the `${` that was never closed).
struct escaped_open : TAO_PEGTL_STRING("$${") {};
struct interpolation_open : TAO_PEGTL_STRING("${") {};
struct after_interpolation_open : seq<expression> {};
struct unexpected_character {};  // not a rule: the tag raise<> reports a stray character with
// tao::pegtl:: because ::raise from <csignal> would make a bare `raise` ambiguous.
struct interpolation_close : sor<one<'}'>, tao::pegtl::raise<unexpected_character>> {};
struct interpolation
    : seq<interpolation_open, spacing, must<after_interpolation_open>, spacing, interpolation_close> {};
struct text_char : seq<not_at<escaped_open>, not_at<interpolation_open>, any> {};
struct text : plus<text_char> {};
struct template_part : sor<escaped_open, interpolation, text> {};
struct template_text : seq<star<template_part>, eof> {};

}  // namespace planrun::grammar
