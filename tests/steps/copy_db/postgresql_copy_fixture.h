#pragma once

// What the PostgreSQL copier's server tests share: two fresh databases on the test server, the
// Carbon-like source, the sequence of calls copy-db makes, and an INDEPENDENT comparison of two
// databases (pg_dump --schema-only, each table's rows as ordered text COPY, each sequence's
// state) that never uses the copier's own checksums.

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "interpreter/databases/soci_databases.h"
#include "interpreter/parallel/cancellation_token.h"
#include "interpreter/steps/copy_db/postgresql_copier.h"
#include "tests/support/test_servers.h"

namespace planrun::testing {

// A plain libpq session of the test's own, to load and to read databases apart from the copier.
class PgTestSession {
 public:
  PgTestSession(const TestServer& server, const std::string& database) {
    std::string port = std::to_string(server.dsn.port);
    const char* keys[] = {"host", "port", "user", "password", "dbname", nullptr};
    const char* values[] = {server.dsn.host.c_str(), port.c_str(), server.dsn.user.c_str(),
                            server.password.c_str(), database.c_str(), nullptr};
    connection_ = PQconnectdbParams(keys, values, 0);
    if (PQstatus(connection_) != CONNECTION_OK) throw std::runtime_error(PQerrorMessage(connection_));
    PQsetNoticeProcessor(connection_, [](void*, const char*) {}, nullptr);
  }
  ~PgTestSession() { PQfinish(connection_); }
  PgTestSession(const PgTestSession&) = delete;
  PgTestSession& operator=(const PgTestSession&) = delete;

  void execute(const std::string& sql) {
    PGresult* result = PQexec(connection_, sql.c_str());
    std::string error = PQresultErrorMessage(result);
    ExecStatusType status = PQresultStatus(result);
    PQclear(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) throw std::runtime_error(error + " in " + sql);
  }

  // The first column of every row.
  std::vector<std::string> column(const std::string& sql) {
    PGresult* result = PQexec(connection_, sql.c_str());
    if (PQresultStatus(result) != PGRES_TUPLES_OK) {
      std::string error = PQresultErrorMessage(result);
      PQclear(result);
      throw std::runtime_error(error + " in " + sql);
    }
    std::vector<std::string> values;
    for (int row = 0; row < PQntuples(result); ++row) values.push_back(PQgetvalue(result, row, 0));
    PQclear(result);
    return values;
  }

  std::string value(const std::string& sql) { return column(sql).at(0); }

  // The text of a COPY ... TO STDOUT.
  std::string copy_out(const std::string& sql) {
    PGresult* result = PQexec(connection_, sql.c_str());
    bool started = PQresultStatus(result) == PGRES_COPY_OUT;
    std::string error = PQresultErrorMessage(result);
    PQclear(result);
    if (!started) throw std::runtime_error(error + " in " + sql);
    std::string text;
    char* buffer = nullptr;
    for (int length; (length = PQgetCopyData(connection_, &buffer, 0)) > 0; PQfreemem(buffer)) text.append(buffer, length);
    while (PGresult* end = PQgetResult(connection_)) PQclear(end);
    return text;
  }

 private:
  PGconn* connection_ = nullptr;
};

inline std::string pg_quoted(const std::string& name) {
  std::string quoted = "\"";
  for (char c : name) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

// The Carbon-like source (tests/steps/copy_db/carbon_like_postgresql.sql) with `rows` users.
inline void load_carbon_like(PgTestSession& session, int rows) {
  std::ifstream file(std::string(PLANRUN_SOURCE_DIR) + "/tests/steps/copy_db/carbon_like_postgresql.sql");
  std::string sql((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  for (size_t at; (at = sql.find(":rows")) != std::string::npos;) sql.replace(at, 5, std::to_string(rows));
  session.execute(sql);
}

// pg_dump's words for `database`, without the lines that differ between any two dumps.
inline std::string pg_dump(const TestServer& server, const std::string& database, const std::string& options) {
  setenv("PGPASSWORD", server.password.c_str(), 1);
  std::string command = "pg_dump --no-sync " + options + " -h " + server.dsn.host + " -p " +
                        std::to_string(server.dsn.port) + " -U " + server.dsn.user + " " + database + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  std::string dump;
  char buffer[65536];
  for (size_t read; (read = fread(buffer, 1, sizeof buffer, pipe)) > 0;) dump.append(buffer, read);
  int status = pclose(pipe);
  unsetenv("PGPASSWORD");
  if (status != 0) throw std::runtime_error("pg_dump failed: " + dump);
  std::istringstream lines(dump);
  std::string kept;
  for (std::string line; std::getline(lines, line);)
    if (!line.starts_with("\\restrict") && !line.starts_with("\\unrestrict") && !line.starts_with("-- Dumped"))
      kept += line + "\n";
  return kept;
}

// A database as the tests compare it, read without the copier.
struct PgDatabaseContent {
  std::string schema;                           // pg_dump --schema-only
  std::map<std::string, std::string> rows;      // table: its rows as text COPY, ordered
  std::map<std::string, std::string> sequences; // sequence: last_value, is_called
  bool operator==(const PgDatabaseContent&) const = default;
};

inline PgDatabaseContent read_content(const TestServer& server, const std::string& database) {
  PgTestSession session(server, database);
  PgDatabaseContent content;
  content.schema = pg_dump(server, database, "--schema-only");
  for (const std::string& table :
       session.column("SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace"))
    content.rows[table] = session.copy_out("COPY (SELECT * FROM " + pg_quoted(table) +
                                           " AS r ORDER BY (r::text) COLLATE \"C\") TO STDOUT");
  for (const std::string& sequence :
       session.column("SELECT relname FROM pg_class WHERE relkind = 'S' AND relnamespace = 'public'::regnamespace"))
    content.sequences[sequence] =
        session.value("SELECT last_value || ' ' || is_called FROM " + pg_quoted(sequence));
  return content;
}

// Field by field, so that a failure says what differs.
inline void expect_same_content(const PgDatabaseContent& source, const PgDatabaseContent& target) {
  EXPECT_EQ(source.schema, target.schema);
  EXPECT_EQ(source.sequences, target.sequences);
  ASSERT_EQ(source.rows.size(), target.rows.size());
  for (const auto& [table, rows] : source.rows) {
    auto found = target.rows.find(table);
    ASSERT_NE(found, target.rows.end()) << table;
    EXPECT_TRUE(rows == found->second) << "the rows of " << table << " differ";
  }
}

// Two fresh databases on the test server, the source and the (empty) target, dropped afterwards.
class PgCopyDatabases {
 public:
  explicit PgCopyDatabases(const TestServer& server) : server_(server), admin_(server, server.dsn.database) {
    static std::atomic<int> counter{0};
    std::string suffix = std::to_string(getpid()) + "_" + std::to_string(counter++);
    source_name = "copy_source_" + suffix;
    target_name = "copy_target_" + suffix;
    for (const std::string& name : {source_name, target_name}) {
      admin_.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      admin_.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
    }
    source = dsn(source_name);
    target = dsn(target_name);
  }
  ~PgCopyDatabases() {
    for (const std::string& name : {source_name, target_name}) {
      try {
        admin_.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      } catch (const std::exception&) {
      }
    }
  }

  Dsn dsn(const std::string& database) const {
    Dsn dsn = server_.dsn;
    dsn.database = database;
    return dsn;
  }
  DatabaseCredentials credentials() const {
    DatabaseCredentials credentials;
    credentials.add(source, server_.password);
    credentials.add(target, server_.password);
    return credentials;
  }

  std::string source_name, target_name;
  Dsn source, target;

 private:
  const TestServer& server_;
  PgTestSession admin_;
};

// What copy-db calls, in its order, with `jobs` threads copying tables: the summaries that
// copy_table returned, by table. `skip` holds tables an earlier attempt finished; `done` is
// told of each table once its copy returned (a checkpoint).
inline std::map<std::string, TableSummary> copy_like_the_step(
    DatabaseCopier& copier, int jobs, const std::set<std::string>& skip = {},
    const std::function<void(const std::string&)>& done = {}) {
  std::vector<std::string> tables = copier.source_tables();
  copier.create_tables(tables);
  std::map<std::string, TableSummary> summaries;
  std::mutex mutex;
  std::atomic<size_t> next{0};
  std::exception_ptr failure;
  CancellationToken never;
  auto work = [&] {
    try {
      for (size_t at = next++; at < tables.size(); at = next++) {
        if (skip.contains(tables[at])) continue;
        TableSummary summary = copier.copy_table(tables[at], [](uint64_t, uint64_t) {}, never);
        std::lock_guard lock(mutex);
        summaries[tables[at]] = summary;
        if (done) done(tables[at]);
      }
    } catch (...) {
      std::lock_guard lock(mutex);
      failure = std::current_exception();
    }
  };
  std::vector<std::thread> threads;
  for (int i = 0; i < jobs; ++i) threads.emplace_back(work);
  for (std::thread& thread : threads) thread.join();
  if (failure) std::rethrow_exception(failure);
  copier.finish_schema(tables);
  return summaries;
}

}  // namespace planrun::testing
