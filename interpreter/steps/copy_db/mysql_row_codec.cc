#include "interpreter/steps/copy_db/mysql_row_codec.h"

#include "interpreter/databases/database_error.h"
#include "interpreter/databases/dialect/mysql_dialect.h"
#include "interpreter/steps/copy_db/mysql_session.h"

namespace planrun {
namespace {

bool is_spatial(const std::string& type) {
  for (const char* spatial : {"geometry", "point", "linestring", "polygon", "multipoint", "multilinestring",
                              "multipolygon", "geometrycollection"})
    if (type == spatial) return true;
  return false;
}

// One column's SELECT expression and LOAD DATA target, and the SET clause when it is loaded
// through a user variable.
struct ColumnRoute {
  std::string read;
  std::string load;
  std::string assign;
};

ColumnRoute route_of(const std::string& name, const std::string& type, size_t index) {
  std::string column = MysqlDialect::quote_identifier(name);
  if (type == "float") return {"CAST(" + column + " AS DOUBLE)", column, ""};
  if (type == "bit" || type == "enum" || type == "set") {
    std::string variable = "@v" + std::to_string(index);
    return {column + "+0", variable, column + " = CAST(" + variable + " AS UNSIGNED)"};
  }
  return {column, column, ""};
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : ", ") + part;
  return out;
}

}  // namespace

MysqlTableCodec MysqlTableCodec::of(MysqlSession& catalog, const std::string& table) {
  std::string doing = "read the columns of table `" + table + "`";
  auto columns = catalog.rows(
      "SELECT COLUMN_NAME, DATA_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
      "AND TABLE_NAME = " + catalog.dialect().literal(table) + " AND IS_GENERATED = 'NEVER' ORDER BY ORDINAL_POSITION",
      doing);
  if (columns.empty())
    throw DatabaseError("cannot " + doing + " on " + catalog.dsn().to_string() +
                        ": the table does not exist or the login may not read it");
  std::vector<std::string> reads, loads, assigns, enum_columns;
  for (const MysqlRow& column : columns) {
    const std::string& name = *column[0];
    if (is_spatial(*column[1]))
      throw DatabaseError("copy-db cannot copy column `" + name + "` of table `" + table + "` on " +
                          catalog.dsn().to_string() + ": its type " + *column[1] +
                          " is not carried exactly by this copier (spatial types are not supported)");
    ColumnRoute route = route_of(name, *column[1], reads.size());
    reads.push_back(route.read);
    loads.push_back(route.load);
    if (!route.assign.empty()) assigns.push_back(route.assign);
    if (*column[1] == "enum") enum_columns.push_back(name);
  }
  MysqlTableCodec codec;
  codec.enum_columns_ = std::move(enum_columns);
  codec.select_sql_ = "SELECT " + joined(reads) + " FROM " + MysqlDialect::quote_identifier(table);
  codec.load_sql_ = "LOAD DATA LOCAL INFILE 'planrun-rows' INTO TABLE " + MysqlDialect::quote_identifier(table) +
                    " CHARACTER SET binary FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (" +
                    joined(loads) + ")" + (assigns.empty() ? "" : " SET " + joined(assigns));
  return codec;
}

bool MysqlTableCodec::expected_warning(const std::string& message) const {
  for (const std::string& column : enum_columns_)
    if (message.starts_with("Data truncated for column '" + column + "' at row ")) return true;
  return false;
}

void append_mysql_line(std::string& out, char** values, const unsigned long* lengths, unsigned columns) {
  for (unsigned i = 0; i < columns; ++i) {
    if (i) out += '\t';
    if (!values[i]) {
      out += "\\N";
      continue;
    }
    const char* value = values[i];
    size_t start = 0;
    for (size_t at = 0; at < lengths[i]; ++at) {
      char escaped;
      switch (value[at]) {
        case '\\': escaped = '\\'; break;
        case '\t': escaped = 't'; break;
        case '\n': escaped = 'n'; break;
        case '\0': escaped = '0'; break;
        default: continue;
      }
      out.append(value + start, at - start);
      out += '\\';
      out += escaped;
      start = at + 1;
    }
    out.append(value + start, lengths[i] - start);
  }
  out += '\n';
}

}  // namespace planrun
