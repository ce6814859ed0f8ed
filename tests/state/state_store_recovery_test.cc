// What StateStore does with state it did not write itself in one piece: a newer schema, files
// that are not state or are damaged, a WAL torn by a power cut, a writer killed mid-run.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <random>

#include "interpreter/state/state_store.h"
#include "tests/state/scratch_dir.h"
#include "tests/state/state_printers.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;
using testing::ScratchDir;

void execute_sql(const fs::path& database, const std::string& sql) {
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(database.c_str(), &handle), SQLITE_OK);
  char* error = nullptr;
  int result = sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, &error);
  std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(handle);
  ASSERT_EQ(result, SQLITE_OK) << message;
}

std::string random_bytes(size_t size, unsigned seed) {
  std::mt19937 generator(seed);
  std::string bytes(size, '\0');
  for (char& byte : bytes) byte = static_cast<char>(generator());
  return bytes;
}

// Overwrites `size` bytes of `path` at `offset`, leaving the rest as it was.
void overwrite(const fs::path& path, size_t offset, const std::string& bytes) {
  std::string content = testing::read_file(path);
  ASSERT_LE(offset + bytes.size(), content.size());
  content.replace(offset, bytes.size(), bytes);
  testing::write_file(path, content);
}

// The message StateStore's constructor throws for `dir`, or "" when it opens.
std::string open_error(const fs::path& dir) {
  try {
    StateStore store(dir);
  } catch (const StateError& error) {
    return error.what();
  }
  return "";
}

void run_step(StateStore& store, const std::string& step_id, int64_t run_id) {
  store.mark_running(step_id, "fp", run_id);
  store.mark_done(step_id, "{}");
}

// A closed store with a few steps and enough checkpoints to span several pages.
void fill_store(const fs::path& dir) {
  StateStore store(dir);
  int64_t run = store.begin_run("p.yaml", "fp", "{}");
  run_step(store, "backup", run);
  store.mark_running("copy", "fp", run);
  std::map<std::string, std::string> checkpoints;
  for (int i = 0; i < 200; ++i) checkpoints["table:" + std::to_string(i)] = std::string(100, 'x');
  store.put_checkpoints("copy", checkpoints);
}

TEST(StateStore, RefusesANewerSchema) {
  ScratchDir scratch;
  fill_store(scratch.path);
  execute_sql(scratch.path / "state.db",
              "UPDATE meta SET value = '99' WHERE key = 'schema_version'");
  EXPECT_EQ(open_error(scratch.path),
            "state in " + scratch.path.string() +
                " was written by a newer planrun (schema 99); this planrun reads up to 2");
}

TEST(StateStore, UnreadableSchemaVersionIsCorrupt) {
  ScratchDir scratch;
  fill_store(scratch.path);
  execute_sql(scratch.path / "state.db", "UPDATE meta SET value = 'x' WHERE key = 'schema_version'");
  EXPECT_EQ(open_error(scratch.path),
            (scratch.path / "state.db").string() + " is corrupt: its schema_version is 'x'");
}

TEST(StateStore, GarbageFileIsAStateError) {
  ScratchDir scratch;
  testing::write_file(scratch.path / "state.db", random_bytes(16384, 1));
  EXPECT_EQ(open_error(scratch.path),
            (scratch.path / "state.db").string() +
                " is not a planrun state database (file is not a database); point --state at "
                "another directory, or move the file away");
}

TEST(StateStore, ForeignSqliteDatabaseIsAStateError) {
  ScratchDir scratch;
  execute_sql(scratch.path / "state.db", "CREATE TABLE users (id INTEGER PRIMARY KEY)");
  EXPECT_EQ(open_error(scratch.path),
            (scratch.path / "state.db").string() +
                " is a SQLite database but not planrun state (it has no meta table); point "
                "--state at another directory");
}

TEST(StateStore, DamagedPagesAreAStateError) {
  // Past the 100-byte header: the schema page, then every page after the first.
  for (size_t offset : {size_t{100}, size_t{4096}}) {
    ScratchDir scratch;
    fill_store(scratch.path);
    fs::path database = scratch.path / "state.db";
    ASSERT_FALSE(fs::exists(scratch.path / "state.db-wal"));  // checkpointed on close
    size_t size = fs::file_size(database);
    ASSERT_GT(size, 3 * 4096u);
    overwrite(database, offset, random_bytes(size - offset, 2));
    std::string error = open_error(scratch.path);
    EXPECT_EQ(error.rfind(database.string() + " is corrupt (", 0), 0u) << error;
  }
}

// Copies a live store, WAL included, and tears the WAL inside the transaction that was being
// written when the copy was taken: what a power cut in the middle of a commit leaves on disk.
void check_torn_wal(bool fill_with_garbage) {
  ScratchDir live, copy;
  StateStore store(live.path);
  int64_t run = store.begin_run("p.yaml", "fp", "{}");
  for (int i = 0; i < 5; ++i) run_step(store, "step" + std::to_string(i), run);
  store.mark_running("torn", "fp", run);
  store.put_checkpoint("torn", "table:A", "done");
  fs::path wal = live.path / "state.db-wal";
  size_t durable = fs::file_size(wal);
  store.mark_done("torn", "{}");
  size_t written = fs::file_size(wal);
  ASSERT_GT(written, durable) << "the WAL was checkpointed: the test no longer tears anything";

  ScratchDir whole;  // the control: the same copy untorn has the step done
  for (const fs::path& target : {copy.path, whole.path}) {
    fs::copy_file(live.path / "state.db", target / "state.db");
    fs::copy_file(wal, target / "state.db-wal");
  }
  EXPECT_EQ(StateStore(whole.path).step_state("torn")->status, StepStatus::Done);
  size_t cut = durable + (written - durable) / 2;
  if (fill_with_garbage) {
    overwrite(copy.path / "state.db-wal", cut, random_bytes(written - cut, 3));
  } else {
    fs::resize_file(copy.path / "state.db-wal", cut);
  }

  StateStore recovered(copy.path);
  for (int i = 0; i < 5; ++i) {
    std::optional<StepRecord> step = recovered.step_state("step" + std::to_string(i));
    ASSERT_TRUE(step.has_value()) << i;
    EXPECT_EQ(step->status, StepStatus::Done) << i;
  }
  EXPECT_EQ(recovered.step_state("torn")->status, StepStatus::Running);
  EXPECT_EQ(recovered.checkpoint("torn", "table:A"), "done");
}

TEST(StateStore, TruncatedWalLosesOnlyTheTornTransaction) { check_torn_wal(false); }

TEST(StateStore, GarbageWalTailLosesOnlyTheTornTransaction) { check_torn_wal(true); }

TEST(StateStore, WriterKilledMidRunLosesNoConfirmedStep) {
  ScratchDir scratch;
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::close(pipe_fds[0]);
    try {
      StateStore store(scratch.path);
      int64_t run = store.begin_run("p.yaml", "fp", "{}");
      for (int i = 0;; ++i) {
        run_step(store, "s" + std::to_string(i), run);
        if (::write(pipe_fds[1], &i, sizeof i) != sizeof i) ::_exit(2);  // confirmed: durable
      }
    } catch (...) {
      ::_exit(1);
    }
  }
  ::close(pipe_fds[1]);
  std::vector<int> confirmed;
  int step = 0;
  while (confirmed.size() < 25 && ::read(pipe_fds[0], &step, sizeof step) == sizeof step) {
    confirmed.push_back(step);
  }
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  while (::read(pipe_fds[0], &step, sizeof step) == sizeof step) confirmed.push_back(step);
  ::close(pipe_fds[0]);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the writer stopped on its own: " << status;
  ASSERT_GE(confirmed.size(), 25u);

  StateStore store(scratch.path);
  for (int i : confirmed) {
    std::optional<StepRecord> record = store.step_state("s" + std::to_string(i));
    ASSERT_TRUE(record.has_value()) << i;
    EXPECT_EQ(record->status, StepStatus::Done) << i;
  }
  EXPECT_LE(store.all_steps().size(), confirmed.size() + 1);  // at most the step it was in
  EXPECT_EQ(store.runs().at(0).finished_at, std::nullopt);
}

}  // namespace
}  // namespace planrun

namespace planrun {
namespace PLANRUN_UNITY_ID {

// A planrun killed while it created the store leaves state.db without tables: readers (`status`,
// `plan`, the crash tests) see no records; the next run creates the schema.
TEST(StateStore, AStoreWhoseCreationWasInterruptedReadsAsEmpty) {
  ScratchDir scratch;
  testing::write_file(scratch.path / "state.db", "");
  {
    StateStore reader(scratch.path, "plan.yaml", StateStore::Access::ReadOnly);
    EXPECT_TRUE(reader.all_steps().empty());
  }
  EXPECT_EQ(fs::file_size(scratch.path / "state.db"), 0u);  // the reader wrote nothing
  StateStore writer(scratch.path, "plan.yaml");
  EXPECT_TRUE(writer.all_steps().empty());
}

}  // namespace
}  // namespace planrun
