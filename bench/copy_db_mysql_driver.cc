// Runs a copier's sequence the way copy-db does, until the step itself can be timed: tables
// largest first on JOBS threads, then finish_schema, then every table verified (target_summary
// against copy_table's source summary, on JOBS threads). Prints rows and seconds per phase.
// Usage: copy_db_mysql_driver FROM_DSN TO_DSN [JOBS]; the login's password in
// PLANRUN_BENCH_PASSWORD. Exit 1 when verification finds a difference.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

#include "interpreter/databases/soci_databases.h"
#include "interpreter/parallel/cancellation_token.h"
#include "interpreter/steps/copy_db/database_copier.h"

using namespace planrun;

namespace {

// Calls `work` for each table on `jobs` threads; rethrows the first failure.
void on_threads(const std::vector<std::string>& tables, int jobs, const std::function<void(const std::string&)>& work) {
  std::atomic<size_t> next{0};
  std::exception_ptr failure;
  std::mutex mutex;
  std::vector<std::thread> threads;
  for (int i = 0; i < jobs; ++i)
    threads.emplace_back([&] {
      try {
        for (size_t at; (at = next++) < tables.size();) work(tables[at]);
      } catch (...) {
        std::lock_guard lock(mutex);
        failure = std::current_exception();
        next = tables.size();
      }
    });
  for (std::thread& thread : threads) thread.join();
  if (failure) std::rethrow_exception(failure);
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

Dsn dsn_or_exit(const char* text) {
  std::string error;
  auto dsn = parse_dsn(text, &error);
  if (!dsn) std::fprintf(stderr, "%s: %s\n", text, error.c_str()), std::exit(2);
  return *dsn;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) return std::fprintf(stderr, "usage: %s FROM_DSN TO_DSN [JOBS]\n", argv[0]), 2;
  Dsn from = dsn_or_exit(argv[1]), to = dsn_or_exit(argv[2]);
  int jobs = argc > 3 ? std::atoi(argv[3]) : 2;
  const char* password = std::getenv("PLANRUN_BENCH_PASSWORD");
  DatabaseCredentials credentials;
  for (const Dsn* dsn : {&from, &to}) credentials.add(*dsn, password ? password : "");
  SociDatabases databases(credentials);
  try {
    auto start = std::chrono::steady_clock::now();
    auto copier = make_database_copier(databases, from, to, {.jobs = jobs});
    std::vector<std::string> tables = copier->source_tables();
    std::map<std::string, uint64_t> bytes;
    for (const std::string& table : tables) bytes[table] = copier->estimate(table).bytes;
    std::sort(tables.begin(), tables.end(), [&](auto& a, auto& b) { return bytes[a] > bytes[b]; });
    copier->create_tables(tables);
    std::map<std::string, TableSummary> summaries;
    std::mutex mutex;
    CancellationToken never;
    on_threads(tables, jobs, [&](const std::string& table) {
      auto table_start = std::chrono::steady_clock::now();
      TableSummary summary = copier->copy_table(table, nullptr, never);
      std::lock_guard lock(mutex);
      summaries[table] = summary;
      std::printf("  %s: %lld rows in %.2f s\n", table.c_str(), static_cast<long long>(summary.rows),
                  seconds_since(table_start));
    });
    double copied = seconds_since(start);
    copier->finish_schema(tables);
    double finished = seconds_since(start);
    std::atomic<int> differences{0};
    on_threads(tables, jobs, [&](const std::string& table) {
      if (copier->target_summary(table) != summaries[table]) ++differences, std::fprintf(stderr, "differs: %s\n", table.c_str());
    });
    int64_t rows = 0;
    for (auto& [table, summary] : summaries) rows += summary.rows;
    std::printf("%lld rows in %zu tables: data %.2f s, schema %.2f s, verified %.2f s\n", static_cast<long long>(rows),
                tables.size(), copied, finished - copied, seconds_since(start) - finished);
    return differences ? 1 : 0;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "copy failed: %s\n", error.what());
    return 1;
  }
}
