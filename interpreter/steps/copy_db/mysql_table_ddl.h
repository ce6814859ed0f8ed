#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace planrun {

// A table's CREATE TABLE statement as SHOW CREATE TABLE prints it (one normalised form per
// server version), split into what copy-db creates before the data and what it adds after.
struct MysqlTableDdl {
  std::string head;                        // "CREATE TABLE `t` ("
  std::vector<std::string> columns;        // column definitions, in order
  std::vector<std::string> load_keys;      // PRIMARY KEY, CHECKs, periods, and the key an
                                           // AUTO_INCREMENT column needs to exist at all
  std::vector<std::string> later_keys;     // secondary and unique indexes, added after the data
  std::vector<std::string> foreign_keys;   // "CONSTRAINT `x` FOREIGN KEY ...", added last
  std::string options;                     // ") ENGINE=..." to the end, partitioning included
  std::optional<uint64_t> auto_increment;  // the table's AUTO_INCREMENT=N, when shown

  // The statement that creates the table for loading: columns, load keys and options.
  std::string create_for_loading() const;
};

// Splits `show_create` (the second column of SHOW CREATE TABLE); throws DatabaseError naming
// `table` when the text is not of that form.
MysqlTableDdl parse_mysql_table_ddl(const std::string& table, const std::string& show_create);

// The table elements (columns, keys, constraints) of `show_create`, without classifying them.
std::vector<std::string> mysql_table_elements(const std::string& table, const std::string& show_create);

}  // namespace planrun
