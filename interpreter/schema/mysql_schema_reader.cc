// The MariaDB/MySQL schema of one database from information_schema, one query per catalog for
// the whole database: information_schema queries cost tens of milliseconds each on MariaDB,
// so a query per table made 300 tables take minutes. A UNIQUE key is both an index and a
// constraint there: it is read as a unique constraint, and the indexes are the others
// (including those InnoDB makes for foreign keys, which both sides of a comparison have).

#include <map>

#include "interpreter/databases/database_connection.h"
#include "interpreter/databases/dialect/database_dialect.h"
#include "interpreter/schema/catalog_rows.h"
#include "interpreter/schema/schema_reader.h"

namespace planrun {
namespace {

using Tables = std::map<std::string, SchemaTable>;

// information_schema columns are of several text types; CAST AS CHAR gives SOCI one.
std::string text(const std::string& column) { return "CAST(" + column + " AS CHAR)"; }

SchemaTable* table_of(Tables& tables, const CatalogRow& row) {
  auto found = tables.find(row.text(0));
  return found == tables.end() ? nullptr : &found->second;
}

void read_columns(soci::session& session, const std::string& database, Tables& tables) {
  for (const CatalogRow& row : catalog_rows(
           session, "SELECT " + text("TABLE_NAME") + ", " + text("COLUMN_NAME") + ", " + text("COLUMN_TYPE") + ", " +
                        text("IS_NULLABLE") + ", " + text("COLUMN_DEFAULT") + ", " + text("EXTRA") +
                        " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = " + database +
                        " ORDER BY TABLE_NAME, ORDINAL_POSITION")) {
    SchemaTable* table = table_of(tables, row);
    if (!table) continue;  // a view's columns
    SchemaColumn column{row.text(1), normalized_sql_text(row.text(2)), row.text(3) == "YES", std::nullopt};
    if (!row.text(5).empty()) column.type += " " + normalized_sql_text(row.text(5));
    if (!row.is_null(4) && normalized_sql_text(row.text(4)) != "NULL") column.default_text = normalized_sql_text(row.text(4));
    table->columns.push_back(std::move(column));
  }
}

void read_constraints(soci::session& session, const std::string& database, Tables& tables) {
  std::map<std::pair<std::string, std::string>, std::pair<std::string, std::string>> rules;  // (table, key) -> (delete, update)
  for (const CatalogRow& row : catalog_rows(session, "SELECT " + text("TABLE_NAME") + ", " + text("CONSTRAINT_NAME") + ", " +
                                                         text("DELETE_RULE") + ", " + text("UPDATE_RULE") +
                                                         " FROM information_schema.REFERENTIAL_CONSTRAINTS "
                                                         "WHERE CONSTRAINT_SCHEMA = " + database))
    rules[{row.text(0), row.text(1)}] = {row.text(2), row.text(3)};
  std::map<std::pair<std::string, std::string>, SchemaForeignKey> foreign;  // (table, name), in order
  std::map<std::pair<std::string, std::string>, SchemaKey> unique;
  for (const CatalogRow& row : catalog_rows(
           session, "SELECT " + text("tc.TABLE_NAME") + ", " + text("tc.CONSTRAINT_NAME") + ", " +
                        text("tc.CONSTRAINT_TYPE") + ", " + text("k.COLUMN_NAME") + ", " +
                        text("k.REFERENCED_TABLE_NAME") + ", " + text("k.REFERENCED_COLUMN_NAME") +
                        " FROM information_schema.TABLE_CONSTRAINTS tc JOIN information_schema.KEY_COLUMN_USAGE k "
                        "ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME "
                        "AND k.TABLE_NAME = tc.TABLE_NAME WHERE tc.TABLE_SCHEMA = " + database +
                        " AND tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY') "
                        "ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME, k.ORDINAL_POSITION")) {
    SchemaTable* table = table_of(tables, row);
    if (!table) continue;
    std::string name = row.text(1), kind = row.text(2);
    std::pair<std::string, std::string> id{table->name, name};
    if (kind == "PRIMARY KEY") {
      if (!table->primary_key) table->primary_key = SchemaKey{name, {}};
      table->primary_key->columns.push_back(row.text(3));
    } else if (kind == "UNIQUE") {
      unique[id].name = name;
      unique[id].columns.push_back(row.text(3));
    } else {
      SchemaForeignKey& key = foreign[id];
      key.name = name;
      key.columns.push_back(row.text(3));
      key.referenced_table = row.text(4);
      key.referenced_columns.push_back(row.text(5));
      key.on_delete = rules[id].first;
      key.on_update = rules[id].second;
    }
  }
  for (auto& [id, key] : unique) tables.at(id.first).unique_constraints.push_back(std::move(key));
  for (auto& [id, key] : foreign) tables.at(id.first).foreign_keys.push_back(std::move(key));
}

bool backs_a_constraint(const SchemaTable& table, const std::string& index) {
  if (index == "PRIMARY") return true;
  for (const SchemaKey& key : table.unique_constraints)
    if (key.name == index) return true;
  return false;
}

void read_indexes(soci::session& session, const std::string& database, Tables& tables) {
  std::map<std::pair<std::string, std::string>, SchemaIndex> indexes;  // (table, name)
  for (const CatalogRow& row : catalog_rows(
           session, "SELECT " + text("TABLE_NAME") + ", " + text("INDEX_NAME") + ", NON_UNIQUE, " + text("INDEX_TYPE") +
                        ", " + text("COLUMN_NAME") + ", SUB_PART FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = " +
                        database + " ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX")) {
    SchemaTable* table = table_of(tables, row);
    if (!table || backs_a_constraint(*table, row.text(1))) continue;
    SchemaIndex& index = indexes[{table->name, row.text(1)}];
    index.name = row.text(1);
    index.unique = row.text(2) == "0";
    index.method = row.text(3);
    std::string column = row.is_null(4) ? "(expression)" : row.text(4);
    if (!row.is_null(5)) column += "(" + row.text(5) + ")";
    index.columns.push_back(column);
  }
  for (auto& [id, index] : indexes) tables.at(id.first).indexes.push_back(std::move(index));
}

}  // namespace

DatabaseSchema read_mysql_schema(DatabaseConnection& connection, const std::string& database_name) {
  DatabaseSchema schema;
  soci::session& session = connection.session();
  // As the session's sql_mode reads it: a backslash in the name is an escape unless NO_BACKSLASH_ESCAPES is set.
  std::string database = connection.dialect().literal(database_name);
  Tables tables;
  for (const CatalogRow& row : catalog_rows(session, "SELECT " + text("TABLE_NAME") + ", " + text("TABLE_TYPE") +
                                                         " FROM information_schema.TABLES WHERE TABLE_SCHEMA = " +
                                                         database + " AND TABLE_TYPE IN ('BASE TABLE', 'SEQUENCE')")) {
    if (row.text(1) == "SEQUENCE") schema.sequences.push_back({row.text(0), {}});
    else tables[row.text(0)] = SchemaTable{row.text(0), {}, std::nullopt, {}, {}, {}};
  }
  read_columns(session, database, tables);
  read_constraints(session, database, tables);
  read_indexes(session, database, tables);
  for (auto& [name, table] : tables) schema.tables.push_back(std::move(table));
  sort_schema(schema);
  return schema;
}

}  // namespace planrun
