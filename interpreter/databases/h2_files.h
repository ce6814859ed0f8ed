#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include "interpreter/values/dsn.h"

namespace planrun {

// An embedded H2 database (Carbon's default, jdbc:h2:./repository/database/WSO2CARBON_DB) is
// files beside its path: PATH.h2.db (H2 1.3, what Carbon 4.4 ships) or PATH.mv.db (1.4 and
// later), plus PATH.trace.db (a log, not data). planrun has no H2 engine: with the servers
// stopped, steps handle the database as these files.

// The data files that exist now, in a stable order.
std::vector<std::filesystem::path> h2_data_files(const Dsn& dsn);

// The names the data files would have, whether they exist or not.
std::vector<std::filesystem::path> h2_data_file_names(const Dsn& dsn);

// H2 1.3 keeps PATH.lock.db while a process has the database open: its presence means a
// server may be writing the files (or died without removing it).
std::optional<std::filesystem::path> h2_lock_file(const Dsn& dsn);

}  // namespace planrun
