#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "interpreter/steps/copy_db/database_copier.h"

namespace planrun {

class CheckpointStore;

// copy-db's checkpoints, read and written in one place. The order of writes is what makes a
// kill -9 at any moment safe:
//   "copy"          {source version, target, tables}: written before copy-db touches the target,
//                   so a rerun knows the tables in the target are its own and not an operator's
//   "table:NAME"    {rows, checksum}: the source's summary, once the table's rows are committed
//   "schema"        once indexes, constraints, views and identity state are in
class CopyJournal {
 public:
  struct Started {
    std::string source_version;
    std::string target;  // the target's DSN text: partial work is undone only where it was done
    std::vector<std::string> tables;
  };

  explicit CopyJournal(CheckpointStore& checkpoints);

  const std::optional<Started>& started() const { return started_; }
  void start(Started started);
  // Forgets everything (a start over).
  void forget();

  const std::map<std::string, TableSummary>& copied() const { return copied_; }
  void table_copied(const std::string& table, const TableSummary& summary);

  bool schema_finished() const { return schema_finished_; }
  void finish_schema();

 private:
  CheckpointStore& checkpoints_;
  std::optional<Started> started_;
  std::map<std::string, TableSummary> copied_;
  bool schema_finished_ = false;
};

}  // namespace planrun
