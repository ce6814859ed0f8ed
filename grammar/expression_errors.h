#pragma once

// What the user reads when a must<> in the expression grammar fails: one message per rule.
// "{}" stands for the character found where the rule failed. A rule under must<> without an
// entry here does not compile (see the control in template_parser.cc).

#include "grammar/expression_grammar.h"

namespace planrun::grammar {

template <typename Rule> inline constexpr const char* error_message = nullptr;

template <> inline constexpr auto error_message<after_interpolation_open> = "expected an expression after '${'";
template <> inline constexpr auto error_message<interpolation_open> = "expected '}' to close '${'";
template <> inline constexpr auto error_message<unexpected_character> = "unexpected character '{}'";

template <> inline constexpr auto error_message<after_or> = "expected an expression after '||'";
template <> inline constexpr auto error_message<after_and> = "expected an expression after '&&'";
template <> inline constexpr auto error_message<after_equal> = "expected an expression after '=='";
template <> inline constexpr auto error_message<after_not_equal> = "expected an expression after '!='";
template <> inline constexpr auto error_message<after_less_equal> = "expected an expression after '<='";
template <> inline constexpr auto error_message<after_less> = "expected an expression after '<'";
template <> inline constexpr auto error_message<after_greater_equal> = "expected an expression after '>='";
template <> inline constexpr auto error_message<after_greater> = "expected an expression after '>'";
template <> inline constexpr auto error_message<after_plus> = "expected an expression after '+'";
template <> inline constexpr auto error_message<after_not> = "expected an expression after '!'";

template <> inline constexpr auto error_message<after_open_paren> = "expected an expression after '('";
template <> inline constexpr auto error_message<close_paren> = "expected ')' to close '('";
template <> inline constexpr auto error_message<member_name> = "expected a member name after '.'";
template <> inline constexpr auto error_message<argument_list> = "expected an argument or ')' after '('";
template <> inline constexpr auto error_message<argument> = "expected an argument after ','";
template <> inline constexpr auto error_message<arguments_end> = "expected ',' or ')' after an argument";

template <char Quote> inline constexpr const char* error_message<terminated_string<Quote>> = "unterminated string";
template <> inline constexpr auto error_message<escape_code> = "unknown escape '\\{}' in a string (known: \\\\ \\' \\\" \\n \\t \\r)";

}  // namespace planrun::grammar
