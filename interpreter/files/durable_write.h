#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string_view>

namespace planrun {

// The one durable-write helper of planrun: files replaced so that after a crash or power cut
// they hold either their old content or all of the new, never a part. Each function throws
// std::system_error "cannot OPERATION 'PATH'".

// Replaces `path` with `bytes`: they go to a temporary file beside it (a name of its own for
// each call, so threads and processes writing the same path do not share one), which is
// fdatasync'ed, renamed over `path`, and the directory is fsync'ed so the rename itself is
// durable. A failure removes the temporary file. Steps (through FileSystem) and the state
// directory's own files use it.
void write_file_durably(const std::filesystem::path& path, std::string_view bytes, mode_t mode = 0644);

// Gives a file written under a temporary name its final name durably: the file's data is
// fdatasync'ed, it is renamed over `path` (atomically replacing what was there) and the
// directory is fsync'ed. For files too large to pass through write_file_durably as one string
// (archives, dumps written by other programs). The caller names, and on failure removes, the
// temporary file (a fixed name lets the next attempt find what a killed one left).
void publish_durably(const std::filesystem::path& temporary, const std::filesystem::path& path);

// fdatasync's one file (written by another program, so not yet known to be on disk).
void sync_file(const std::filesystem::path& path);

// Makes the entries of `directory` (renames, creations) durable.
void sync_directory(const std::filesystem::path& directory);

// Makes everything written to the file system that holds `path` durable, data and names: one
// syncfs instead of an fdatasync per file, for steps that write thousands of files.
void sync_file_system(const std::filesystem::path& path);

}  // namespace planrun
