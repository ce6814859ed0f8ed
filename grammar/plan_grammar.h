#pragma once

// The `.plan` text syntax as a PEGTL grammar. Rules only: the front end
// (interpreter/frontend/plan_frontend.cc) builds the document tree from the parse tree of the
// rules it selects, and the messages for every must<> are in grammar/plan_errors.h.
//
// A .plan file is a list of statements, one a line:
//
//     planrun = 1                                   KEY = VALUE     any top-level field
//     param old_db: database { doc = "DSN" }        param NAME: TYPE { FIELDS }
//     step copy-db: copy-db {                       step ID: TYPE { FIELDS }
//       needs = [backup-db]
//       with = { from = "${old_db}", to = "${staging_db}" }
//     }
//
// Values are strings ("..." on one line, escapes \" \\ \n \t \r), bare words (5m, 9443, true,
// backup-db, null), lists [a, b] and maps { k = v }; inside brackets, items are separated by
// ',' or by new lines. `#` starts a comment. `${...}` inside strings is the expression language,
// which this grammar does not look into: both front ends hand it on unchanged.
//
// After a token that commits to a construct (the keywords, '=', an opening quote or bracket) the
// rest is must<>, so that a mistake is reported where it is.

#include <tao/pegtl.hpp>

namespace planrun::grammar::plan {

using namespace tao::pegtl;

struct value;

// Space inside a line; a gap (inside brackets, between statements) may also span lines and hold
// comments.
struct line_comment : seq<one<'#'>, star<not_one<'\n', '\r'>>> {};
struct blanks : star<blank> {};
struct line_break : seq<blanks, opt<line_comment>, eol> {};
struct gap : star<sor<blank, line_comment, eol>> {};

// Bare words: numbers, durations, booleans, ids, types, simple paths. Anything else is quoted.
struct bare_char : sor<alnum, one<'_', '-', '.', '/', '+'>> {};
struct bare_word : plus<bare_char> {};
struct word_ahead : plus<bare_char> {};  // the same, for lookahead: it leaves no tree node

// Strings stay on one line. A string is checked for its closing quote before it is read, so that
// a missing quote is reported at the opening one rather than at the end of the line.
struct escape_code : one<'"', '\\', 'n', 't', 'r'> {};
struct escape : seq<one<'\\'>, must<escape_code>> {};
struct string_char : sor<escape, not_one<'"', '\\', '\n', '\r'>> {};
struct quoted_string : seq<one<'"'>, star<string_char>, one<'"'>> {};
struct quoted_ahead : seq<one<'"'>, star<string_char>, one<'"'>> {};  // for lookahead
struct terminated_string : at<quoted_ahead> {};
struct string_value : seq<at<one<'"'>>, must<terminated_string>, quoted_string> {};
struct scalar : sor<string_value, bare_word> {};

// Items inside brackets are separated by a comma or a line break; a trailing one is allowed.
struct item_separator : sor<seq<blanks, one<','>, gap>, seq<line_break, gap>> {};

struct list_close : one<']'> {};
struct list_items : seq<value, star<item_separator, value>, opt<item_separator>> {};
struct list_value : seq<one<'['>, gap, opt<list_items>, gap, must<list_close>> {};

struct equals : one<'='> {};
struct entry_value : seq<value> {};
struct entry : seq<scalar, blanks, must<equals>, blanks, must<entry_value>> {};
struct map_close : one<'}'> {};
struct map_items : seq<entry, star<item_separator, entry>, opt<item_separator>> {};
struct map_value : seq<one<'{'>, gap, opt<map_items>, gap, must<map_close>> {};

struct value : sor<string_value, list_value, map_value, bare_word> {};

// Statements. A keyword is one only when a blank follows and '=' does not: `step = [...]` is a
// top-level field named step (which the compiler then reports as unknown).
template <typename Word>
struct keyword : seq<Word, plus<blank>, not_at<one<'='>>> {};
struct body : seq<blanks, map_value> {};

struct param_name : seq<scalar> {};
struct param_colon : one<':'> {};
struct param_type : seq<scalar> {};
struct param_statement : seq<keyword<TAO_PEGTL_STRING("param")>, must<param_name>, blanks, must<param_colon>, blanks,
                             must<param_type>, opt<body>> {};

struct step_id : seq<scalar> {};
struct step_colon : one<':'> {};
struct step_type : seq<scalar> {};
struct step_statement : seq<keyword<TAO_PEGTL_STRING("step")>, must<step_id>, blanks, must<step_colon>, blanks,
                            must<step_type>, opt<body>> {};

// A top-level field commits only at its '=', so that a misspelt keyword is reported as one.
struct top_entry : seq<scalar, blanks, equals, blanks, must<entry_value>> {};

// The tag tao::pegtl::raise<> reports a line that is no statement with. It never matches; it is a
// rule only because the parse tree looks into every rule it meets.
struct statement_expected : tao::pegtl::failure {};
struct statement : sor<param_statement, step_statement, top_entry, tao::pegtl::raise<statement_expected>> {};
struct statement_end : sor<seq<opt<line_comment>, eol>, eof> {};

struct document : seq<opt<utf8::bom>, gap, until<eof, statement, blanks, must<statement_end>, gap>> {};

}  // namespace planrun::grammar::plan
