#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace planrun {

// A database's schema as compare-schema compares it: one model for the three backends, filled
// by one reader per backend from its catalogs, with the text that varies only in spelling
// normalized (types and defaults: case and spacing outside quotes, redundant parentheses). Two
// schemas read from the same server compare field by field; schemas of different backends are
// not comparable (types are each backend's own words).

struct SchemaColumn {
  std::string name;
  std::string type;                         // the backend's words, normalized: "VARCHAR(255)", "character varying(255)"
  bool nullable = true;
  std::optional<std::string> default_text;  // normalized; nullopt for none (DEFAULT NULL counts as none)
};

// A primary key or a unique constraint. SQLite keeps no names for them: name is empty there.
struct SchemaKey {
  std::string name;
  std::vector<std::string> columns;  // in key order
};

struct SchemaIndex {
  std::string name;
  std::vector<std::string> columns;  // in index order; an expression as the backend prints it
  bool unique = false;
  std::string method;                // "btree", "hash", "BTREE"...; empty where the backend has none (SQLite)
};

struct SchemaForeignKey {
  std::string name;  // empty on SQLite
  std::vector<std::string> columns;
  std::string referenced_table;
  std::vector<std::string> referenced_columns;
  std::string on_delete;  // "NO ACTION", "CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT"
  std::string on_update;
};

struct SchemaTable {
  std::string name;
  std::vector<SchemaColumn> columns;  // in table order
  std::optional<SchemaKey> primary_key;
  std::vector<SchemaKey> unique_constraints;  // sorted by name, then columns
  std::vector<SchemaIndex> indexes;           // those that back no constraint, sorted by name
  std::vector<SchemaForeignKey> foreign_keys;
};

struct SchemaSequence {
  std::string name;
  // What matters of it, by name: "type", "start", "increment", "min", "max", "cycle" (PostgreSQL).
  std::map<std::string, std::string> properties;
};

struct DatabaseSchema {
  std::vector<SchemaTable> tables;  // sorted by name
  std::vector<SchemaSequence> sequences;

  const SchemaTable* find_table(const std::string& name) const;
};

// Type and default text as schemas keep them: whitespace runs outside quotes become one space
// (none next to parentheses and commas), letters outside quotes upper case, and parentheses
// around the whole text dropped. "varchar (255)" and "VARCHAR(255)" compare equal.
std::string normalized_sql_text(const std::string& text);

// "(A, B)": a column list as reports show it.
std::string column_list(const std::vector<std::string>& columns);

// Sorts a freshly read schema's tables, keys and indexes so that reading order does not matter.
void sort_schema(DatabaseSchema& schema);

}  // namespace planrun
