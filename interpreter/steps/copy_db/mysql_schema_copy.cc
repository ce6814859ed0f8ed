#include "interpreter/steps/copy_db/mysql_schema_copy.h"

#include <algorithm>
#include <set>

#include "interpreter/databases/database_error.h"
#include "interpreter/databases/dialect/mysql_dialect.h"
#include "interpreter/steps/copy_db/mysql_table_ddl.h"

namespace planrun {
namespace {

std::set<std::string> names_in(const std::vector<MysqlRow>& rows) {
  std::set<std::string> names;
  for (const MysqlRow& row : rows) names.insert(row[0].value_or(""));
  return names;
}

// "CREATE DEFINER=... VIEW|TRIGGER ..." as "CREATE OR REPLACE DEFINER=...", so that making it
// again after a kill replaces what the killed attempt made.
std::string or_replace(const std::string& create) {
  return create.starts_with("CREATE ") ? "CREATE OR REPLACE " + create.substr(7) : create;
}

std::string source_views_sql() {
  return "SELECT TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME";
}

}  // namespace

std::string mysql_show_create_table(MysqlSession& session, const std::string& table) {
  auto rows = session.rows("SHOW CREATE TABLE " + MysqlDialect::quote_identifier(table),
                           "read the definition of table `" + table + "`");
  if (rows.empty() || rows[0].size() < 2 || !rows[0][1])
    throw DatabaseError("cannot read the definition of table `" + table + "` on " + session.dsn().to_string());
  return *rows[0][1];
}

std::vector<std::string> MysqlSchemaCopy::target_objects() {
  std::set<std::string> names = names_in(target_.rows("SHOW FULL TABLES", "list the tables"));
  return {names.begin(), names.end()};
}

MysqlTableDdl MysqlSchemaCopy::source_table(const std::string& table) {
  return parse_mysql_table_ddl(table, mysql_show_create_table(source_, table));
}

void MysqlSchemaCopy::create_tables(const std::vector<std::string>& tables) {
  std::set<std::string> existing = names_in(target_.rows("SHOW FULL TABLES", "list the tables"));
  for (const std::string& table : tables) {
    if (existing.contains(table)) continue;
    target_.execute(source_table(table).create_for_loading(), "create table `" + table + "`");
  }
}

void MysqlSchemaCopy::finish(const std::vector<std::string>& tables) {
  for (const std::string& table : tables) {
    add_missing_mysql_keys(target_, table, source_table(table), true);
    restore_auto_increment(table);
  }
  create_views();
  for (const std::string& table : tables) create_triggers(table);
}

void add_missing_mysql_keys(MysqlSession& target, const std::string& table, const MysqlTableDdl& wanted,
                            bool foreign_keys) {
  std::vector<std::string> present = mysql_table_elements(table, mysql_show_create_table(target, table));
  std::string together;
  std::vector<std::string> alone;
  for (const auto* part : {&wanted.later_keys, &wanted.foreign_keys}) {
    if (part == &wanted.foreign_keys && !foreign_keys) break;
    for (const std::string& element : *part) {
      if (std::find(present.begin(), present.end(), element) != present.end()) continue;
      if (element.starts_with("FULLTEXT ")) alone.push_back("ADD " + element);
      else together += (together.empty() ? "ADD " : ", ADD ") + element;
    }
  }
  if (!together.empty()) alone.insert(alone.begin(), together);
  for (const std::string& clauses : alone)
    target.execute("ALTER TABLE " + MysqlDialect::quote_identifier(table) + " " + clauses,
                   "add the keys of table `" + table + "`");
}

// Emptying a table for a resumed copy (TRUNCATE) resets its counter, and rows deleted at the
// source's end leave the counter above the largest id: the source's value is set explicitly.
void MysqlSchemaCopy::restore_auto_increment(const std::string& table) {
  MysqlTableDdl source = source_table(table);
  if (!source.auto_increment) return;
  target_.execute("ALTER TABLE " + MysqlDialect::quote_identifier(table) +
                      " AUTO_INCREMENT = " + std::to_string(*source.auto_increment),
                  "set the AUTO_INCREMENT counter of table `" + table + "`");
}

// A view or trigger keeps the character set and collation of the session that created it
// (SHOW CREATE reports them, and so does a dump): its definition is read in that character set
// and made in a session that speaks it.
MysqlSchemaCopy::Definition MysqlSchemaCopy::definition(const std::string& show, size_t text_column, const std::string& doing) {
  auto first = source_.rows(show, doing);
  if (first.empty() || first[0].size() < text_column + 3) throw DatabaseError("cannot " + doing + " on " + source_.dsn().to_string());
  const MysqlRow& row = first[0];
  Definition out{"", row[text_column + 1].value_or("utf8mb4"), row[text_column + 2].value_or("utf8mb4_general_ci"), ""};
  source_.execute("SET SESSION character_set_results = " + source_.dialect().literal(out.charset), doing);
  auto in_charset = source_.rows(show, doing);
  source_.execute("SET SESSION character_set_results = utf8mb4", doing);
  out.create = or_replace(in_charset.at(0).at(text_column).value_or(""));
  if (text_column == 2) out.sql_mode = row[1].value_or("");
  return out;
}

void MysqlSchemaCopy::make(const Definition& definition, const std::string& doing) {
  target_.execute("SET SESSION character_set_client = " + target_.dialect().literal(definition.charset) +
                      ", collation_connection = " + target_.dialect().literal(definition.collation) +
                      (definition.sql_mode ? ", sql_mode = " + target_.dialect().literal(*definition.sql_mode) : ""),
                  doing);
  try {
    target_.execute(definition.create, doing);
  } catch (const DatabaseError&) {
    restore_session();
    throw;
  }
  restore_session();
}

void MysqlSchemaCopy::restore_session() {
  target_.execute("SET NAMES utf8mb4", "restore the session");
  target_.execute("SET SESSION sql_mode = " + target_.dialect().literal(kMysqlCopySqlMode), "restore the session");
}

// A view may select from another view: each round creates the views whose dependencies exist,
// until none is left or a round creates nothing (then the first error is the cause).
void MysqlSchemaCopy::create_views() {
  std::vector<Definition> pending;
  for (const MysqlRow& row : source_.rows(source_views_sql(), "list the views")) {
    std::string view = row[0].value_or("");
    pending.push_back(
        definition("SHOW CREATE VIEW " + MysqlDialect::quote_identifier(view), 1, "read the definition of view `" + view + "`"));
  }
  while (!pending.empty()) {
    std::vector<Definition> failed;
    std::string first_error;
    for (const Definition& view : pending) {
      try {
        make(view, "create a view");
      } catch (const DatabaseError& error) {
        if (first_error.empty()) first_error = error.what();
        failed.push_back(view);
      }
    }
    if (failed.size() == pending.size()) throw DatabaseError(first_error);
    pending = std::move(failed);
  }
}

// Triggers are made after the data so that loading does not fire them; each with the
// sql_mode it was created under, in the source's firing order.
void MysqlSchemaCopy::create_triggers(const std::string& table) {
  auto triggers = source_.rows(
      "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE EVENT_OBJECT_SCHEMA = DATABASE() AND "
      "EVENT_OBJECT_TABLE = " + source_.dialect().literal(table) +
          " ORDER BY EVENT_MANIPULATION, ACTION_TIMING, ACTION_ORDER",
      "list the triggers of table `" + table + "`");
  for (const MysqlRow& trigger : triggers) {
    std::string name = trigger[0].value_or("");
    std::string doing = "copy trigger `" + name + "` of table `" + table + "`";
    make(definition("SHOW CREATE TRIGGER " + MysqlDialect::quote_identifier(name), 2, doing), doing);
  }
}

void MysqlSchemaCopy::drop(const std::vector<std::string>& tables) {
  for (const MysqlRow& row : source_.rows(source_views_sql(), "list the views")) {
    std::string view = row[0].value_or("");
    target_.execute("DROP VIEW IF EXISTS " + MysqlDialect::quote_identifier(view), "drop view `" + view + "`");
  }
  for (const std::string& table : tables)
    target_.execute("DROP TABLE IF EXISTS " + MysqlDialect::quote_identifier(table), "drop table `" + table + "`");
}

}  // namespace planrun
