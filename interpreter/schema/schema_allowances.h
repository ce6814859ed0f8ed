#pragma once

#include <optional>
#include <string>
#include <vector>

#include "interpreter/schema/schema_comparison.h"

namespace planrun {

// `allow:` entries: the differences a plan expects, written as the report labels them,
// "KIND: OBJECT" — "changed: table REG_RESOURCE column REG_NAME default". KIND is missing,
// extra, changed or *; OBJECT may use * and ? (fnmatch), and covers what lies under it:
// "extra: table TMP_LOG" also allows that table's columns and indexes.

// What is wrong with an entry's form, or nullopt when it is well formed.
std::optional<std::string> allowance_error(const std::string& entry);

// Marks every difference an entry matches as allowed; returns the entries that matched none
// (stale allowances, which would hide drift later: the step warns about them).
std::vector<std::string> apply_allowances(std::vector<SchemaDifference>& differences,
                                          const std::vector<std::string>& entries);

}  // namespace planrun
