// copy-db killed with SIGKILL at random moments, then run again until it finishes: the copy is
// exact (the sqlite3 program's .dump of both files), whenever the state says the step is done.

#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <chrono>
#include <random>
#include <thread>

#include "tests/steps/copy_db/carbon_like_sqlite.h"
#include "tests/support/killed_runs.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;

std::string dump(const fs::path& file) {
  std::string text;
  FILE* pipe = popen(("sqlite3 '" + file.string() + "' .dump").c_str(), "r");
  char buffer[65536];
  for (size_t got; (got = fread(buffer, 1, sizeof buffer, pipe)) > 0;) text.append(buffer, got);
  pclose(pipe);
  return text;
}

void make_source(const fs::path& file) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  std::string sql = std::string(testing::carbon_like_sqlite_schema()) + testing::carbon_like_sqlite_data(40000);
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);
}

TEST(CopyDbSqliteCrash, KilledAtRandomMomentsResumesToAnExactCopy) {
  testing::TempDir dir;
  make_source(dir.path() / "carbon.db");
  std::ofstream(dir.path() / "copy.yaml") << "planrun: 1\nname: copy\nsteps:\n"
                                             "  - id: copy\n    type: copy-db\n"
                                             "    with: {from: \"sqlite:carbon.db\", to: \"sqlite:staging.db\", jobs: 2}\n";
  // The plan's relative DSNs resolve against the working directory planrun inherits.
  fs::path was = fs::current_path();
  fs::current_path(dir.path());
  struct Restore {
    fs::path to;
    ~Restore() { fs::current_path(to); }
  } restore{was};
  std::string expected = dump(dir.path() / "carbon.db");
  // How long one whole copy takes here, so that the kills land inside copies on a fast machine
  // and on a loaded one alike.
  auto started = std::chrono::steady_clock::now();
  ASSERT_EQ(testing::wait_exit(testing::start_planrun(dir.path(), "copy.yaml")), 0);
  int whole_ms = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                      std::chrono::steady_clock::now() - started).count());
  ASSERT_EQ(dump(dir.path() / "staging.db"), expected);
  std::mt19937 random(20261129);
  int kills_while_copying = 0;
  for (int round = 0; round < 12; ++round) {
    if (testing::done_steps(dir.path(), "copy.yaml").count("copy")) {
      ASSERT_EQ(dump(dir.path() / "staging.db"), expected) << "recorded done but not exact, round " << round;
      fs::remove_all(dir.path() / ".planrun");  // another copy from scratch, to interrupt
      fs::remove(dir.path() / "staging.db");
    }
    pid_t pid = testing::start_planrun(dir.path(), "copy.yaml");
    std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution(10, whole_ms)(random)));
    kill(pid, SIGKILL);
    if (testing::wait_exit(pid) == -SIGKILL) ++kills_while_copying;
  }
  EXPECT_GE(kills_while_copying, 3);  // the check is not empty
  EXPECT_EQ(testing::wait_exit(testing::start_planrun(dir.path(), "copy.yaml")), 0);
  EXPECT_EQ(dump(dir.path() / "staging.db"), expected);
  EXPECT_EQ(dump(dir.path() / "carbon.db"), expected);
}

}  // namespace
}  // namespace planrun
