#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "interpreter/files/checksum_manifest.h"
#include "interpreter/parallel/cancellation_token.h"

namespace planrun {

// How a directory's tar stream is compressed (libarchive's filters; zstd uses every core).
enum class ArchiveCompression { Zstd, Gzip, None };

// What writing a directory's archive produced.
struct TreeArchive {
  ChecksumManifest files;      // every regular file (hard links too), relative to the directory
  std::string archive_sha256;  // of the archive file's bytes, hashed as they were written
  uint64_t archive_bytes = 0;
  uint64_t file_bytes = 0;     // the regular files' content
};

struct TreeArchiveOptions {
  ArchiveCompression compression = ArchiveCompression::Zstd;
  const CancellationToken* cancel = nullptr;          // checked between blocks: StepFailure Cancelled
  std::function<void(uint64_t bytes)> on_total;       // the files' content, once the tree is walked
  std::function<void(uint64_t bytes)> on_file_bytes;  // content archived so far, per block
  std::function<void(const std::string&)> warn;       // entries a tar cannot hold (sockets)
};

// Writes `directory` as a POSIX (pax) tar to `archive`, which it creates and fdatasyncs: "./"
// for the root, then "./path" for each entry in walk order, with modes, owners, mtimes (to the
// nanosecond), symbolic links as links and hard links as links to their first path. Each
// file is read once: its content is hashed on its way into the archive. A file that changes
// size while it is read fails the step (servers must be stopped). Throws StepFailure for the
// tree's problems and EnvironmentError for the disk's.
TreeArchive write_tree_archive(const std::filesystem::path& directory, const std::filesystem::path& archive,
                               const TreeArchiveOptions& options);

}  // namespace planrun
