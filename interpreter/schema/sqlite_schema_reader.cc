// The SQLite schema from sqlite_master and the table-valued pragmas (table_info, index_list,
// index_info, foreign_key_list). SQLite keeps no names for primary keys, unique constraints
// and foreign keys: they are compared by their content.

#include <map>

#include "interpreter/databases/database_connection.h"
#include "interpreter/databases/dialect/database_dialect.h"
#include "interpreter/schema/catalog_rows.h"
#include "interpreter/schema/schema_reader.h"

namespace planrun {
namespace {

std::optional<std::string> normalized_default(const CatalogRow& row, size_t column) {
  if (row.is_null(column)) return std::nullopt;
  std::string text = normalized_sql_text(row.text(column));
  if (text == "NULL") return std::nullopt;
  return text;
}

// `literal` is the table's name as a string literal.
void read_columns(soci::session& session, const std::string& literal, SchemaTable& table) {
  std::map<int, std::string> key_columns;  // pk position -> column
  for (const CatalogRow& row : catalog_rows(session, "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(" +
                                                          literal + ") ORDER BY cid")) {
    table.columns.push_back({row.text(0), normalized_sql_text(row.text(1)), !row.flag(2), normalized_default(row, 3)});
    int position = std::stoi(row.text(4));
    if (position > 0) key_columns[position] = row.text(0);
  }
  if (key_columns.empty()) return;
  SchemaKey key;
  for (const auto& [position, column] : key_columns) key.columns.push_back(column);
  table.primary_key = key;
}

std::vector<std::string> index_columns(DatabaseConnection& connection, const std::string& index) {
  std::vector<std::string> columns;
  for (const CatalogRow& row :
       catalog_rows(connection.session(), "SELECT name FROM pragma_index_info(" + connection.dialect().literal(index) +
                                                ") ORDER BY seqno"))
    columns.push_back(row.is_null(0) ? "(expression)" : row.text(0));
  return columns;
}

void read_indexes(DatabaseConnection& connection, const std::string& literal, SchemaTable& table) {
  for (const CatalogRow& row :
       catalog_rows(connection.session(),
                    "SELECT name, \"unique\", origin, partial FROM pragma_index_list(" + literal + ")")) {
    std::string origin = row.text(2);
    if (origin == "pk") continue;  // the primary key, read from table_info
    std::vector<std::string> columns = index_columns(connection, row.text(0));
    if (origin == "u") {
      table.unique_constraints.push_back({"", columns});
      continue;
    }
    table.indexes.push_back({row.text(0), columns, row.flag(1), row.flag(3) ? "partial" : ""});
  }
}

void read_foreign_keys(soci::session& session, const std::string& literal, SchemaTable& table) {
  std::map<std::string, SchemaForeignKey> keys;  // by id
  for (const CatalogRow& row :
       catalog_rows(session, "SELECT id, \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list(" +
                                 literal + ") ORDER BY id, seq")) {
    SchemaForeignKey& key = keys[row.text(0)];
    key.referenced_table = row.text(1);
    key.columns.push_back(row.text(2));
    key.referenced_columns.push_back(row.text(3));  // empty: the referenced table's primary key
    key.on_update = row.text(4);
    key.on_delete = row.text(5);
  }
  for (auto& [id, key] : keys) table.foreign_keys.push_back(std::move(key));
}

// `REFERENCES T` without columns means T's primary key: named here, so both spellings compare equal.
void resolve_implicit_references(DatabaseSchema& schema) {
  for (SchemaTable& table : schema.tables)
    for (SchemaForeignKey& key : table.foreign_keys) {
      bool implicit = true;
      for (const std::string& column : key.referenced_columns) implicit = implicit && column.empty();
      const SchemaTable* referenced = schema.find_table(key.referenced_table);
      if (implicit && referenced && referenced->primary_key) key.referenced_columns = referenced->primary_key->columns;
    }
}

}  // namespace

DatabaseSchema read_sqlite_schema(DatabaseConnection& connection) {
  DatabaseSchema schema;
  soci::session& session = connection.session();
  for (const CatalogRow& row : catalog_rows(session, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                                     "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")) {
    SchemaTable table{row.text(0), {}, std::nullopt, {}, {}, {}};
    std::string literal = connection.dialect().literal(table.name);
    read_columns(session, literal, table);
    read_indexes(connection, literal, table);
    read_foreign_keys(session, literal, table);
    schema.tables.push_back(std::move(table));
  }
  resolve_implicit_references(schema);
  sort_schema(schema);
  return schema;
}

}  // namespace planrun
