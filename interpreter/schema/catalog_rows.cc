#include "interpreter/schema/catalog_rows.h"

#include <soci/soci.h>

namespace planrun {
namespace {

std::optional<std::string> cell_text(const soci::row& row, size_t column) {
  if (row.get_indicator(column) == soci::i_null) return std::nullopt;
  switch (row.get_properties(column).get_data_type()) {
    case soci::dt_string: return row.get<std::string>(column);
    case soci::dt_integer: return std::to_string(row.get<int>(column));
    case soci::dt_long_long: return std::to_string(row.get<long long>(column));
    case soci::dt_unsigned_long_long: return std::to_string(row.get<unsigned long long>(column));
    case soci::dt_double: {
      double value = row.get<double>(column);
      if (value == static_cast<double>(static_cast<long long>(value))) return std::to_string(static_cast<long long>(value));
      return std::to_string(value);
    }
    default: return std::string("(binary)");  // catalogs hold no dates or blobs planrun reads
  }
}

}  // namespace

bool CatalogRow::flag(size_t column) const {
  std::string value = text(column);
  return value == "1" || value == "t" || value == "true" || value == "YES" || value == "Y";
}

std::vector<CatalogRow> catalog_rows(soci::session& session, const std::string& sql) {
  std::vector<CatalogRow> rows;
  soci::rowset<soci::row> result = (session.prepare << sql);
  for (const soci::row& row : result) {
    CatalogRow read;
    for (size_t column = 0; column < row.size(); ++column) read.cells.push_back(cell_text(row, column));
    rows.push_back(std::move(read));
  }
  return rows;
}

}  // namespace planrun
