#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <stdexcept>

namespace planrun {

// An archive refused for what it holds (an entry that would land outside, a corrupt stream),
// as opposed to std::system_error, which the operating system refused.
struct UnpackError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct UnpackHooks {
  // Entries written so far, and bytes of the archive file read so far (of its size on disk).
  std::function<void(uint64_t entries, uint64_t archive_bytes_read)> progress;
  std::function<bool()> cancelled;
};

struct UnpackResult {
  uint64_t entries = 0;    // files, directories and links written
  bool cancelled = false;  // stopped between two entries
};

// Unpacks `archive` (zip, tar, tar.gz, tar.xz, tar.zst, ...: libarchive reads the format from
// the content) into the existing `directory`, dropping `strip` leading components of every
// path (as tar --strip-components; an entry left with none is skipped). Nothing is written
// outside `directory`: an absolute path, a `..` component, a symlink pointing outside, a hard
// link to outside or a write through a symlink fails the unpack at that entry, before it is
// written; so do devices, fifos and sockets. Messages name `directory` as `shown_as` (the home
// a staging directory becomes). Throws UnpackError or std::system_error.
UnpackResult unpack_archive(const std::filesystem::path& archive, const std::filesystem::path& directory,
                            const std::filesystem::path& shown_as, int64_t strip, const UnpackHooks& hooks);

}  // namespace planrun
