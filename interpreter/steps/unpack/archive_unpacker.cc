#include "interpreter/steps/unpack/archive_unpacker.h"

#include <archive.h>
#include <archive_entry.h>

#include <memory>
#include <optional>
#include <string>
#include <unordered_set>

#include "interpreter/files/path_safety.h"

namespace planrun {
namespace {

using ReadArchive = std::unique_ptr<archive, decltype(&archive_read_free)>;
using DiskWriter = std::unique_ptr<archive, decltype(&archive_write_free)>;

// libarchive's own guards, kept as a second line behind the checks of each entry below.
constexpr int kExtractFlags = ARCHIVE_EXTRACT_TIME | ARCHIVE_EXTRACT_PERM | ARCHIVE_EXTRACT_SECURE_SYMLINKS |
                              ARCHIVE_EXTRACT_SECURE_NODOTDOT;

std::string error_of(archive* handle) {
  const char* text = archive_error_string(handle);
  return text ? text : "unknown error";
}

class Unpacker {
 public:
  Unpacker(const std::filesystem::path& archive, const std::filesystem::path& directory,
           const std::filesystem::path& shown_as, int64_t strip)
      : archive_(archive), directory_(directory), shown_as_(shown_as), strip_(strip) {
    archive_read_support_filter_all(reader_.get());
    archive_read_support_format_all(reader_.get());
    archive_write_disk_set_options(writer_.get(), kExtractFlags);
    if (archive_read_open_filename(reader_.get(), archive.c_str(), 1 << 16) != ARCHIVE_OK)
      throw UnpackError("cannot read the archive '" + archive.string() + "': " + error_of(reader_.get()));
  }

  UnpackResult run(const UnpackHooks& hooks) {
    UnpackResult result;
    archive_entry* entry = nullptr;
    for (;;) {
      if (hooks.cancelled && hooks.cancelled()) {
        result.cancelled = true;
        return result;
      }
      int status = archive_read_next_header(reader_.get(), &entry);
      if (status == ARCHIVE_EOF) break;
      if (status < ARCHIVE_WARN) fail("cannot read the archive '" + archive_.string() + "'", reader_.get());
      if (write(entry)) ++result.entries;
      if (hooks.progress) hooks.progress(result.entries, static_cast<uint64_t>(archive_filter_bytes(reader_.get(), -1)));
    }
    if (archive_write_close(writer_.get()) != ARCHIVE_OK)  // sets the directories' modes and times
      fail("cannot finish unpacking into '" + shown_as_.string() + "'", writer_.get());
    return result;
  }

 private:
  [[noreturn]] void fail(const std::string& what, archive* handle) { throw UnpackError(what + ": " + error_of(handle)); }
  [[noreturn]] void refuse(const std::string& name, const std::string& why) {
    throw UnpackError("refusing to unpack '" + archive_.string() + "': its entry '" + name + "' " + why +
                      "; nothing was written outside '" + shown_as_.string() + "'");
  }

  // The entry's path inside the directory, or nullopt when stripping leaves nothing.
  std::optional<std::string> inside_path(const std::string& name) {
    if (!stays_inside(name)) refuse(name, "would land outside the target (an absolute path or '..')");
    return strip_components(name, strip_);
  }

  static std::string name_of(archive_entry* entry) {
    const char* name = archive_entry_pathname(entry);
    if (!name) name = archive_entry_pathname_utf8(entry);
    return name ? name : "";
  }

  // The staging directory starts empty, so the only symlinks in it are the archive's own: no
  // entry may be written through one (or replace one), which a chain of symlinks that each
  // look harmless would otherwise allow.
  void refuse_through_symlink(const std::string& name, const std::string& path) {
    for (size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1))
      if (symlinks_.count(path.substr(0, slash)))
        refuse(name, "would be written through the symlink '" + path.substr(0, slash) + "' of the archive");
    if (symlinks_.count(path)) refuse(name, "would replace the symlink '" + path + "' of the archive");
  }

  // Writes one entry; false when it was skipped (stripped away).
  bool write(archive_entry* entry) {
    std::string name = name_of(entry);
    std::optional<std::string> path = inside_path(name);
    if (!path) return false;
    refuse_through_symlink(name, *path);
    if (const char* hardlink = archive_entry_hardlink(entry)) {
      if (!stays_inside(hardlink)) refuse(name, std::string("is a hard link to outside the target ('") + hardlink + "')");
      std::optional<std::string> target = strip_components(hardlink, strip_);
      if (!target) return false;
      refuse_through_symlink(name, *target);
      archive_entry_set_hardlink(entry, (directory_ / *target).c_str());
    } else if (archive_entry_filetype(entry) == AE_IFLNK) {
      const char* target = archive_entry_symlink(entry);
      if (!target || !symlink_stays_inside(*path, target))
        refuse(name, std::string("is a symlink pointing outside the target ('") + (target ? target : "") + "')");
      symlinks_.insert(*path);
    } else if (archive_entry_filetype(entry) != AE_IFREG && archive_entry_filetype(entry) != AE_IFDIR) {
      refuse(name, "is not a file, a directory or a link (a device, fifo or socket)");
    }
    archive_entry_set_pathname(entry, (directory_ / *path).c_str());
    if (archive_read_extract2(reader_.get(), entry, writer_.get()) < ARCHIVE_WARN)
      fail("cannot unpack the entry '" + name + "' of '" + archive_.string() + "'", reader_.get());
    return true;
  }

  const std::filesystem::path& archive_;
  const std::filesystem::path& directory_;
  const std::filesystem::path& shown_as_;
  int64_t strip_;
  std::unordered_set<std::string> symlinks_;  // written so far, relative to the directory
  ReadArchive reader_{archive_read_new(), archive_read_free};
  DiskWriter writer_{archive_write_disk_new(), archive_write_free};
};

}  // namespace

UnpackResult unpack_archive(const std::filesystem::path& archive, const std::filesystem::path& directory,
                            const std::filesystem::path& shown_as, int64_t strip, const UnpackHooks& hooks) {
  return Unpacker(archive, directory, shown_as, strip).run(hooks);
}

}  // namespace planrun
