#pragma once

// What the user reads when a must<> in the .plan grammar fails: one message per rule. "{}"
// stands for what was found where the rule failed ('x', the end of the line, the end of the
// file). A rule under must<> without an entry here does not compile (see the control in
// interpreter/frontend/plan_frontend.cc).

#include "grammar/plan_grammar.h"

namespace planrun::grammar::plan {

template <typename Rule> inline constexpr const char* error_message = nullptr;

template <> inline constexpr auto error_message<statement_expected> =
    "expected 'KEY = VALUE', 'param NAME: TYPE' or 'step ID: TYPE { ... }', found {}";
template <> inline constexpr auto error_message<statement_end> =
    "expected the end of the line after the statement, found {} (one statement a line)";

template <> inline constexpr auto error_message<param_name> = "expected a parameter name after 'param', found {}";
template <> inline constexpr auto error_message<param_colon> =
    "expected ':' and the parameter's type after its name, found {}";
template <> inline constexpr auto error_message<param_type> = "expected the parameter's type after ':', found {}";
template <> inline constexpr auto error_message<step_id> = "expected a step id after 'step', found {}";
template <> inline constexpr auto error_message<step_colon> = "expected ':' and the step's type after its id, found {}";
template <> inline constexpr auto error_message<step_type> = "expected the step's type after ':', found {}";

template <> inline constexpr auto error_message<equals> = "expected '=' after the key, found {}";
template <> inline constexpr auto error_message<entry_value> = "expected a value after '=', found {}";
template <> inline constexpr auto error_message<map_close> =
    "expected a new line, ',' or '}' after a map entry, found {}";
template <> inline constexpr auto error_message<list_close> =
    "expected a new line, ',' or ']' after a list item, found {}";

template <> inline constexpr auto error_message<terminated_string> =
    "unterminated string (a string ends with '\"' on the line it starts)";
template <> inline constexpr auto error_message<escape_code> =
    "unknown escape in a string: found {} after '\\' (known: \\\" \\\\ \\n \\t \\r)";

}  // namespace planrun::grammar::plan
