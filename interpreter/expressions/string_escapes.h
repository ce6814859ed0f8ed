#pragma once

#include <string>
#include <string_view>

namespace planrun {

// The text of a quoted string literal between its quotes, with its backslash escapes resolved:
// \n \t \r are the control characters, any other escaped character stands for itself. Shared by
// the expression language and the .plan syntax, whose grammars have already rejected escapes
// they do not know.
std::string unescape_quoted(std::string_view quoted);

}  // namespace planrun
