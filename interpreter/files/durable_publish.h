#pragma once

#include <filesystem>

namespace planrun {

// Gives a file written under a temporary name its final name durably: the file's data is
// fdatasync'ed, it is renamed over `path` (atomically replacing what was there) and the
// directory is fsync'ed. For files too large to pass through write_file_durably as one string
// (archives, dumps written by other programs). Throws std::system_error naming the file.
void publish_durably(const std::filesystem::path& temporary, const std::filesystem::path& path);

// fdatasync's one file (written by another program, so not yet known to be on disk).
void sync_file(const std::filesystem::path& path);

}  // namespace planrun
