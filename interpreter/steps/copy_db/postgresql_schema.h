#pragma once

#include <string>
#include <vector>

#include "interpreter/steps/copy_db/postgresql_session.h"

namespace planrun {

// One source table as the target gets it.
struct PgTable {
  std::string name;
  std::string create;   // CREATE TABLE with columns, types, collations, defaults, NOT NULL, identity
  std::string columns;  // ("a", "b"): the columns COPY carries, every one but generated columns
};

// A sequence of the source's schema: free-standing (Carbon's *_PK_SEQ, used by defaults and owned
// by no column), owned by a column (serial), or an identity column's (made with its column).
struct PgSequence {
  std::string name;
  std::string options;       // AS type START WITH ... [NO] CYCLE
  std::string owner_table;   // "" when owned by no column
  std::string owner_column;
  bool identity = false;
};

// A constraint or index to add once the data is in: ALTER TABLE ... ADD CONSTRAINT, CREATE INDEX.
struct PgTableObject {
  std::string table;
  std::string name;
  std::string sql;
  std::string referenced_table;  // foreign keys: the table they point at
};

struct PgView {
  std::string name;
  std::string sql;                  // CREATE OR REPLACE VIEW
  std::vector<std::string> tables;  // the base tables of the schema it reads
};

// Reads the schema of the source's current schema (its search_path's first, `public` for Carbon)
// from PostgreSQL's catalog, as SQL the target runs. Names are written quoted, so any identifier
// survives; expressions come from the server's own deparsers (pg_get_expr, pg_get_constraintdef,
// pg_get_indexdef, pg_get_viewdef).
class PgSchemaReader {
 public:
  explicit PgSchemaReader(PgSession& source) : source_(source) {}

  // Base tables by name; throws for partitioned tables, which copy-db does not copy.
  std::vector<std::string> tables();
  // Throws DatabaseError naming the table and column for a type copy-db cannot carry.
  PgTable table(const std::string& name);
  std::vector<PgSequence> sequences();
  // Primary keys, unique and exclusion constraints: what foreign keys may need.
  std::vector<PgTableObject> keys(const std::string& table);
  std::vector<PgTableObject> indexes(const std::string& table);
  std::vector<PgTableObject> checks(const std::string& table);
  std::vector<PgTableObject> foreign_keys(const std::string& table);
  std::vector<PgView> views();
  // The table's size on disk with its TOAST, for building the largest tables' indexes first.
  int64_t table_bytes(const std::string& name);
  // (last_value, is_called) of a sequence, read now (sequences are outside any snapshot).
  std::pair<std::string, bool> sequence_state(const std::string& name);

 private:
  std::string table_oid(const std::string& name);
  std::vector<PgTableObject> constraints(const std::string& table, const std::string& kinds);

  PgSession& source_;
};

// What finish_schema adds to the target for the copied tables, read from the source.
struct PgSequenceState {
  PgSequence sequence;
  std::string last_value;
  bool is_called = false;
};
struct PgSchemaPlan {
  std::vector<PgTableObject> keys;          // primary keys, unique and exclusion constraints
  std::vector<PgTableObject> indexes;       // the other indexes
  std::vector<PgTableObject> checks;
  std::vector<PgTableObject> foreign_keys;  // those pointing at a copied table
  std::vector<PgView> views;                // those reading only copied tables
  std::vector<PgSequenceState> sequences;
};

PgSchemaPlan read_schema_plan(PgSchemaReader& source, const std::vector<std::string>& tables);

// The sequences a copy of `tables` carries: those owned by no column, and those of a copied table.
std::vector<PgSequence> copied_sequences(const std::vector<PgSequence>& sequences,
                                         const std::vector<std::string>& tables);

// SQL that names the current schema's oid, for catalog queries on either side.
extern const char* const kCurrentSchemaOid;
// SQL for the oid of the table named $1 in the current schema, NULL when there is none.
extern const char* const kTableOidByName;

}  // namespace planrun
