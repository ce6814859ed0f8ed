#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "interpreter/files/checksum_manifest.h"
#include "interpreter/parallel/cancellation_token.h"

namespace planrun {

// What reading an archive back found: the digest of the archive file's bytes, and where its
// content and the manifest of its files disagree, in words ("a/b.jar: checksum differs",
// "c.xml: listed in the manifest but not in the archive"); empty when they agree.
struct TreeArchiveCheck {
  std::string archive_sha256;
  std::vector<std::string> differences;
};

struct TreeArchiveReadOptions {
  const CancellationToken* cancel = nullptr;          // checked between blocks: StepFailure Cancelled
  std::function<void(uint64_t bytes)> on_file_bytes;  // content read so far, per block
};

// Reads the archive once (tar, any compression libarchive knows), hashing its bytes and every
// regular file's content, and compares them with `files`. Throws EnvironmentError when the
// archive cannot be read at all.
TreeArchiveCheck check_tree_archive(const std::filesystem::path& archive, const ChecksumManifest& files,
                                    const TreeArchiveReadOptions& options);

// Extracts the archive into `target`, a directory this call creates and must not exist yet,
// exactly: modes, mtimes, links, and owners when planrun runs as root. Names that would leave
// the target (absolute, "..", through a link the archive made) fail the step. Each file's
// content is hashed as it is written; the result names what differs from `files`. Nothing is
// made durable here (the caller syncs the file system once).
TreeArchiveCheck extract_tree_archive(const std::filesystem::path& archive, const std::filesystem::path& target,
                                      const ChecksumManifest& files, const TreeArchiveReadOptions& options);

}  // namespace planrun
