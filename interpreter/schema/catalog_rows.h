#pragma once

#include <optional>
#include <string>
#include <vector>

namespace soci {
class session;
}

namespace planrun {

// One row of a catalog query, every cell as text (nullopt for NULL), whatever its column type:
// the schema readers compare words, and each backend reports its catalogs in different types.
struct CatalogRow {
  std::vector<std::optional<std::string>> cells;
  std::string text(size_t column) const { return cells.at(column).value_or(""); }
  bool is_null(size_t column) const { return !cells.at(column).has_value(); }
  bool flag(size_t column) const;  // "1", "t", "true", "YES" -> true
};

// Runs `sql` and reads all of its rows. Throws soci::soci_error on failure.
std::vector<CatalogRow> catalog_rows(soci::session& session, const std::string& sql);

}  // namespace planrun
