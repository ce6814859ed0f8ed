#pragma once

#include <string>
#include <vector>

#include "interpreter/schema/database_schema.h"

namespace planrun {

// One way an actual schema differs from its reference.
struct SchemaDifference {
  enum class Kind { Missing, Extra, Changed };  // in the reference only; in the actual only; in both, unlike
  Kind kind = Kind::Changed;
  // What differs, as a path of words: "table UM_USER", "table UM_USER column UM_ID default",
  // "table REG_RESOURCE index REG_RESOURCE_IND_BY_NAME name". `allow:` entries match it.
  std::string object;
  std::string reference;  // the reference side in words ("absent" when extra)
  std::string actual;     // the actual side in words ("absent" when missing)
  bool allowed = false;   // an `allow:` entry expects it

  // "changed: table UM_USER column UM_ID default", the form `allow:` entries take.
  std::string label() const;
};

std::string kind_word(SchemaDifference::Kind kind);  // "missing", "extra", "changed"

struct SchemaComparisonOptions {
  // Match indexes (or unique constraints, primary keys and foreign keys) by their content
  // (table, columns, uniqueness, referenced columns), not their names: a renamed one is no difference.
  bool ignore_index_names = false;
  bool ignore_constraint_names = false;
};

// Every difference of `actual` from `reference`, tables in name order, then sequences. Objects
// are matched by name; when names are compared, one whose name differs but whose content
// matches one on the other side is a single "name" change, not a missing one and an extra one.
// Column order is not compared.
std::vector<SchemaDifference> compare_schemas(const DatabaseSchema& reference, const DatabaseSchema& actual,
                                              const SchemaComparisonOptions& options = {});

}  // namespace planrun
