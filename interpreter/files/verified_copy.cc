#include "interpreter/files/verified_copy.h"

#include <sys/stat.h>

#include <cerrno>
#include <system_error>

#include "interpreter/files/durable_write.h"
#include "interpreter/files/entry_copy.h"
#include "interpreter/files/file_digest.h"
#include "interpreter/files/file_error.h"

namespace planrun {

namespace fs = std::filesystem;

bool copy_file_verified(const fs::path& from, const fs::path& to) {
  FileDigest source = digest_file(from);
  if (fs::is_regular_file(to) && digest_file(to) == source) return false;
  struct stat status {};
  if (::stat(from.c_str(), &status) != 0) throw_file_error("stat", from);
  // A fixed temporary name: an attempt killed half-way leaves one file, which the next replaces.
  fs::path temporary = to.parent_path() / ("." + to.filename().string() + ".planrun-copy");
  fs::create_directories(to.parent_path());
  try {
    copy_file_exact(from, status, temporary, false);
    publish_durably(temporary, to);
  } catch (...) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    throw;
  }
  // EIO: what a copy that reads back other bytes is, whatever changed them.
  if (digest_file(to) != source) throw_file_error("verify the copy of '" + from.string() + "' (sha256 differs) at", to, EIO);
  return true;
}

}  // namespace planrun
