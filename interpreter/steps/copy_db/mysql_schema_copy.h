#pragma once

#include <string>
#include <vector>

#include "interpreter/steps/copy_db/mysql_session.h"

namespace planrun {

// The schema half of the MariaDB/MySQL copier: reads definitions on the source's catalogue
// session (SHOW CREATE ..., the server's own normalised text) and makes them in the target.
// Every method may be called again after a kill part-way and ends in the same schema.
class MysqlSchemaCopy {
 public:
  MysqlSchemaCopy(MysqlSession& source, MysqlSession& target) : source_(source), target_(target) {}

  // Each table that the target lacks, with its columns, primary key and checks only.
  void create_tables(const std::vector<std::string>& tables);
  // What loading left out: secondary and unique indexes and foreign keys (those the target
  // lacks), AUTO_INCREMENT counters, then the source's views and the tables' triggers.
  void finish(const std::vector<std::string>& tables);
  // Drops `tables` and the source's views from the target.
  void drop(const std::vector<std::string>& tables);

  // The names of the target's tables, views and sequences.
  std::vector<std::string> target_objects();

 private:
  std::string show_create_table(MysqlSession& session, const std::string& table);
  void add_missing_keys(const std::string& table);
  void restore_auto_increment(const std::string& table);
  void create_views();
  void create_triggers(const std::string& table);

  MysqlSession& source_;
  MysqlSession& target_;
};

}  // namespace planrun
