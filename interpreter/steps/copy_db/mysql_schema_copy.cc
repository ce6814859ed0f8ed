#include "interpreter/steps/copy_db/mysql_schema_copy.h"

#include <algorithm>
#include <set>

#include "interpreter/databases/database_error.h"
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

std::string MysqlSchemaCopy::show_create_table(MysqlSession& session, const std::string& table) {
  auto rows = session.rows("SHOW CREATE TABLE " + mysql_identifier(table), "read the definition of table `" + table + "`");
  if (rows.empty() || rows[0].size() < 2 || !rows[0][1])
    throw DatabaseError("cannot read the definition of table `" + table + "` on " + session.dsn().to_string());
  return *rows[0][1];
}

std::vector<std::string> MysqlSchemaCopy::target_objects() {
  std::set<std::string> names = names_in(target_.rows("SHOW FULL TABLES", "list the tables"));
  return {names.begin(), names.end()};
}

void MysqlSchemaCopy::create_tables(const std::vector<std::string>& tables) {
  std::set<std::string> existing = names_in(target_.rows("SHOW FULL TABLES", "list the tables"));
  for (const std::string& table : tables) {
    if (existing.contains(table)) continue;
    MysqlTableDdl ddl = parse_mysql_table_ddl(table, show_create_table(source_, table));
    target_.execute(ddl.create_for_loading(), "create table `" + table + "`");
  }
}

void MysqlSchemaCopy::finish(const std::vector<std::string>& tables) {
  for (const std::string& table : tables) {
    add_missing_keys(table);
    restore_auto_increment(table);
  }
  create_views();
  for (const std::string& table : tables) create_triggers(table);
}

// One ALTER TABLE adds every missing index (one sorted build per index, no table copy) and
// foreign key (checks are off in the target session: the source already holds them, and
// InnoDB then adds the key without reading the table); a FULLTEXT index goes alone, as InnoDB
// builds only one at a time.
void MysqlSchemaCopy::add_missing_keys(const std::string& table) {
  MysqlTableDdl wanted = parse_mysql_table_ddl(table, show_create_table(source_, table));
  std::vector<std::string> present = mysql_table_elements(table, show_create_table(target_, table));
  std::string together;
  std::vector<std::string> alone;
  for (const auto* part : {&wanted.later_keys, &wanted.foreign_keys})
    for (const std::string& element : *part) {
      if (std::find(present.begin(), present.end(), element) != present.end()) continue;
      if (element.starts_with("FULLTEXT ")) alone.push_back("ADD " + element);
      else together += (together.empty() ? "ADD " : ", ADD ") + element;
    }
  if (!together.empty()) alone.insert(alone.begin(), together);
  for (const std::string& clauses : alone)
    target_.execute("ALTER TABLE " + mysql_identifier(table) + " " + clauses, "add the keys of table `" + table + "`");
}

// Emptying a table for a resumed copy (TRUNCATE) resets its counter, and rows deleted at the
// source's end leave the counter above the largest id: the source's value is set explicitly.
void MysqlSchemaCopy::restore_auto_increment(const std::string& table) {
  MysqlTableDdl source = parse_mysql_table_ddl(table, show_create_table(source_, table));
  if (!source.auto_increment) return;
  target_.execute("ALTER TABLE " + mysql_identifier(table) + " AUTO_INCREMENT = " + std::to_string(*source.auto_increment),
                  "set the AUTO_INCREMENT counter of table `" + table + "`");
}

// A view may select from another view: each round creates the views whose dependencies exist,
// until none is left or a round creates nothing (then the first error is the cause).
void MysqlSchemaCopy::create_views() {
  std::vector<std::string> pending;
  for (const MysqlRow& row : source_.rows(source_views_sql(), "list the views")) {
    std::string view = row[0].value_or("");
    auto create = source_.rows("SHOW CREATE VIEW " + mysql_identifier(view), "read the definition of view `" + view + "`");
    pending.push_back(or_replace(create.at(0).at(1).value_or("")));
  }
  while (!pending.empty()) {
    std::vector<std::string> failed;
    std::string first_error;
    for (const std::string& create : pending) {
      try {
        target_.execute(create, "create a view");
      } catch (const DatabaseError& error) {
        if (first_error.empty()) first_error = error.what();
        failed.push_back(create);
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
      "EVENT_OBJECT_TABLE = " + source_.literal(table) + " ORDER BY EVENT_MANIPULATION, ACTION_TIMING, ACTION_ORDER",
      "list the triggers of table `" + table + "`");
  for (const MysqlRow& trigger : triggers) {
    std::string name = trigger[0].value_or("");
    std::string doing = "copy trigger `" + name + "` of table `" + table + "`";
    auto create = source_.rows("SHOW CREATE TRIGGER " + mysql_identifier(name), doing);
    std::string sql_mode = create.at(0).at(1).value_or("");
    target_.execute("SET SESSION sql_mode = " + target_.literal(sql_mode), doing);
    target_.execute(or_replace(create.at(0).at(2).value_or("")), doing);
  }
  if (!triggers.empty()) target_.execute("SET SESSION sql_mode = 'NO_AUTO_VALUE_ON_ZERO'", "restore the session's sql_mode");
}

void MysqlSchemaCopy::drop(const std::vector<std::string>& tables) {
  for (const MysqlRow& row : source_.rows(source_views_sql(), "list the views")) {
    std::string view = row[0].value_or("");
    target_.execute("DROP VIEW IF EXISTS " + mysql_identifier(view), "drop view `" + view + "`");
  }
  for (const std::string& table : tables)
    target_.execute("DROP TABLE IF EXISTS " + mysql_identifier(table), "drop table `" + table + "`");
}

}  // namespace planrun
