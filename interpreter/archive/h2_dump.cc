#include "interpreter/archive/h2_dump.h"

#include <sys/stat.h>

#include <fstream>
#include <system_error>

#include "interpreter/databases/h2_files.h"
#include "interpreter/files/durable_write.h"
#include "interpreter/files/entry_copy.h"
#include "interpreter/step_kit/step_failure.h"

namespace planrun {
namespace {

namespace fs = std::filesystem;
using Kind = StepFailure::Kind;

// The first bytes of an H2 data file: the page store writes "-- H2 0.5/B -- " in its header
// blocks, the MVStore a header of key:value pairs starting with "H:2,".
bool has_h2_header(const fs::path& file, const std::string& suffix) {
  std::ifstream in(file, std::ios::binary);
  std::string start(16, '\0');
  in.read(start.data(), static_cast<std::streamsize>(start.size()));
  start.resize(static_cast<size_t>(in.gcount()));
  return suffix == ".mv.db" ? start.starts_with("H:2,") : start.starts_with("-- H2 0.5/B --");
}

// A lock file means a server has the database open and may be writing the file being copied.
void refuse_while_open(const Dsn& dsn, const std::string& doing) {
  if (std::optional<fs::path> lock = h2_lock_file(dsn))
    throw StepFailure(Kind::Precondition, "cannot " + doing + ": " + lock->string() +
                                              " exists, so a server has the database open (stop it; if none "
                                              "runs, the lock file is left from a crash and can be removed)");
}

struct stat status_of(const fs::path& file) {
  struct stat status {};
  if (::stat(file.c_str(), &status) != 0) throw std::system_error(errno, std::generic_category(), file.string());
  return status;
}

// Copies `from` to `to` exactly; a source whose size or time changed meanwhile was being written.
void copy_unchanging(const fs::path& from, const fs::path& to, const std::string& doing) {
  try {
    struct stat before = status_of(from);
    copy_file_exact(from, before, to, false);
    struct stat after = status_of(from);
    if (!same_metadata(before, after, false))
      throw StepFailure(Kind::Failed, "cannot " + doing + ": " + from.string() +
                                          " changed while it was copied; is a server still using it?");
  } catch (const std::system_error& error) {
    throw StepFailure(Kind::Failed, "cannot " + doing + ": " + error.what());
  }
}

}  // namespace

void H2Dump::dump(const Dsn& source, const fs::path& file, const DumpServices&) const {
  std::string doing = "back up " + source.to_string();
  refuse_while_open(source, doing);
  fs::path data = source.path + suffix_;
  if (!fs::exists(data))
    throw StepFailure(Kind::Failed, "cannot " + doing + ": its data file " + data.string() + " does not exist");
  copy_unchanging(data, file, doing);
}

void H2Dump::check(const fs::path& file, const DumpServices&) const {
  if (!has_h2_header(file, suffix_))
    throw StepFailure(Kind::Failed, "the copy " + file.string() + " does not start with an H2 " +
                                        (suffix_ == ".mv.db" ? "MVStore" : "page store") + " header");
}

std::optional<std::string> H2Dump::held_by(const Dsn& target, const DumpServices&) const {
  refuse_while_open(target, "restore into " + target.to_string());
  std::vector<fs::path> files = h2_data_files(target);
  if (files.empty()) return std::nullopt;
  return "its data file " + files.front().string();
}

void H2Dump::clear(const Dsn& target, const DumpServices&) const {
  // Both names: a target of the other H2 version would otherwise be the one H2 opens.
  for (const fs::path& file : h2_data_files(target)) fs::remove(file);
}

void H2Dump::restore(const fs::path& file, const Dsn& target, const DumpServices&) const {
  std::string doing = "restore " + file.string() + " into " + target.to_string();
  fs::path data = target.path + suffix_;
  fs::path partial = data.string() + ".planrun-restoring";
  try {
    fs::create_directories(data.parent_path());
    copy_unchanging(file, partial, doing);
    publish_durably(partial, data);
  } catch (const std::system_error& error) {
    std::error_code ignored;
    fs::remove(partial, ignored);
    throw StepFailure(Kind::Failed, "cannot " + doing + ": " + error.what());
  } catch (...) {
    std::error_code ignored;
    fs::remove(partial, ignored);
    throw;
  }
}

}  // namespace planrun
