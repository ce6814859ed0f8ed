// The MariaDB/MySQL schema of one database from information_schema. A UNIQUE key is both an
// index and a constraint there: it is read as a unique constraint, and the indexes are the
// others (including those InnoDB makes for foreign keys, which both sides of a comparison have).

#include <map>

#include "interpreter/schema/catalog_rows.h"
#include "interpreter/schema/schema_reader.h"

namespace planrun {
namespace {

// information_schema columns are of several text types; CAST AS CHAR gives SOCI one.
std::string text(const std::string& column) { return "CAST(" + column + " AS CHAR)"; }

void read_columns(soci::session& session, const std::string& where, SchemaTable& table) {
  for (const CatalogRow& row : catalog_rows(
           session, "SELECT " + text("COLUMN_NAME") + ", " + text("COLUMN_TYPE") + ", " + text("IS_NULLABLE") + ", " +
                        text("COLUMN_DEFAULT") + ", " + text("EXTRA") + " FROM information_schema.COLUMNS " + where +
                        " ORDER BY ORDINAL_POSITION")) {
    SchemaColumn column{row.text(0), normalized_sql_text(row.text(1)), row.text(2) == "YES", std::nullopt};
    if (!row.text(4).empty()) column.type += " " + normalized_sql_text(row.text(4));
    if (!row.is_null(3) && normalized_sql_text(row.text(3)) != "NULL") column.default_text = normalized_sql_text(row.text(3));
    table.columns.push_back(std::move(column));
  }
}

void read_constraints(soci::session& session, const std::string& database, SchemaTable& table) {
  std::map<std::string, std::pair<std::string, std::string>> rules;  // foreign key -> (on delete, on update)
  for (const CatalogRow& row : catalog_rows(session, "SELECT " + text("CONSTRAINT_NAME") + ", " + text("DELETE_RULE") +
                                                         ", " + text("UPDATE_RULE") +
                                                         " FROM information_schema.REFERENTIAL_CONSTRAINTS "
                                                         "WHERE CONSTRAINT_SCHEMA = " + database +
                                                         " AND TABLE_NAME = " + sql_literal(table.name)))
    rules[row.text(0)] = {row.text(1), row.text(2)};
  std::map<std::string, SchemaForeignKey> foreign;
  std::map<std::string, SchemaKey> unique;
  for (const CatalogRow& row : catalog_rows(
           session, "SELECT " + text("tc.CONSTRAINT_NAME") + ", " + text("tc.CONSTRAINT_TYPE") + ", " +
                        text("k.COLUMN_NAME") + ", " + text("k.REFERENCED_TABLE_NAME") + ", " +
                        text("k.REFERENCED_COLUMN_NAME") +
                        " FROM information_schema.TABLE_CONSTRAINTS tc JOIN information_schema.KEY_COLUMN_USAGE k "
                        "ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME "
                        "AND k.TABLE_NAME = tc.TABLE_NAME WHERE tc.TABLE_SCHEMA = " + database +
                        " AND tc.TABLE_NAME = " + sql_literal(table.name) +
                        " AND tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY') "
                        "ORDER BY tc.CONSTRAINT_NAME, k.ORDINAL_POSITION")) {
    std::string name = row.text(0), kind = row.text(1);
    if (kind == "PRIMARY KEY") {
      if (!table.primary_key) table.primary_key = SchemaKey{name, {}};
      table.primary_key->columns.push_back(row.text(2));
    } else if (kind == "UNIQUE") {
      unique[name].name = name;
      unique[name].columns.push_back(row.text(2));
    } else {
      SchemaForeignKey& key = foreign[name];
      key.name = name;
      key.columns.push_back(row.text(2));
      key.referenced_table = row.text(3);
      key.referenced_columns.push_back(row.text(4));
      key.on_delete = rules[name].first;
      key.on_update = rules[name].second;
    }
  }
  for (auto& [name, key] : unique) table.unique_constraints.push_back(std::move(key));
  for (auto& [name, key] : foreign) table.foreign_keys.push_back(std::move(key));
}

void read_indexes(soci::session& session, const std::string& where, SchemaTable& table) {
  std::map<std::string, SchemaIndex> indexes;
  for (const CatalogRow& row : catalog_rows(
           session, "SELECT " + text("INDEX_NAME") + ", NON_UNIQUE, " + text("INDEX_TYPE") + ", " + text("COLUMN_NAME") +
                        ", SUB_PART FROM information_schema.STATISTICS " + where + " ORDER BY INDEX_NAME, SEQ_IN_INDEX")) {
    std::string name = row.text(0);
    bool constraint = name == "PRIMARY";
    for (const SchemaKey& key : table.unique_constraints) constraint = constraint || key.name == name;
    if (constraint) continue;
    SchemaIndex& index = indexes[name];
    index.name = name;
    index.unique = row.text(1) == "0";
    index.method = row.text(2);
    std::string column = row.is_null(3) ? "(expression)" : row.text(3);
    if (!row.is_null(4)) column += "(" + row.text(4) + ")";
    index.columns.push_back(column);
  }
  for (auto& [name, index] : indexes) table.indexes.push_back(std::move(index));
}

}  // namespace

DatabaseSchema read_mysql_schema(soci::session& session, const std::string& database_name) {
  DatabaseSchema schema;
  std::string database = sql_literal(database_name);
  for (const CatalogRow& row : catalog_rows(session, "SELECT " + text("TABLE_NAME") + ", " + text("TABLE_TYPE") +
                                                         " FROM information_schema.TABLES WHERE TABLE_SCHEMA = " +
                                                         database + " AND TABLE_TYPE IN ('BASE TABLE', 'SEQUENCE')")) {
    if (row.text(1) == "SEQUENCE") {
      schema.sequences.push_back({row.text(0), {}});
      continue;
    }
    SchemaTable table{row.text(0), {}, std::nullopt, {}, {}, {}};
    std::string where = "WHERE TABLE_SCHEMA = " + database + " AND TABLE_NAME = " + sql_literal(table.name);
    read_columns(session, where, table);
    read_constraints(session, database, table);
    read_indexes(session, where, table);
    schema.tables.push_back(std::move(table));
  }
  sort_schema(schema);
  return schema;
}

}  // namespace planrun
