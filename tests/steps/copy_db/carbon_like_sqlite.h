#pragma once

// The Carbon-like SQLite fixture of tests/fixtures/carbon-like/ (schema and hard values, shared
// with the demo) plus `rows` generated rows per large table.

#include <fstream>
#include <sstream>
#include <string>

namespace planrun::testing {

inline std::string carbon_like_fixture_file(const std::string& name) {
  std::ifstream in(std::string(PLANRUN_SOURCE_DIR) + "/tests/fixtures/carbon-like/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

inline std::string carbon_like_sqlite_schema() { return carbon_like_fixture_file("sqlite-schema.sql"); }

// Hard values, then `rows` generated rows per large table.
inline std::string carbon_like_sqlite_data(int rows) {
  std::string n = std::to_string(rows);
  return carbon_like_fixture_file("sqlite-values.sql") + R"sql(
WITH RECURSIVE s(g) AS (SELECT 2 UNION ALL SELECT g + 1 FROM s WHERE g < )sql" + n + R"sql()
  INSERT INTO UM_USER SELECT g, 'user' || g, hex(randomblob(16)), hex(randomblob(4)), 0, '2026-02-01', g % 7 - 1234 FROM s;
WITH RECURSIVE s(g) AS (SELECT 5 UNION ALL SELECT g + 1 FROM s WHERE g < )sql" + n + R"sql()
  INSERT INTO REG_CONTENT SELECT g, randomblob(g % 3000), g % 7 FROM s;
WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < )sql" + n + R"sql()
  INSERT INTO REG_LOG SELECT g % 100, '/_system/path' || g, g % 5, 'data ' || g, '2026-03-01', -1234 FROM s;
)sql";
}

}  // namespace planrun::testing
