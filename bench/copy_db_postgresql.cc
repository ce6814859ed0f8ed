// Copies one PostgreSQL database into an empty one through the PostgreSQL copier, in copy-db's
// order (create_tables, copy_table on `jobs` threads, largest first, finish_schema), then
// verifies every table (target_summary against the summary copy_table returned), as copy-db
// does with verify on. Prints each phase's seconds on stderr; exits 1 on a mismatch.
// Usage: PLANRUN_BENCH_PASSWORD=... copy_db_postgresql SOURCE_DSN TARGET_DSN [JOBS]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <thread>

#include "interpreter/databases/soci_databases.h"
#include "interpreter/parallel/cancellation_token.h"
#include "interpreter/steps/copy_db/postgresql_copier.h"

using namespace planrun;

namespace {

Dsn dsn_of(const char* text) {
  std::string error;
  auto dsn = parse_dsn(text, &error);
  if (!dsn) {
    std::fprintf(stderr, "%s\n", error.c_str());
    std::exit(2);
  }
  return *dsn;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Runs `each` over `tables` on `jobs` threads, in order.
template <typename Each>
void on_threads(const std::vector<std::string>& tables, int jobs, Each each) {
  std::atomic<size_t> next{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < jobs; ++i)
    threads.emplace_back([&] {
      for (size_t at = next++; at < tables.size(); at = next++) each(tables[at]);
    });
  for (std::thread& thread : threads) thread.join();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s SOURCE_DSN TARGET_DSN [JOBS]\n", argv[0]);
    return 2;
  }
  Dsn from = dsn_of(argv[1]), to = dsn_of(argv[2]);
  int jobs = argc > 3 ? std::atoi(argv[3]) : 2;
  DatabaseCredentials credentials;
  if (const char* password = std::getenv("PLANRUN_BENCH_PASSWORD")) {
    credentials.add(from, password);
    credentials.add(to, password);
  }
  SociDatabases databases(credentials);
  auto start = std::chrono::steady_clock::now();
  try {
    auto copier = make_postgresql_copier(databases, from, to, {.jobs = jobs});
    std::vector<std::string> tables = copier->source_tables();
    std::map<std::string, uint64_t> bytes;
    for (const std::string& table : tables) bytes[table] = copier->estimate(table).bytes;
    std::stable_sort(tables.begin(), tables.end(), [&](auto& a, auto& b) { return bytes[a] > bytes[b]; });
    copier->create_tables(tables);
    std::map<std::string, TableSummary> summaries;
    std::mutex mutex;
    CancellationToken never;
    on_threads(tables, jobs, [&](const std::string& table) {
      TableSummary summary = copier->copy_table(table, {}, never);
      std::lock_guard lock(mutex);
      summaries[table] = summary;
    });
    std::fprintf(stderr, "data %.2f s\n", seconds_since(start));
    copier->finish_schema(tables);
    std::fprintf(stderr, "schema %.2f s\n", seconds_since(start));
    std::atomic<bool> same{true};
    on_threads(tables, jobs, [&](const std::string& table) {
      if (!(copier->target_summary(table) == summaries.at(table))) {
        std::fprintf(stderr, "table %s differs\n", table.c_str());
        same = false;
      }
    });
    std::fprintf(stderr, "verified %.2f s\n", seconds_since(start));
    return same ? 0 : 1;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "%s\n", error.what());
    return 1;
  }
}
