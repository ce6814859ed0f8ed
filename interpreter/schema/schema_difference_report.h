#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "interpreter/schema/schema_comparison.h"

namespace planrun {

// The two sides of a comparison as reports name them: "v2.sql" and "sqlite:staging.db".
struct ComparedSides {
  std::string reference;
  std::string actual;
};

// The differences as an aligned table under two lines naming the sides: one difference per
// line, kind, object, the reference side, the actual side. An allowed difference's kind reads "changed (allowed)".
// Values longer than 60 characters are cut with "...". No trailing newline.
std::string difference_table(const std::vector<SchemaDifference>& differences, const ComparedSides& sides);

// The same as JSON: {"reference", "actual", "differences": [{kind, object, reference, actual,
// allowed}], "unused_allowances": [...]}, whole values uncut.
nlohmann::json difference_json(const std::vector<SchemaDifference>& differences, const ComparedSides& sides,
                               const std::vector<std::string>& unused_allowances);

}  // namespace planrun
