#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "interpreter/steps/carbon_connect/datasource_connection.h"

namespace planrun {

class FileSystem;

// What connecting datasources does to one datasources file of the new home.
struct DatasourceFileChange {
  std::filesystem::path file;
  std::optional<std::string> original;  // the file as it is; nullopt when the pack has no such file
  std::string after;                    // what it becomes
  std::vector<std::string> notes;       // what was carried from the old home
  std::vector<std::string> diff;        // the changes to the connected datasources, secrets as ***

  bool changes_the_file() const { return !original || *original != after; }
};

// `file` (a datasources file of the new home, read through `files`) with each of `connections`
// applied: its <url>, <username>, <password> (the secret, or the old svns:secretAlias with no
// password) and <driverClassName>. A datasource the file lacks is first carried from the old
// home (its <datasource> element as the old file has it); a file the pack lacks is the old
// home's file. Throws StepFailure naming the file and the cause.
DatasourceFileChange change_datasource_file(const FileSystem& files, const std::filesystem::path& file,
                                            const std::vector<DatasourceConnection>& connections);

}  // namespace planrun
