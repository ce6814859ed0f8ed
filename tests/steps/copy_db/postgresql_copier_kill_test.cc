// A copy killed (SIGKILL) at random moments and resumed the way copy-db resumes it (tables
// already created are left alone, tables checkpointed are skipped, every other table is emptied
// and copied again, finish_schema runs again) ends in an exact copy, checked independently.

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <random>

#include "tests/state/scratch_dir.h"
#include "tests/steps/copy_db/postgresql_copy_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

// One attempt: what copy-db's step does, with its per-table checkpoints in a file.
void attempt(const testing::PgCopyDatabases& databases, const std::filesystem::path& checkpoints) {
  SociDatabases service(databases.credentials());
  auto copier = make_postgresql_copier(service, databases.source, databases.target, {.jobs = 2, .batch_rows = 500});
  std::set<std::string> done;
  std::ifstream file(checkpoints);
  for (std::string line; std::getline(file, line);) done.insert(line);
  testing::copy_like_the_step(*copier, 2, done, [&](const std::string& table) {
    std::string line = table + "\n";
    int fd = ::open(checkpoints.c_str(), O_WRONLY | O_APPEND | O_CREAT, 0644);
    if (::write(fd, line.data(), line.size()) < 0) std::abort();
    ::close(fd);
  });
}

TEST(PostgresqlCopierKilled, ResumedAfterKillsAtRandomMomentsItEndsInAnExactCopy) {
  std::optional<testing::TestServer> server;
  PLANRUN_REQUIRE_SERVER(server, "PLANRUN_TEST_POSTGRES");
  testing::PgCopyDatabases databases(*server);
  {
    testing::PgTestSession source(*server, databases.source_name);
    testing::load_carbon_like(source, 60000);
  }
  auto before = testing::read_content(*server, databases.source_name);
  testing::ScratchDir scratch;
  std::filesystem::path checkpoints = scratch.path / "done";
  unsigned seed = std::random_device{}();
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> delay_ms(0, 20);
  int killed_mid_copy = 0;  // kills that came before every table was checkpointed
  auto checkpointed = [&] {
    std::ifstream file(checkpoints);
    int lines = 0;
    for (std::string line; std::getline(file, line);) ++lines;
    return lines;
  };
  for (int round = 0; round < 8; ++round) {
    pid_t child = fork();
    if (child == 0) {
      try {
        attempt(databases, checkpoints);
      } catch (...) {
        _exit(1);
      }
      _exit(0);
    }
    // Killed once a random number of tables are checkpointed (whatever the machine's speed), a
    // moment later: in the middle of a table, of create_tables, or of finish_schema.
    int already = checkpointed();
    int tables_done = already >= 11 ? already : std::uniform_int_distribution<int>(already, 11)(random);
    int status = 0;
    bool exited = false;
    while (checkpointed() < tables_done && !(exited = waitpid(child, &status, WNOHANG) == child)) usleep(1000);
    if (!exited) {
      usleep(delay_ms(random) * 1000);
      ::kill(child, SIGKILL);
      waitpid(child, &status, 0);
    }
    killed_mid_copy += WIFSIGNALED(status) && checkpointed() < 12;
    ASSERT_TRUE(WIFSIGNALED(status) || WEXITSTATUS(status) == 0) << "attempt failed, seed " << seed;
  }
  attempt(databases, checkpoints);
  testing::expect_same_content(before, testing::read_content(*server, databases.target_name));
  EXPECT_TRUE(before == testing::read_content(*server, databases.source_name)) << "the source changed";
  EXPECT_GT(killed_mid_copy, 0) << "seed " << seed;
  RecordProperty("seed", std::to_string(seed));
}

}  // namespace
}  // namespace planrun
