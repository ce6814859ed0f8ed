#pragma once

#include "interpreter/values/type_spec.h"
#include "interpreter/values/value.h"

namespace planrun {

// The one rule for relative paths: a value of type `path` (a parameter, or a step field, also
// inside lists and objects) that is relative is taken relative to the directory planrun runs in,
// and made absolute before anything else sees it, fingerprints included; so is the file of an
// SQLite DSN (`sqlite:staging.db`). So the same plan run
// from another folder has other paths, other fingerprints, and is not "up to date" there.
Value with_absolute_paths(const Value& value, const TypeSpec& type);

}  // namespace planrun
