#include "interpreter/steps/copy_db/h2_file_copy.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>

#include "interpreter/databases/h2_files.h"
#include "interpreter/files/durable_write.h"
#include "interpreter/files/file_descriptor.h"
#include "interpreter/files/sha256_hasher.h"
#include "interpreter/step_kit/step_failure.h"

namespace planrun {
namespace {

namespace fs = std::filesystem;
using Kind = StepFailure::Kind;
using json = nlohmann::json;

constexpr size_t kBufferBytes = 1 << 20;

[[noreturn]] void fail(const std::string& doing, const fs::path& file) {
  throw EnvironmentError("cannot " + doing + " " + file.string() + ": " + std::strerror(errno));
}

// What changes when anyone writes a file: its size and modification time.
std::string file_version(const fs::path& file) {
  struct stat status {};
  if (::stat(file.c_str(), &status) != 0) fail("read", file);
  return std::to_string(status.st_size) + ":" + std::to_string(status.st_mtim.tv_sec) + "." +
         std::to_string(status.st_mtim.tv_nsec);
}

// Reads `file` whole, passing each block to `block`; gives its sha256.
template <class Block>
std::string read_hashing(const fs::path& file, const CancellationToken& cancel, Block&& block) {
  FileDescriptor in{::open(file.c_str(), O_RDONLY | O_CLOEXEC)};
  if (in.get() < 0) fail("open", file);
  Sha256Hasher sha;
  std::vector<char> buffer(kBufferBytes);
  for (;;) {
    if (cancel.requested()) throw StepFailure(Kind::Cancelled, "stopped as asked");
    ssize_t got = ::read(in.get(), buffer.data(), buffer.size());
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) fail("read", file);
    if (got == 0) break;
    sha.update(buffer.data(), static_cast<size_t>(got));
    block(buffer.data(), static_cast<size_t>(got));
  }
  return sha.hex_digest();
}

// Copies `from` to `to` through a temporary name; durable when it returns. Gives the sha256 of
// the bytes read from `from`.
std::string copy_file(StepContext& context, const fs::path& from, const fs::path& to) {
  fs::path partial = to.string() + ".planrun-partial";
  struct stat status {};
  if (::stat(from.c_str(), &status) != 0) fail("read", from);
  FileDescriptor out{::open(partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, status.st_mode & 07777)};
  if (out.get() < 0) fail("create", partial);
  std::string sha = read_hashing(from, context.cancel, [&](const char* bytes, size_t size) {
    write_all(out.get(), std::string_view(bytes, size), partial);
    context.progress.advance(size);
  });
  out = FileDescriptor{};  // closed before it is published
  publish_durably(partial, to);
  return sha;
}

// The target's file for a source file: the same suffix (.h2.db, .mv.db) after the target's path.
fs::path target_file(const fs::path& source, const Dsn& from, const Dsn& to) {
  return to.path + source.filename().string().substr(fs::path(from.path).filename().string().size());
}

std::string checkpoint_key(const fs::path& source_file) { return "h2:" + source_file.filename().string(); }

}  // namespace

void copy_h2_files(StepContext& context, const Dsn& from, const Dsn& to, bool verify) {
  if (auto lock = h2_lock_file(from))
    throw StepFailure(Kind::Precondition, "the H2 database " + from.to_string() + " is open: its lock file " +
                                              lock->string() +
                                              " exists; stop the server using it (or, if none runs, remove the "
                                              "stale lock file) and run again");
  std::vector<fs::path> sources = h2_data_files(from);
  if (sources.empty())
    throw StepFailure(Kind::Failed, "no H2 database at " + from.to_string() + ": neither " +
                                        h2_data_file_names(from)[0].string() + " nor " +
                                        h2_data_file_names(from)[1].string() + " exists");
  std::map<std::string, std::string> done = context.checkpoints.list();
  bool resuming = !done.empty();  // the target's files may be this step's own
  // Copies made from files that changed since are dropped: the copy is of one state of the files.
  for (const fs::path& source : sources) {
    auto recorded = done.find(checkpoint_key(source));
    if (recorded != done.end() && json::parse(recorded->second).at("version") != file_version(source)) {
      context.log.warn("the source file " + source.string() + " changed since the interrupted attempt; copying it again");
      done.erase(recorded);
    }
  }
  if (!resuming)
    for (const fs::path& target : h2_data_file_names(to))
      if (fs::exists(target))
        throw StepFailure(Kind::Precondition,
                          "the target H2 database " + to.to_string() + " must be empty but its file " +
                              target.string() + " exists");
  uint64_t total = 0;
  for (const fs::path& source : sources) total += fs::file_size(source);
  context.progress.set_total(total, ProgressReporter::Unit::Bytes);
  fs::create_directories(fs::path(to.path).parent_path());
  for (const fs::path& source : sources) {
    fs::path target = target_file(source, from, to);
    if (done.count(checkpoint_key(source))) {
      context.progress.advance(fs::file_size(source));
      continue;
    }
    std::string version = file_version(source);
    std::string sha = copy_file(context, source, target);
    if (file_version(source) != version)
      throw StepFailure(Kind::Failed, "the H2 file " + source.string() +
                                          " changed while it was copied: a server is using it; stop it and run again");
    context.checkpoints.put(checkpoint_key(source), json{{"version", version}, {"sha256", sha}}.dump());
    done[checkpoint_key(source)] = json{{"version", version}, {"sha256", sha}}.dump();
    context.log.info("copied " + source.string() + " to " + target.string() + " (sha256 " + sha + ")");
  }
  if (!verify) return;
  for (const fs::path& source : sources) {
    fs::path target = target_file(source, from, to);
    std::string expected = json::parse(done.at(checkpoint_key(source))).at("sha256");
    std::string actual = read_hashing(target, context.cancel, [](const char*, size_t) {});
    if (actual != expected)
      throw StepFailure(Kind::Failed, "the copy " + target.string() + " differs from " + source.string() +
                                          " (sha256 " + actual + ", source " + expected + ")");
  }
  context.log.info("verified " + std::to_string(sources.size()) + " H2 file(s): sha256 matches the source");
}

void discard_h2_copy(StepContext& context, const Dsn& from, const Dsn& to) {
  std::map<std::string, std::string> done = context.checkpoints.list();
  for (const fs::path& name : h2_data_file_names(from)) {
    if (!done.count(checkpoint_key(name))) continue;
    fs::path target = target_file(name, from, to);
    std::error_code ignored;
    if (fs::remove(target, ignored)) context.log.info("removed the earlier copy " + target.string());
  }
}

}  // namespace planrun
