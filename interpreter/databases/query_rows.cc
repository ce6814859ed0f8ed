#include "interpreter/databases/query_rows.h"

#include <soci/soci.h>

#include <ctime>

namespace planrun {
namespace {

Value cell(const soci::row& row, size_t column) {
  if (row.get_indicator(column) == soci::i_null) return Value();
  switch (row.get_properties(column).get_data_type()) {
    case soci::dt_string: return Value(row.get<std::string>(column));
    case soci::dt_integer: return Value(static_cast<int64_t>(row.get<int>(column)));
    case soci::dt_long_long: return Value(static_cast<int64_t>(row.get<long long>(column)));
    case soci::dt_unsigned_long_long: return Value(static_cast<int64_t>(row.get<unsigned long long>(column)));
    case soci::dt_double: return Value(row.get<double>(column));
    case soci::dt_date: {
      std::tm time = row.get<std::tm>(column);
      char text[32];
      std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &time);
      return Value(std::string(text));
    }
    default: return Value(std::string("(binary)"));
  }
}

}  // namespace

Value::List query_rows(DatabaseConnection& connection, const std::string& query) {
  Value::List rows;
  soci::rowset<soci::row> result = (connection.session().prepare << query);
  for (const soci::row& row : result) {
    Value::List cells;
    for (size_t column = 0; column < row.size(); ++column) cells.push_back(cell(row, column));
    rows.push_back(Value(std::move(cells)));
  }
  return rows;
}

}  // namespace planrun
