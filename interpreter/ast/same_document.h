#pragma once

#include "interpreter/ast/node.h"

namespace planrun::ast {

// Whether two document trees say the same: the same shapes, map entries by key whatever their
// order, scalars with the same text and read as the same kind of value (a plain `42` is not a
// quoted "42", a plain `abc` is a quoted "abc"). Locations do not count. This is what `planrun
// fmt` keeps, whichever syntax it writes.
bool same_document(const Node& a, const Node& b);

}  // namespace planrun::ast
