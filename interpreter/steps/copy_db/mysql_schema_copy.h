#pragma once

#include <optional>
#include <string>
#include <vector>

#include "interpreter/steps/copy_db/mysql_session.h"
#include "interpreter/steps/copy_db/mysql_table_ddl.h"

namespace planrun {

// The schema half of the MariaDB/MySQL copier: reads definitions on the source's catalogue
// session (SHOW CREATE ..., the server's own normalised text) and makes them in the target.
// Every method may be called again after a kill part-way and ends in the same schema. Not
// thread-safe: the copier calls it under its catalogue lock.
class MysqlSchemaCopy {
 public:
  MysqlSchemaCopy(MysqlSession& source, MysqlSession& target) : source_(source), target_(target) {}

  // Each table that the target lacks, with its columns, primary key and checks only.
  void create_tables(const std::vector<std::string>& tables);
  // The source's definition of `table`.
  MysqlTableDdl source_table(const std::string& table);
  // What loading left out: foreign keys and any secondary or unique index the target lacks,
  // AUTO_INCREMENT counters, then the source's views and the tables' triggers.
  void finish(const std::vector<std::string>& tables);
  // Drops `tables` and the source's views from the target.
  void drop(const std::vector<std::string>& tables);

  // The names of the target's tables, views and sequences.
  std::vector<std::string> target_objects();

 private:
  // A view's or trigger's CREATE statement and the session settings it was made under.
  struct Definition {
    std::string create;
    std::string charset;
    std::string collation;
    std::optional<std::string> sql_mode;  // triggers only
  };

  Definition definition(const std::string& show, size_t text_column, const std::string& doing);
  void make(const Definition& definition, const std::string& doing);
  void restore_session();
  void restore_auto_increment(const std::string& table);
  void create_views();
  void create_triggers(const std::string& table);

  MysqlSession& source_;
  MysqlSession& target_;
};

// The text of SHOW CREATE TABLE for `table` on `session`.
std::string mysql_show_create_table(MysqlSession& session, const std::string& table);

// Adds to `table` in `target` the later keys of `wanted` that it lacks (compared with its own
// SHOW CREATE TABLE), and its foreign keys too when `foreign_keys`: one ALTER TABLE for all
// (FULLTEXT indexes alone, as InnoDB builds one at a time), each atomic, so that a kill between
// two is finished by the next call.
void add_missing_mysql_keys(MysqlSession& target, const std::string& table, const MysqlTableDdl& wanted,
                            bool foreign_keys);

}  // namespace planrun
